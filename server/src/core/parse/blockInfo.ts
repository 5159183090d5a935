// What the model needs from one block, in block-relative coordinates (line 0 = the block's
// first own line). Computed once per distinct block text and cached.
import type { Nodes, Root, Strong, ListItem, TableRow, Heading } from 'mdast';
import { parseMarkdown } from './markdown';
import type { Block } from './blocks';
import { detach } from './memo';

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
}

export function analyzeBlock(block: Block): BlockInfo {
  const info: BlockInfo = { headings: [], fields: [], items: [], rows: [], header: null };
  if (block.kind === 'code' || block.kind === 'frontmatter') return info;
  // A one-line block's source is a slice of the whole document: copy it, or the cached info
  // would keep this version of the document alive after the next edit.
  const src = detach(block.source);
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lines = src.split('\n');
  const pos = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo - block.prefixLines, character: offset - lineStarts[lo]! };
  };
  const root: Root = parseMarkdown(src);

  const visit = (node: Nodes, listDepth: number): void => {
    switch (node.type) {
      case 'heading':
        info.headings.push(heading(node, pos, lines, block.prefixLines));
        return;
      case 'strong':
        addField(node, pos, lines, block.prefixLines, listDepth, info);
        return;
      case 'list':
        for (const item of node.children) {
          info.items.push(listItem(item, pos, lines, block.prefixLines, listDepth + 1));
          for (const c of item.children) visit(c, listDepth + 1);
        }
        return;
      case 'tableRow':
        addRow(node, pos, info, block);
        return;
      case 'code':
      case 'html':
      case 'inlineCode':
        return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, listDepth);
  };
  for (const child of root.children) visit(child as Nodes, 0);
  return info;

  function addRow(node: TableRow, p: typeof pos, into: BlockInfo, b: Block): void {
    const cells = node.children.map((cell) => {
      const s = p(cell.position!.start.offset!);
      const e = p(cell.position!.end.offset!);
      const raw = lines[s.line + b.prefixLines]!.slice(s.character, e.character);
      // Cell positions include the pipes and padding; keep only the content.
      const inner = raw.replace(/^\|/, '').replace(/\|$/, '');
      const lead = raw.indexOf(inner) + (inner.length - inner.trimStart().length);
      const text = inner.trim();
      return { text, start: s.character + lead, end: s.character + lead + text.length };
    });
    const line = p(node.position!.start.offset!).line;
    if (b.kind === 'table-head') into.header ??= cells;
    else if (line >= 0) into.rows.push({ line, cells });
  }
}

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

function addField(
  node: Strong,
  pos: (o: number) => { line: number; character: number },
  lines: string[],
  prefix: number,
  listDepth: number,
  info: BlockInfo,
): void {
  const s = pos(node.position!.start.offset!);
  const e = pos(node.position!.end.offset!);
  if (s.line !== e.line || s.line < 0) return;
  const line = lines[s.line + prefix]!;
  if (!FIELD_PREFIX.test(line.slice(0, s.character))) return;
  let key = textOf(node).trim();
  let valueStart = e.character;
  if (key.endsWith(':')) key = key.slice(0, -1).trim();
  else if (line[valueStart] === ':') valueStart++;
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

function listItem(
  node: ListItem,
  pos: (o: number) => { line: number; character: number },
  lines: string[],
  prefix: number,
  depth: number,
): ListItemInfo {
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
