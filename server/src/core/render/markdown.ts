// The document body, rendered piece by piece so that while typing only the piece that changed is
// parsed again: chunks (runs of lines markdown reads independently, chunks.ts), and long tables and
// lists cut into groups of rows. Every piece sees the document's reference definitions; what each
// piece renders to is kept for the next render of the document (pieces.ts). The result is exactly
// what one parse of the whole document gives (the tests compare the two).
import type { Nodes as MdNodes, Parents as MdParents, Root as MdRoot } from 'mdast';
import { afterFrontMatter, bigList, bigTable, rowGroups, splitChunks } from './chunks';
import { parseChunk, renderChunk, type BodyOptions, type Rendered } from './convert';
import { pieceCache, place, toPiece, type Piece, type PieceCache } from './pieces';

export { MAX_INLINE_IMAGE_BYTES, SCHEMA, type BodyOptions, type ReadResource } from './convert';

/** A run of lines rendered on its own: a chunk, or a long table or list in groups of rows. */
type Unit = { kind: 'chunk'; start: number; text: string } | Grouped;
/** A long table or list: where each group of rows starts (counted from its first row) and the group's lines. */
type Grouped = { kind: 'table' | 'list' | 'looseList'; start: number; text: string; starts: number[]; groups: string[] };

/** What a piece is parsed from: the document's reference definitions when it may use one, then its own lines `shift` lines down. */
interface Source {
  text: string;
  shift: number;
}

/** A group of table rows: the table up to `<tbody>` and the rows. */
interface TableGroup {
  head: Piece;
  rows: Piece;
}

/** A group of list items: the list's opening tag (and whether it says the list has a task), the items, the closing tag. */
interface ListGroup {
  open: Piece;
  tasks: boolean;
  items: Piece;
  close: string;
}

const FOOTNOTE_DEF = /^ {0,3}\[\^[^\]]+\]:/;

// Webview mode only keeps pieces: standalone output may inline images whose files change.
export function renderMarkdown(text: string, options: BodyOptions): string {
  const lines = text.split(/\r\n|\r|\n/);
  const first = afterFrontMatter(lines);
  const cache = pieceCache(options.mode === 'webview' && options.wholeDocument !== true ? `${options.docUri}\u0000${options.resourceBase ?? ''}` : null);
  const wholeDocument: Unit[] = [{ kind: 'chunk', start: first, text: lines.slice(first).join('\n') }];
  // Footnotes are collected into one section at the end: those documents are rendered whole.
  let units = options.wholeDocument === true || lines.some((l) => FOOTNOTE_DEF.test(l)) ? wholeDocument : splitChunks(lines, first).map(toUnit);
  let definitions: string[] = [];
  if (units !== wholeDocument) {
    const found = units
      .flatMap((u) => (u.kind === 'chunk' ? [u.text] : u.groups))
      .filter((t) => t.includes(']:'))
      .map((t) => cache.get('defs', t, () => definitionsIn(t)));
    if (found.includes(null)) units = wholeDocument;
    else definitions = found.flatMap((d) => d!);
  }
  // Definitions go first (the first of a label wins, as in the whole document), then a blank line.
  const defs = definitions.join('\n');
  const shift = defs ? defs.split('\n').length + 1 : 0;
  const sourceOf = (t: string): Source => (defs && t.includes(']') ? { text: `${defs}\n\n${t}`, shift } : { text: t, shift: 0 });

  const slugs = new Map<string, number>();
  const headingId = (t: string) => slug(t, slugs);
  const out: string[] = [];
  for (const u of units) {
    const separated = out.length > 0;
    if (separated) out.push('\n');
    const mark = out.length;
    const grouped = u.kind === 'chunk' ? false : u.kind === 'table' ? renderTable(u, sourceOf, options, cache, out) : renderList(u, sourceOf, options, cache, headingId, out);
    if (!grouped) {
      const source = sourceOf(u.text);
      place(
        cache.get('chunk', source.text, () => toPiece(renderChunk(source.text, options), source.shift)),
        u.start,
        headingId,
        out,
      );
    }
    // A chunk that renders as nothing (only definitions or raw HTML) leaves no blank line.
    if (out.length === mark + 1 && out[mark] === '') out.length = separated ? mark - 1 : mark;
  }
  cache.done();
  return out.join('');
}

function toUnit(c: { start: number; text: string }): Unit {
  const table = bigTable(c.text);
  if (table) {
    const starts = rowGroups(table.rows);
    return { kind: 'table', ...c, starts, groups: starts.map((s, g) => `${table.header}\n${table.rows.slice(s, starts[g + 1]).join('\n')}`) };
  }
  const list = bigList(c.text);
  if (list) {
    const starts = rowGroups(list.lines);
    return { kind: list.loose ? 'looseList' : 'list', ...c, starts, groups: starts.map((s, g) => list.lines.slice(s, starts[g + 1]).join('\n')) };
  }
  return { kind: 'chunk', ...c };
}

/** The reference definitions in a piece, as written; null when the document must be rendered whole
 *  (a footnote, or a definition over several lines inside a quote or list). */
function definitionsIn(text: string): string[] | null {
  const found: string[] = [];
  let whole = false;
  const visit = (node: MdParents, top: boolean) => {
    for (const child of node.children as MdNodes[]) {
      if (child.type === 'footnoteDefinition') whole = true;
      else if (child.type === 'definition') {
        const at = child.position;
        if (at?.start.offset === undefined || at.end.offset === undefined || (!top && at.start.line !== at.end.line)) whole = true;
        else found.push(text.slice(at.start.offset, at.end.offset));
      } else if ('children' in child) visit(child, false);
    }
  };
  try {
    visit(parseChunk.parse(text) as MdRoot, true);
  } catch (e) {
    // Nesting thousands deep: that piece is shown as text (renderChunk) and defines nothing.
    if (!(e instanceof RangeError && /call stack/i.test(e.message))) throw e;
    return [];
  }
  return whole ? null : found;
}

function renderTable(u: Grouped, sourceOf: (t: string) => Source, options: BodyOptions, cache: PieceCache, out: string[]): boolean {
  const groups: TableGroup[] = [];
  for (const text of u.groups) {
    const source = sourceOf(text);
    const group = cache.get('table', source.text, () => tableGroup(source, options));
    if (!group) return false; // not what we expected: the table is rendered whole
    groups.push(group);
  }
  place(groups[0]!.head, u.start, noHeadings, out);
  groups.forEach((group, g) => {
    if (g > 0) out.push('\n');
    // In the group's own lines, its first row is line 2 (after the header and the delimiter row).
    place(group.rows, u.start + u.starts[g]!, noHeadings, out);
  });
  out.push('\n</tbody>\n</table>');
  return true;
}

function tableGroup(source: Source, options: BodyOptions): TableGroup | null {
  const { html, headings } = renderChunk(source.text, options);
  const open = html.indexOf('<tbody>\n');
  const end = '\n</tbody>\n</table>';
  if (!html.startsWith('<table') || open < 0 || !html.endsWith(end) || html.indexOf('<table', 1) >= 0 || headings.length) return null;
  return { head: toPiece({ html: html.slice(0, open + 8), headings: [] }, source.shift), rows: toPiece({ html: html.slice(open + 8, html.length - end.length), headings: [] }, source.shift) };
}

/** Table groups have no headings (tableGroup refuses them). */
const noHeadings = (): string => '';

function renderList(u: Grouped, sourceOf: (t: string) => Source, options: BodyOptions, cache: PieceCache, headingId: (t: string) => string, out: string[]): boolean {
  const groups: ListGroup[] = [];
  for (const text of u.groups) {
    const source = sourceOf(text);
    const group = cache.get(u.kind, source.text, () => listGroup(source, text, u.kind === 'looseList', options));
    if (!group) return false; // not one list of items, one per line: the list is rendered whole
    groups.push(group);
  }
  const first = groups[0]!;
  let open = first.open;
  // GitHub's class for a list with a task item anywhere in it (after `start`, before the line).
  if (!first.tasks && groups.some((g) => g.tasks)) open = { ...open, texts: [open.texts[0]!.replace(' data-line="', ' class="contains-task-list" data-line="'), ...open.texts.slice(1)] };
  place(open, u.start, noHeadings, out);
  out.push('\n');
  groups.forEach((group, g) => {
    if (g > 0) out.push('\n');
    place(group.items, u.start + u.starts[g]!, headingId, out);
  });
  out.push(first.close);
  return true;
}

const LIST_OPEN = /^<(ul|ol)\b[^<>]*>\n/;

function listGroup(source: Source, lines: string, loose: boolean, options: BodyOptions): ListGroup | null {
  const count = lines.split('\n').filter((l) => !/^[ \t]*$/.test(l)).length;
  // One list of `count` items; loose when the whole list is (a group without a blank line parses tight).
  const oneList = (root: MdRoot) => {
    const [list, ...rest] = root.children.filter((n) => n.type !== 'definition');
    if (list?.type !== 'list' || rest.length > 0 || list.children.length !== count) return false;
    if (loose) list.spread = true;
    return loose || (!list.spread && list.children.every((item) => !item.spread));
  };
  const rendered = renderChunk(source.text, options, oneList);
  const open = rendered && LIST_OPEN.exec(rendered.html);
  if (!rendered || !open) return null;
  const { html, headings } = rendered;
  const close = `\n</${open[1]}>`;
  if (!html.endsWith(close)) return null;
  const tag = open[0].slice(0, -1);
  const items: Rendered = { html: html.slice(open[0].length, html.length - close.length), headings };
  return { open: toPiece({ html: tag, headings: [] }, source.shift), tasks: tag.includes(' class="contains-task-list"'), items: toPiece(items, source.shift), close };
}

/** GitHub-style heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
export function slug(text: string, seen: Map<string, number>): string {
  const base =
    text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-') || 'section';
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}-${n}`;
}
