// The typing fast path: one table row or one list item changed, added or removed, with the blocks
// around it provably unchanged. Then the last version's blocks, infos and flattened arrays are
// reused as they are (above the edit) or shifted (below it), instead of walking every block.
import { COMMENT_OPEN, FENCE, type Block } from './blocks';
import { analyzeBlock, type BlockInfo, type CellInfo, type ListItemInfo } from './blockInfo';
import type { DocRow, Last, ParsedDocument } from './document';
import { firstAtOrAfter, lineOf, replaced } from '../sorted';

const LIST_START = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLANK = /^\s*$/;
const HEADING_ROW = /^#{1,6}\s/;
const HEADING_ITEM = /^ {0,3}#{1,6}(\s|$)/;

/** What changed since the last version: `removed` lines at `line` became `added` lines. */
export interface LineEdit {
  line: number;
  removed: 0 | 1;
  added: 0 | 1;
  kind: 'table-row' | 'list-item';
  /** Table rows read on the line before and after (0 or 1 each). */
  rowsRemoved: number;
  rowsAdded: number;
}

/** The single-line edit between two line arrays (unchanged lines are the same strings), or null. */
export function lineEdit(old: string[], lines: string[]): { line: number; removed: number; added: number } | null {
  const max = Math.min(old.length, lines.length);
  let head = 0;
  while (head < max && old[head] === lines[head]) head++;
  let tail = 0;
  while (tail < max - head && old[old.length - 1 - tail] === lines[lines.length - 1 - tail]) tail++;
  const removed = old.length - head - tail;
  const added = lines.length - head - tail;
  return removed <= 1 && added <= 1 && removed + added > 0 ? { line: head, removed, added } : null;
}

const startOf = (b: Block) => b.start;

/** Index of the first block starting at or after `line`. */
const firstFrom = (blocks: Block[], line: number) => firstAtOrAfter(blocks, line, startOf);

/** Index of the block holding `line`, or -1. */
function blockAt(blocks: Block[], line: number): number {
  const i = firstFrom(blocks, line + 1) - 1;
  return i >= 0 && blocks[i]!.end >= line ? i : -1;
}

const simple = (info: BlockInfo | null) => !!info && !info.headings.length && !info.fields.length && !info.header && !info.code?.length;

/**
 * The kind of block the edit touches, when the split around it is provably the same as before
 * (see splitBlocks): rows continue while lines hold a pipe; a top-level item ends where the next
 * marker, blank line or unindented line starts. Null when anything else could change.
 */
function editKind(last: Last, lines: string[], e: { line: number; removed: number; added: number }): LineEdit['kind'] | null {
  const h = e.line;
  if (h < 1 || (last.doc.frontMatter && h <= last.doc.frontMatter.end)) return null;
  const x = e.added ? lines[h]! : null;
  const before = last.blocks[blockAt(last.blocks, h - 1)];
  const old = e.removed ? last.blocks[blockAt(last.blocks, h)] : undefined;
  if (e.removed && (!old || old.start !== h || old.end !== h || (old.kind !== 'table-row' && old.kind !== 'list-item'))) return null;
  if (x !== null && (BLANK.test(x) || FENCE.test(x) || COMMENT_OPEN.test(x))) return null;
  // Inside a comment (a line added between its first and last): nothing there is read.
  if (last.doc.commentLines.has(h) && last.doc.commentLines.has(h - 1)) return null;
  const kind = old?.kind ?? (x!.includes('|') && (before?.kind === 'table-row' || before?.kind === 'table-head') ? 'table-row' : 'list-item');
  if (kind === 'table-row') {
    // The row loop runs on from the line above, which must end a row or the header.
    if (!before || before.end !== h - 1 || (before.kind !== 'table-row' && before.kind !== 'table-head')) return null;
    return x === null || (x.includes('|') && !HEADING_ROW.test(x)) ? 'table-row' : null;
  }
  // A list item between items (or blank lines): it neither joins nor splits a neighbour.
  if (x !== null && (!LIST_START.test(x) || x.includes('|'))) return null;
  const aboveOk = BLANK.test(lines[h - 1]!) || (before?.kind === 'list-item' && before.end === h - 1);
  const nextLine = e.removed ? h + 1 : h; // in the last version
  const next = last.lines[nextLine];
  const nextBlock = last.blocks[blockAt(last.blocks, nextLine)];
  const belowOk = next === undefined || BLANK.test(next) || (nextBlock?.kind === 'list-item' && nextBlock.start === nextLine && LIST_START.test(next) && !HEADING_ITEM.test(next));
  return aboveOk && belowOk ? 'list-item' : null;
}

const moveItem = (i: ListItemInfo, delta: number): ListItemInfo => ({
  line: i.line + delta,
  endLine: i.endLine + delta,
  checked: i.checked,
  contentStart: i.contentStart,
  text: i.text,
  depth: i.depth,
});

/** Shifted copies of what lies at or below `from`, by `delta` lines. */
const shiftRow = (r: DocRow, from: number, delta: number): DocRow => ({
  line: r.line + delta,
  cells: r.cells,
  header: r.header,
  headerLine: r.headerLine >= from ? r.headerLine + delta : r.headerLine,
});

/** The parse of `lines` from the last one, or null when the edit is not a simple row / item edit. */
export function patchDocument(
  last: Last,
  lines: string[],
  cached: (key: string) => BlockInfo | undefined,
): { doc: ParsedDocument; blocks: Block[]; infos: (BlockInfo | null)[]; sourceStarts: Int32Array; added: string | null; addedInfo: BlockInfo | null; removed: string | null; edit: LineEdit } | null {
  const e = lineEdit(last.lines, lines);
  if (!e) return null;
  const kind = editKind(last, lines, e);
  if (!kind) return null;
  const h = e.line;
  const delta = e.added - e.removed;
  const at = firstFrom(last.blocks, h); // the removed block's index, or where the new one goes
  if (e.removed && !simple(last.infos[at]!)) return null;

  let block: Block | null = null;
  let info: BlockInfo | null = null;
  let sourceStart = h;
  let header: CellInfo[] = [];
  if (e.added) {
    if (kind === 'table-row') {
      const above = at - 1;
      sourceStart = last.blocks[above]!.kind === 'table-head' ? last.blocks[above]!.start : last.sourceStarts[above]!;
      header = last.infos[blockAt(last.blocks, sourceStart)]?.header ?? [];
      const head = lines[sourceStart]! + '\n' + lines[sourceStart + 1]!;
      block = { kind, start: h, end: h, source: head + '\n' + lines[h]!, prefixLines: 2 };
    } else {
      block = { kind, start: h, end: h, source: lines[h]!, prefixLines: 0 };
    }
    const key = block.kind + '\u0000' + block.source;
    info = cached(key) ?? analyzeBlock(block);
    if (!simple(info) || info.rows.length > (kind === 'table-row' ? 1 : 0) || (kind === 'table-row' && info.items.length)) return null;
  }

  // Blocks, infos and source starts: the same above, the new one, shifted below.
  const n = last.blocks.length - e.removed + e.added;
  const blocks: Block[] = new Array(n);
  const infos: (BlockInfo | null)[] = new Array(n);
  const sourceStarts = new Int32Array(n);
  for (let i = 0; i < at; i++) {
    blocks[i] = last.blocks[i]!;
    infos[i] = last.infos[i]!;
  }
  sourceStarts.set(last.sourceStarts.subarray(0, at));
  if (block) {
    blocks[at] = block;
    infos[at] = info;
    sourceStarts[at] = sourceStart;
  }
  for (let i = at + e.removed, j = at + e.added; i < last.blocks.length; i++, j++) {
    const b = last.blocks[i]!;
    blocks[j] = delta ? { kind: b.kind, start: b.start + delta, end: b.end + delta, source: b.source, prefixLines: b.prefixLines } : b;
    infos[j] = last.infos[i]!;
    const s = last.sourceStarts[i]!;
    sourceStarts[j] = s >= h ? s + delta : s;
  }

  // The flattened arrays: only rows or items sit on the edited line (simple() above).
  const old = last.doc;
  const doc: ParsedDocument = {
    lines,
    blocks,
    headings: delta ? old.headings.map((x) => (x.line >= h ? { ...x, line: x.line + delta } : x)) : old.headings,
    fields: delta ? old.fields.map((x) => (x.line >= h ? { ...x, line: x.line + delta } : x)) : old.fields,
    items: old.items,
    rows: old.rows,
    tables: delta ? old.tables.map((t) => (t.headerLine >= h ? { headerLine: t.headerLine + delta, header: t.header } : t)) : old.tables,
    frontMatter: old.frontMatter,
    codeLines: delta ? new Set([...old.codeLines].map((l) => (l >= h ? l + delta : l))) : old.codeLines,
    commentLines: delta ? new Set([...old.commentLines].map((l) => (l >= h ? l + delta : l))) : old.commentLines,
  };
  if (kind === 'table-row') {
    const placed: DocRow[] = info?.rows.map((r) => ({ line: r.line + h, cells: r.cells, header, headerLine: sourceStart })) ?? [];
    doc.rows = splice(old.rows, h, e.removed, placed, delta, shiftRow);
  } else {
    const placed = info?.items.map((i) => ({ ...i, line: i.line + h, endLine: i.endLine + h })) ?? [];
    doc.items = splice(old.items, h, e.removed, placed, delta, (i, _from, d) => moveItem(i, d));
  }
  if (delta && kind === 'table-row') doc.items = old.items.map((i) => (i.line >= h ? moveItem(i, delta) : i));
  if (delta && kind === 'list-item') doc.rows = old.rows.map((r) => (r.line >= h ? shiftRow(r, h, delta) : r));
  const keyOf = (b: Block) => b.kind + '\u0000' + b.source;
  return {
    doc,
    blocks,
    infos,
    sourceStarts,
    added: block ? keyOf(block) : null,
    addedInfo: info,
    removed: e.removed ? keyOf(last.blocks[at]!) : null,
    edit: { line: h, removed: e.removed as 0 | 1, added: e.added as 0 | 1, kind, rowsRemoved: e.removed ? last.infos[at]!.rows.length : 0, rowsAdded: info?.rows.length ?? 0 },
  };
}

/** `xs` (sorted by line) with the elements on line `h` (when `removed`) replaced by `placed`, and
 *  those after shifted by `delta`. */
function splice<T extends { line: number }>(xs: T[], h: number, removed: number, placed: T[], delta: number, shift: (x: T, from: number, delta: number) => T): T[] {
  const lo = firstAtOrAfter(xs, h, lineOf);
  let after = lo;
  if (removed) while (after < xs.length && xs[after]!.line === h) after++;
  return replaced(xs, lo, after - lo, placed, delta ? (x) => shift(x, h, delta) : null);
}
