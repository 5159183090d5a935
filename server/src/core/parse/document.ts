// A document as blocks with their cached per-block info, flattened to document coordinates.
import { splitBlocks, splitLines, type Block } from './blocks';
import { LARGE_DOCUMENT, structureOnly } from './structureOnly';
import { analyzeBlock, type BlockInfo, type CellInfo, type FieldInfo, type HeadingInfo, type ListItemInfo } from './blockInfo';

export type BlockCache = Map<string, BlockInfo>;

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
  /** Lines inside fenced code blocks, which hold no structure. */
  codeLines: Set<number>;
  /** Structure-only analysis of a very large document (see structureOnly.ts). */
  degraded?: boolean;
}

/**
 * Parse with reuse: `previous` holds block infos from the last analysis; the returned cache
 * holds exactly the blocks of this version, so it stays proportional to the document.
 */
export function parseDocument(text: string, previous?: BlockCache): { doc: ParsedDocument; cache: BlockCache } {
  const lines = splitLines(text);
  if (text.length > LARGE_DOCUMENT) return { doc: structureOnly(lines), cache: new Map() };
  const blocks = splitBlocks(lines);
  const cache: BlockCache = new Map();
  const doc: ParsedDocument = { lines, blocks, headings: [], fields: [], items: [], rows: [], tables: [], frontMatter: null, codeLines: new Set() };
  let header: CellInfo[] = [];
  let headerLine = -1;
  for (const block of blocks) {
    if (block.kind === 'frontmatter') {
      doc.frontMatter = { text: lines.slice(block.start + 1, block.end).join('\n'), start: block.start, end: block.end, toml: lines[block.start]!.startsWith('+') };
      continue;
    }
    if (block.kind === 'code') {
      for (let l = block.start; l <= block.end; l++) doc.codeLines.add(l);
      continue;
    }
    const key = block.kind + '\u0000' + block.source;
    let info = cache.get(key) ?? previous?.get(key);
    if (!info) info = analyzeBlock(block);
    cache.set(key, info);
    const at = block.start;
    for (const h of info.headings) doc.headings.push({ ...h, line: h.line + at });
    for (const f of info.fields) doc.fields.push({ ...f, line: f.line + at });
    for (const i of info.items) doc.items.push({ ...i, line: i.line + at, endLine: i.endLine + at });
    if (block.kind === 'table-head') {
      header = info.header ?? [];
      headerLine = at;
      doc.tables.push({ headerLine, header });
    } else if (block.kind !== 'table-row') {
      header = [];
    }
    for (const r of info.rows) doc.rows.push({ line: r.line + at, cells: r.cells, header, headerLine });
  }
  return { doc, cache };
}
