// A document as blocks with their cached per-block info, flattened to document coordinates.
import { splitBlocks, splitLines, type Block } from './blocks';
import { LARGE_DOCUMENT, structureOnly } from './structureOnly';
import { linesOf, relines, type Lines } from './lines';
import { analyzeBlock, analyzeItems, analyzeRows, type BlockInfo, type CellInfo, type FieldInfo, type HeadingInfo, type ListItemInfo } from './blockInfo';
import { patchDocument, type LineEdit } from './patch';
import { simpleItemInfo } from './simpleItem';
import { simpleRowInfo } from './simpleRow';
import { parseMarkdown } from './markdown';
import { keptWeakMap } from '../state';
import { keptTextMemo } from './memo';

/** Block infos by their source, and what the last parse saw: hand it back to parse the next version. */
export class BlockCache extends Map<string, BlockInfo> {
  last: Last | undefined = undefined;
}

export interface DocRow {
  line: number;
  cells: CellInfo[];
  header: CellInfo[];
  /** Line of the table's header row. */
  headerLine: number;
}

export interface ParsedDocument {
  lines: string[];
  blocks: Block[];
  headings: HeadingInfo[];
  fields: FieldInfo[];
  items: ListItemInfo[];
  rows: DocRow[];
  tables: { headerLine: number; header: CellInfo[] }[];
  /** Raw front matter text (between the --- lines), if any. */
  frontMatter: { text: string; start: number; end: number; toml: boolean } | null;
  /** Lines no reader takes as the author's text: fenced code, and comments spanning lines (`commentLines`). */
  codeLines: Set<number>;
  /** Lines of comments spanning lines (`<!--` at a line start … `-->`). */
  commentLines: Set<number>;
  /** Structure-only analysis of a very large document (see structureOnly.ts). */
  degraded?: boolean;
  /** Set when this version is the last one with one table row or list item changed, added or
   *  removed, and nothing else (see patch.ts): the model can update instead of rebuilding. */
  edit?: LineEdit;
  /** The edit is from the version before the last (see Last.before), not from the last. */
  editFromBefore?: true;
}

/**
 * Parse with reuse: `previous` holds block infos from the last analysis; the returned cache
 * holds exactly the blocks of this version, so it stays proportional to the document.
 * When `previous` is the cache the last call returned, that same map is updated in place and
 * returned: blocks in the unchanged lines above and below the edit are matched by position, so
 * an edit costs only the blocks it touched (no re-keying of every block).
 */
export function parseDocument(text: string, previous?: BlockCache): { doc: ParsedDocument; cache: BlockCache } {
  if (text.length > LARGE_DOCUMENT) return { doc: structureOnly(splitLines(text)), cache: new BlockCache() };
  let last = previous?.last;
  const split = last ? relines(last.split, text) : linesOf(text);
  const lines = split.lines;
  let patched = last && patchDocument(last, lines, (key) => previous!.get(key) ?? last!.evicted.get(key));
  // Enter in a table splits it (a blank line ends a table), and the next key makes the row that
  // re-joins it: from the version before the Enter that is one row added, the typing path again.
  const before = !patched && last?.before;
  if (before) {
    const evicted = last!.evicted;
    patched = patchDocument(before.last, lines, (key) => previous!.get(key) ?? before.last.evicted.get(key) ?? evicted.get(key));
    if (patched) {
      undo(previous!, before, evicted);
      last = before.last;
    }
  }
  if (patched) {
    const { doc, blocks, infos, sourceStarts, added, addedInfo, removed, edit } = patched;
    const counts = last!.counts;
    const evicted = new Map<string, BlockInfo>();
    if (added && addedInfo) {
      previous!.set(added, addedInfo);
      counts.set(added, (counts.get(added) ?? 0) + 1);
    }
    if (removed) {
      const n = (counts.get(removed) ?? 1) - 1;
      if (n > 0) counts.set(removed, n);
      else if (removed !== added) {
        counts.delete(removed);
        previous!.delete(removed);
      }
    }
    doc.edit = edit;
    if (before) doc.editFromBefore = true;
    previous!.last = { split, lines, blocks, infos, sourceStarts, counts, doc, evicted };
    return { doc, cache: previous! };
  }
  const blocks = splitBlocks(lines);
  const match = last ? matcher(last, lines) : null;
  const kept = last ? new Uint8Array(last.blocks.length) : null;
  const cache: BlockCache = last ? previous! : new BlockCache();
  const counts = last ? last.counts : new Map<string, number>();
  /** Blocks not matched by position, by key, with how often each occurs (cached after the walk). */
  const fresh = new Map<string, { info: BlockInfo; n: number }>();
  const infos: (BlockInfo | null)[] = new Array(blocks.length).fill(null);
  // Typed: kept until the next version, and the collector need not trace it.
  const sourceStarts = Int32Array.from(blocks, (b) => b.start);
  const doc: ParsedDocument = { lines, blocks, headings: [], fields: [], items: [], rows: [], tables: [], frontMatter: null, codeLines: new Set(), commentLines: new Set() };

  // 1. Each block's info: the last version's at the same place, a known one, or new (to read).
  const unknown: { index: number; key: string }[] = [];
  let headerLine = -1;
  blocks.forEach((block, i) => {
    if (block.kind === 'frontmatter') {
      doc.frontMatter = { text: lines.slice(block.start + 1, block.end).join('\n'), start: block.start, end: block.end, toml: lines[block.start]!.startsWith('+') };
      return;
    }
    if (block.kind === 'code' || block.kind === 'comment') {
      for (let l = block.start; l <= block.end; l++) doc.codeLines.add(l);
      if (block.kind === 'comment') for (let l = block.start; l <= block.end; l++) doc.commentLines.add(l);
      return;
    }
    if (block.kind === 'table-head') headerLine = block.start;
    // A row's source starts with its table's header lines.
    const sourceStart = block.kind === 'table-row' ? headerLine : block.start;
    sourceStarts[i] = sourceStart;
    const k = match ? match(block, sourceStart) : -1;
    if (k >= 0) {
      infos[i] = last!.infos[k]!;
      kept![k] = 1;
      // Unmoved (header too): the same block as before. Keep the last version's object, so this
      // version's copy dies young instead of being carried into the old generation.
      if (last!.blocks[k]!.start === block.start && last!.sourceStarts[k] === sourceStart) blocks[i] = last!.blocks[k]!;
      return;
    }
    const key = block.kind + '\u0000' + block.source;
    const seen = fresh.get(key);
    const info = seen?.info ?? cache.get(key) ?? previous?.get(key) ?? last?.evicted.get(key);
    if (!info) return void unknown.push({ index: i, key });
    infos[i] = info;
    fresh.set(key, { info, n: (seen?.n ?? 0) + 1 });
  });

  // 2. Read the new blocks; many new rows of a table or list items (a paste, an open) together.
  const batched = readTogether(unknown, blocks, sourceStarts, lines);
  for (const { index, key } of unknown) {
    const seen = fresh.get(key);
    const info = seen?.info ?? batched.get(index) ?? analyzeBlock(blocks[index]!);
    infos[index] = info;
    fresh.set(key, { info, n: (seen?.n ?? 0) + 1 });
  }

  // 3. Flatten to document coordinates.
  let header: CellInfo[] = [];
  headerLine = -1;
  blocks.forEach((block, i) => {
    const info = infos[i];
    if (!info) return;
    const at = block.start;
    if (block.kind === 'table-head') {
      header = info.header ?? [];
      headerLine = at;
      doc.tables.push({ headerLine, header });
    } else if (block.kind !== 'table-row') {
      header = [];
    }
    const placed = place(info, block, header, headerLine);
    // Runs for every block of every version: plain loops, and most arrays are empty.
    if (placed.headings.length) for (let j = 0; j < placed.headings.length; j++) doc.headings.push(placed.headings[j]!);
    if (placed.fields.length) for (let j = 0; j < placed.fields.length; j++) doc.fields.push(placed.fields[j]!);
    if (placed.items.length) for (let j = 0; j < placed.items.length; j++) doc.items.push(placed.items[j]!);
    if (placed.rows.length) for (let j = 0; j < placed.rows.length; j++) doc.rows.push(placed.rows[j]!);
    if (info.code) for (const l of info.code) doc.codeLines.add(at + l);
  });

  // Blocks added by the edit join the cache before those it removed leave it, so a key both
  // removed and re-added (an edit undone) stays.
  for (const [key, { info, n }] of fresh) {
    cache.set(key, info);
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  const lowered: string[] = [];
  // Blocks this edit removed stay at hand for one more version: Enter in a long table turns the
  // rows below into a paragraph, and the next key (or an undo) makes them rows again.
  const evicted = new Map<string, BlockInfo>();
  if (last) {
    last.blocks.forEach((b, k) => {
      if (kept![k] || !last.infos[k]) return;
      const key = b.kind + '\u0000' + b.source;
      lowered.push(key);
      const n = (counts.get(key) ?? 1) - 1;
      if (n > 0) counts.set(key, n);
      else {
        counts.delete(key);
        const info = cache.get(key);
        cache.delete(key);
        if (info) evicted.set(key, info);
      }
    });
    // One version back at most: the last version forgets its own.
    last.before = undefined;
  }
  const back = last ? { last, added: [...fresh].map(([key, { n }]) => [key, n] as const), lowered } : undefined;
  cache.last = { split, lines, blocks, infos, sourceStarts, counts, doc, evicted, before: back };
  return { doc, cache };
}

/** Puts the cache back as it was for `before.last`: what the last version's parse counted, uncounted. */
function undo(cache: BlockCache, before: Before, evicted: Map<string, BlockInfo>): void {
  const counts = before.last.counts;
  for (const key of before.lowered) {
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const info = n ? undefined : evicted.get(key);
    if (info) cache.set(key, info);
  }
  for (const [key, n] of before.added) {
    const left = counts.get(key)! - n;
    if (left > 0) counts.set(key, left);
    else {
      counts.delete(key);
      cache.delete(key);
    }
  }
}

/** Fewer new blocks than this cost about the same read one by one. Batches stay small: a parse of
 *  a whole huge table would hold its syntax tree in memory at once, and a parser run's garbage
 *  outliving young-generation collections makes the heap grow. */
const BATCH_MIN = 8;
const BATCH_MAX = 32;

/**
 * Infos (by block index) for new table rows, read per table with their header, and new list
 * items, read a few dozen at a time; whatever a batch declines is read alone afterwards.
 */
function readTogether(unknown: { index: number; key: string }[], blocks: Block[], sourceStarts: Int32Array, lines: string[]): Map<number, BlockInfo> {
  const groups = new Map<number, number[]>();
  const items: number[] = [];
  const out = new Map<number, BlockInfo>();
  for (const { index } of unknown) {
    const block = blocks[index]!;
    const kind = block.kind;
    if (kind === 'list-item') {
      // Plain one-line items are read without the parser (as analyzeBlock does), so not batched.
      const simple = block.start === block.end ? simpleItemInfo(block.source) : null;
      if (simple) out.set(index, simple);
      else items.push(index);
    }
    if (kind !== 'table-row') continue;
    const rows = groups.get(sourceStarts[index]!) ?? [];
    rows.push(index);
    groups.set(sourceStarts[index]!, rows);
  }
  const read = (indexes: number[], analyze: (chunk: number[]) => BlockInfo[] | null) => {
    if (indexes.length < BATCH_MIN) return;
    for (let from = 0; from < indexes.length; from += BATCH_MAX) {
      const chunk = indexes.slice(from, from + BATCH_MAX);
      analyze(chunk)?.forEach((info, j) => out.set(chunk[j]!, info));
    }
  };
  for (const [headerLine, allRows] of groups) {
    const head = lines[headerLine]! + '\n' + lines[headerLine + 1]!;
    // Under a real table header, plain rows need no parser; the rest are read together.
    let rows = allRows;
    if (allRows.length > 1 && isTable(head)) {
      rows = [];
      for (const i of allRows) {
        const simple = simpleRowInfo(lines[blocks[i]!.start]!);
        if (simple) out.set(i, simple);
        else rows.push(i);
      }
    }
    read(rows, (chunk) =>
      analyzeRows(
        head,
        chunk.map((i) => lines[blocks[i]!.start]!),
      ),
    );
  }
  read(items, (chunk) => analyzeItems(chunk.map((i) => blocks[i]!.source)));
  return out;
}

/** A header and delimiter line the parser reads as a table (not, say, a setext heading). Tables
 *  of a workspace share a few headers. */
const tableHeads = keptTextMemo((head) => {
  const root = parseMarkdown(head);
  return root.children.length === 1 && root.children[0]!.type === 'table';
});
const isTable = (head: string): boolean => tableHeads.get(head);

/** What the last parse saw, kept with the cache it returned (the service hands that back). */
export interface Last {
  split: Lines;
  lines: string[];
  blocks: Block[];
  /** Per block; null for front matter and code. */
  infos: (BlockInfo | null)[];
  /** First line of each block's source (a table row's source starts at its table's header). */
  sourceStarts: Int32Array;
  /** How many blocks of that version have each cache key. */
  counts: Map<string, number>;
  doc: ParsedDocument;
  /** Infos of the blocks that version removed (kept for one version). */
  evicted: Map<string, BlockInfo>;
  /** When that version took the general path: the one before it, and what its parse counted. */
  before?: Before;
}

interface Before {
  last: Last;
  /** Keys counted up (by how many) and counted down (once each) going from `last` to the next version. */
  added: readonly (readonly [string, number])[];
  lowered: readonly string[];
}

/**
 * Finds, for a block whose whole source lies in the lines an edit left alone (above it, or below
 * it shifted by the lines it added), the last version's block with the same source: same kind,
 * extent and header position over identical lines. Blocks must be asked in document order.
 */
function matcher(last: Last, lines: string[]): (block: Block, sourceStart: number) => number {
  const old = last.lines;
  const max = Math.min(old.length, lines.length);
  let head = 0;
  while (head < max && old[head] === lines[head]) head++;
  let tail = 0;
  while (tail < max - head && old[old.length - 1 - tail] === lines[lines.length - 1 - tail]) tail++;
  const delta = lines.length - old.length;
  const below = lines.length - tail;
  /** How far lines `from`..`to` moved, when the edit left them alone; null when it did not. */
  const moved = (from: number, to: number) => (to < head ? 0 : from >= below ? delta : null);
  let k = 0;
  return (block, sourceStart) => {
    const shift = moved(block.start, block.end);
    // A row's header lines may be above the edit while the row is below it.
    const headerShift = block.prefixLines ? moved(sourceStart, sourceStart + block.prefixLines - 1) : shift;
    if (shift === null || headerShift === null) return -1;
    const start = block.start - shift;
    while (k < last.blocks.length && last.blocks[k]!.start < start) k++;
    const o = last.blocks[k];
    const same =
      o !== undefined &&
      o.start === start &&
      o.end === block.end - shift &&
      o.kind === block.kind &&
      o.prefixLines === block.prefixLines &&
      last.sourceStarts[k] === sourceStart - headerShift &&
      last.infos[k] !== null;
    return same ? k : -1;
  };
}

/** A block's info in document coordinates. */
interface Placed {
  at: number;
  header: CellInfo[];
  headerLine: number;
  headings: HeadingInfo[];
  fields: FieldInfo[];
  items: ListItemInfo[];
  rows: DocRow[];
}

// The same objects while a block neither changes nor moves, so an edit allocates only for the
// blocks it touched (and those below it when it adds or removes lines).
const placements = keptWeakMap<BlockInfo, Placed>();

function place(info: BlockInfo, block: Block, header: CellInfo[], headerLine: number): Placed {
  const at = block.start;
  const p = placements.get(info);
  if (p && p.at === at && p.headerLine === headerLine && (block.kind !== 'table-row' || p.header === header)) return p;
  const placed: Placed = {
    at,
    header,
    headerLine,
    headings: info.headings.map((h) => ({ ...h, line: h.line + at })),
    fields: info.fields.map((f) => ({ ...f, line: f.line + at })),
    items: info.items.map((i) => ({ ...i, line: i.line + at, endLine: i.endLine + at })),
    rows: info.rows.map((r) => ({ line: r.line + at, cells: r.cells, header, headerLine })),
  };
  placements.set(info, placed);
  return placed;
}
