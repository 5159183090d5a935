// Rendered pieces of the document body, and the cache that keeps them from one render of a document
// to the next. A piece keeps its data-line numbers (relative to its own first line) apart from its
// text, so it is placed at any line without parsing or rewriting it: a line inserted above costs nothing.
import { keptMap } from '../state';

export interface Piece {
  /** The HTML around the line numbers: one more entry than `lines`; each after the first starts at the number's closing quote. */
  texts: string[];
  lines: number[];
  /** Indices into `lines` of headings (their id follows the number), in order, with their texts. */
  headingSlots: number[];
  headings: string[];
}

// In our output a '<' in text is always escaped, and '"' in attribute values too: these only match real tags.
const LINE_ATTR = /(<[a-z][a-z0-9]*\b[^<>]*?\sdata-line=")(\d+)"/g;
const HEADING_AT = /<h[1-6] data-line="\d+">/y;

/** `headings`: the texts of the first headings in `html` that get an id; `shift`: how many lines the
 *  HTML's numbers count from above the piece's first line (the definitions parsed with it). */
export function toPiece({ html, headings }: { html: string; headings: readonly string[] }, shift = 0): Piece {
  const piece: Piece = { texts: [], lines: [], headingSlots: [], headings: [...headings] };
  let last = 0;
  for (const m of html.matchAll(LINE_ATTR)) {
    const at = m.index + m[1]!.length;
    piece.texts.push(html.slice(last, at));
    piece.lines.push(Number(m[2]) - shift);
    last = at + m[2]!.length;
    HEADING_AT.lastIndex = m.index;
    if (piece.headingSlots.length < headings.length && HEADING_AT.test(html)) piece.headingSlots.push(piece.lines.length - 1);
  }
  piece.texts.push(html.slice(last));
  return piece;
}

/** Appends the piece's HTML with its lines moved down by `by`, giving its headings the next ids. */
export function place(piece: Piece, by: number, headingId: (text: string) => string, out: string[]): void {
  const { texts, lines, headingSlots, headings } = piece;
  let h = 0;
  out.push(texts[0]!);
  for (let k = 0; k < lines.length; k++) {
    out.push(String(lines[k]! + by));
    if (headingSlots[h] === k) out.push(`" id="${headingId(headings[h++]!)}`);
    out.push(texts[k + 1]!);
  }
}

/** Documents whose pieces are kept; the least recently rendered goes first. */
const MAX_DOCUMENTS = 8;
/** Per document, the pieces of its last two renders: a keystroke that changes how much of the document
 *  reads (Enter in a table splits it, the next character joins it again) finds what was there before. */
const documents = keptMap<string, { last: Map<string, unknown>; before: Map<string, unknown> }>();

export interface PieceCache {
  /** What `make` gives for this kind of piece and source, reused from the document's last renders when they had it. */
  get<T>(kind: string, source: string, make: () => T): T;
  /** Keeps what this render used for the next render of the document. */
  done(): void;
}

/** The cache for one render of a document; `key` names the document and whatever else changes its
 *  HTML besides its text. Null: nothing is kept (output that depends on more than the text). */
export function pieceCache(key: string | null): PieceCache {
  const kept = key === null ? undefined : documents.get(key);
  const used = new Map<string, unknown>();
  return {
    get<T>(kind: string, source: string, make: () => T): T {
      if (key === null) return make();
      const k = `${kind}\u0000${source}`;
      if (used.has(k)) return used.get(k) as T;
      const value = kept?.last.has(k) ? kept.last.get(k) : kept?.before.has(k) ? kept.before.get(k) : make();
      used.set(k, value);
      return value as T;
    },
    done() {
      if (key === null) return;
      documents.delete(key);
      documents.set(key, { last: used, before: kept?.last ?? new Map() });
      if (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
    },
  };
}

/** How much is kept: documents, and different pieces over all of them. */
export function pieceCacheSize(): { documents: number; pieces: number } {
  let pieces = 0;
  for (const { last, before } of documents.values()) {
    pieces += last.size;
    for (const k of before.keys()) if (!last.has(k)) pieces++;
  }
  return { documents: documents.size, pieces };
}

/** Forgets the pieces kept for a document (whatever its resource base). */
export function forgetPieces(uri: string): void {
  for (const key of [...documents.keys()]) if (key.startsWith(`${uri}\u0000`)) documents.delete(key);
}
