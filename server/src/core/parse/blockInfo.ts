// What the model needs from one block, in block-relative coordinates (line 0 = the block's
// first own line). Computed once per distinct block text and cached.
import type { Nodes, Root, Strong, ListItem, TableRow, Heading } from 'mdast';
import { parseMarkdown } from './markdown';
import { closesFence, FENCE, type Block } from './blocks';
import { detach } from './memo';
import { simpleItemInfo } from './simpleItem';
import { lineAt } from './lines';

export interface CellInfo {
  text: string;
  start: number;
  end: number;
}

export interface HeadingInfo {
  line: number;
  depth: number;
  text: string;
  /** Column where the heading text starts. */
  textStart: number;
}

export interface FieldInfo {
  line: number;
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  raw: string;
  /** Nesting depth of the list the field sits in (0 = not in a list). */
  listDepth: number;
}

export interface ListItemInfo {
  line: number;
  endLine: number;
  checked: boolean | null;
  /** Column where the item's text starts (after the marker and any checkbox). */
  contentStart: number;
  /** Text of the item's first line from contentStart. */
  text: string;
  depth: number;
}

export interface RowInfo {
  line: number;
  cells: CellInfo[];
}

export interface BlockInfo {
  headings: HeadingInfo[];
  fields: FieldInfo[];
  items: ListItemInfo[];
  rows: RowInfo[];
  /** Header cells, for a table-head block. */
  header: CellInfo[] | null;
  /** Lines (block-relative) of fenced code the parser found inside the block (a fence in a list item). */
  code?: number[];
}

/** Markdown nested thousands deep (a 7 KB line of `- - - …`) overflows the parser's stack: such a
 *  block holds no structure for the model, rather than failing the whole analysis. */
const PIPE_LINES = /^ {0,3}\|[^\n]*(?:\n {0,3}\|[^\n]*)*$/;

export function analyzeBlock(block: Block): BlockInfo {
  if (block.kind === 'list-item' && block.start === block.end) {
    const simple = simpleItemInfo(block.source);
    if (simple) return simple;
  }
  // Lines that all start with a pipe, outside a table (Enter in a long table turns the rows below
  // into this): a paragraph, holding no heading (no underline), field (not at a line start) or row.
  if (block.kind === 'other' && PIPE_LINES.test(block.source)) return { headings: [], fields: [], items: [], rows: [], header: null };
  try {
    return analyze(block);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) return { headings: [], fields: [], items: [], rows: [], header: null };
    throw e;
  }
}

/** The parser's reading of a block (exported for the tests of the readings that skip it). */
export function analyze(block: Block): BlockInfo {
  const info: BlockInfo = { headings: [], fields: [], items: [], rows: [], header: null };
  if (block.kind === 'code' || block.kind === 'comment' || block.kind === 'frontmatter') return info;
  // A one-line block's source is a slice of the whole document: copy it, or the cached info
  // would keep this version of the document alive after the next edit.
  const src = detach(block.source);
  const { lines, at } = sourcePositions(src);
  const pos = (offset: number) => {
    const p = at(offset);
    return { line: p.line - block.prefixLines, character: p.character };
  };
  const root: Root = parseMarkdown(src);
  const reader: Reader = { info, pos, lines, prefix: block.prefixLines, kind: block.kind };
  for (const child of root.children) visit(child as Nodes, 0, reader);
  return info;
}

/** The lines of a parsed source, and the line and column of an offset in the parser's positions. */
function sourcePositions(src: string): { lines: string[]; at: (offset: number) => { line: number; character: number } } {
  const starts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) starts.push(i + 1);
  // micromark drops a leading byte order mark and counts offsets without it.
  const bom = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  return {
    lines: src.split('\n'),
    at: (o) => {
      const offset = o + bom;
      const line = lineAt(starts, offset);
      return { line, character: offset - starts[line]! };
    },
  };
}

/** Where visit() puts what it finds, and how it reads positions (block-relative lines). */
interface Reader {
  info: BlockInfo;
  pos: (offset: number) => { line: number; character: number };
  /** The parsed source's lines; a block line `l` is `lines[l + prefix]`. */
  lines: string[];
  prefix: number;
  kind: Block['kind'];
}

function visit(node: Nodes, listDepth: number, r: Reader): void {
  switch (node.type) {
    case 'heading': {
      // A row's source starts with its table's header: a heading read there (a header row whose
      // delimiter is really a setext underline) is the header block's, not this row's.
      const h = heading(node, r.pos, r.lines, r.prefix);
      if (h.line >= 0) r.info.headings.push(h);
      return;
    }
    case 'strong':
      addField(node, r.pos, r.lines, r.prefix, listDepth, r.info);
      return;
    case 'list':
      for (const item of node.children) visitItem(item, listDepth + 1, r);
      return;
    case 'tableRow':
      addRow(node, r);
      return;
    case 'code': {
      // A fence inside a list item is code the block split cannot see (it opens a line indented four
      // spaces): the timeline and the rules read raw lines and must skip it. Only fenced lines count:
      // a block read on its own takes an item's indented continuation for indented code.
      const from = r.pos(node.position!.start.offset!).line;
      const to = r.pos(node.position!.end.offset!).line;
      let fence: string | null = null;
      for (let l = from; l <= to; l++) {
        const text = (r.lines[l + r.prefix] ?? '').trimStart();
        const opened = fence;
        if (opened === null) fence = FENCE.exec(text)?.[1] ?? null;
        else if (closesFence(text, opened)) fence = null;
        if (opened !== null || fence !== null) (r.info.code ??= []).push(l);
      }
      return;
    }
    case 'html':
    case 'inlineCode':
      return;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, listDepth, r);
}

function visitItem(item: ListItem, depth: number, r: Reader): void {
  r.info.items.push(listItem(item, r.pos, r.lines, r.prefix, depth));
  for (const c of item.children) visit(c, depth, r);
}

function addRow(node: TableRow, r: Reader): void {
  const cells = cellsOf(
    node,
    (o) => {
      const at = r.pos(o);
      return { line: at.line + r.prefix, character: at.character };
    },
    r.lines,
  );
  const line = r.pos(node.position!.start.offset!).line;
  if (r.kind === 'table-head') r.info.header ??= cells;
  else if (line >= 0) r.info.rows.push({ line, cells });
}

/** A row's cells; `at` gives a source offset's line in `lines` and its column. */
function cellsOf(node: TableRow, at: (offset: number) => { line: number; character: number }, lines: string[]): CellInfo[] {
  return node.children.map((cell) => {
    const s = at(cell.position!.start.offset!);
    const e = at(cell.position!.end.offset!);
    const raw = lines[s.line]!.slice(s.character, e.character);
    // Cell positions include the pipes and padding (the last cell's, blanks after the closing
    // pipe too); keep only the content.
    const inner = raw.replace(/^\|/, '').replace(/(?<!\\)\|[ \t]*$/, '');
    const lead = raw.indexOf(inner) + (inner.length - inner.trimStart().length);
    const text = inner.trim();
    return { text, start: s.character + lead, end: s.character + lead + text.length };
  });
}

/**
 * The infos of table rows, from one parse of their header and all of them, exactly as
 * analyzeBlock reads each row under the header on its own: GFM reads a table body line by line,
 * and the parse is checked to be one table holding exactly these rows, one per line (else null,
 * and the caller parses them one by one). A cold 10,000-row table is then one parser run instead
 * of 10,000, each re-reading the header.
 */
export function analyzeRows(head: string, rows: string[]): BlockInfo[] | null {
  try {
    return readRows(head, rows);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) return null;
    throw e;
  }
}

function readRows(head: string, rows: string[]): BlockInfo[] | null {
  const src = head + '\n' + rows.join('\n');
  const headLines = head.split('\n').length;
  const { lines, at } = sourcePositions(src);
  const root: Root = parseMarkdown(src);
  const table = root.children[0];
  if (root.children.length !== 1 || table?.type !== 'table' || table.children.length !== rows.length + 1) return null;
  const out: BlockInfo[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = table.children[i + 1]!;
    if (at(row.position!.start.offset!).line !== headLines + i || at(row.position!.end.offset!).line !== headLines + i) return null;
    // Copies: a slice would keep the whole table's source alive as long as any of its rows.
    const cells = cellsOf(row, at, lines).map((c) => ({ text: detach(c.text), start: c.start, end: c.end }));
    out.push({ headings: [], fields: [], items: [], rows: [{ line: 0, cells }], header: null });
  }
  return out;
}

/**
 * The infos of list-item blocks (one top-level item each), from one parse of all of them, exactly
 * as analyzeBlock reads each alone: checked to be lists only, holding exactly one item per block
 * over exactly its lines; and declined (null) when a reference definition could link one item's
 * text to another's, which reading them alone would not.
 */
export function analyzeItems(sources: string[]): BlockInfo[] | null {
  try {
    return readItems(sources);
  } catch (e) {
    if (e instanceof Declined || (e instanceof RangeError && /call stack/i.test(e.message))) return null;
    throw e;
  }
}

function readItems(sources: string[]): BlockInfo[] | null {
  const src = sources.join('\n');
  if (src.includes(']:')) return null;
  const starts: number[] = [];
  let line = 0;
  for (const s of sources) {
    starts.push(line);
    line += s.split('\n').length;
  }
  const { lines, at: lineOf } = sourcePositions(src);
  const root: Root = parseMarkdown(src);
  const items: ListItem[] = [];
  for (const child of root.children) {
    if (child.type !== 'list') return null;
    items.push(...child.children);
  }
  if (items.length !== sources.length) return null;
  return items.map((item, k) => {
    const first = starts[k]!;
    const last = (starts[k + 1] ?? lines.length) - 1;
    if (lineOf(item.position!.start.offset!).line !== first || lineOf(item.position!.end.offset!).line !== last) throw new Declined();
    const info: BlockInfo = { headings: [], fields: [], items: [], rows: [], header: null };
    const pos = (o: number) => {
      const at = lineOf(o);
      return { line: at.line - first, character: at.character };
    };
    visitItem(item, 1, { info, pos, lines, prefix: first, kind: 'list-item' });
    return info;
  });
}

class Declined extends Error {}

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

function heading(node: Heading, pos: (o: number) => { line: number; character: number }, lines: string[], prefix: number): HeadingInfo {
  const s = pos(node.position!.start.offset!);
  const line = lines[s.line + prefix]!;
  const m = /^\s*#{1,6}\s*/.exec(line);
  return { line: s.line, depth: node.depth, text: textOf(node).trim(), textStart: m ? m[0].length : s.character };
}

const FIELD_PREFIX = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?$/;

function addField(node: Strong, pos: (o: number) => { line: number; character: number }, lines: string[], prefix: number, listDepth: number, info: BlockInfo): void {
  const s = pos(node.position!.start.offset!);
  const e = pos(node.position!.end.offset!);
  if (s.line !== e.line || s.line < 0) return;
  const line = lines[s.line + prefix]!;
  if (!FIELD_PREFIX.test(line.slice(0, s.character))) return;
  let key = textOf(node).trim();
  let valueStart = e.character;
  if (key.endsWith(':')) key = key.slice(0, -1).trim();
  else if (line[valueStart] === ':') valueStart++;
  // French typography puts a space before the colon ('**Date** : 13 octobre 2025').
  else if (/^[ \u00a0\u202f]:/.test(line.slice(valueStart, valueStart + 2))) valueStart += 2;
  else if (!key.endsWith('?')) return; // question-style keys ("**Was detection effective?** Yes") need no colon
  if (!key || /^[[\d]/.test(key)) return;
  while (valueStart < line.length && /\s/.test(line[valueStart]!)) valueStart++;
  const raw = line.slice(valueStart).trimEnd();
  info.fields.push({
    line: s.line,
    key,
    keyStart: s.character,
    keyEnd: e.character,
    valueStart,
    valueEnd: valueStart + raw.length,
    raw,
    listDepth,
  });
}

const ITEM_HEAD = /^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)/;

function listItem(node: ListItem, pos: (o: number) => { line: number; character: number }, lines: string[], prefix: number, depth: number): ListItemInfo {
  const s = pos(node.position!.start.offset!);
  const e = pos(node.position!.end.offset!);
  const line = lines[s.line + prefix] ?? '';
  const m = ITEM_HEAD.exec(line);
  const contentStart = m ? m[1]!.length : line.length;
  return {
    line: s.line,
    endLine: e.line,
    checked: node.checked ?? null,
    contentStart,
    text: line.slice(contentStart).trimEnd(),
    depth,
  };
}
