// Splits a document into blocks that can be parsed independently, so an edit re-parses only
// the block it touched. Blank lines separate blocks; fenced code and front matter stay whole;
// big tables and lists are split further into one block per row / top-level item, because a
// timeline of thousands of rows is a single markdown table. A comment (`<!--` … `-->`) stays whole
// too: a template's example timeline in one, blank lines and all, is nothing the author wrote.

export type BlockKind = 'frontmatter' | 'code' | 'comment' | 'table-row' | 'table-head' | 'list-item' | 'other';

export interface Block {
  kind: BlockKind;
  /** First and last line (inclusive) in the document. */
  start: number;
  end: number;
  /** The text remark parses: the block's lines, with the table header prepended for rows. */
  source: string;
  /** Lines of `source` that precede the block's own lines (the table header for a row). */
  prefixLines: number;
}

// A backtick fence's info string holds no backtick: '```inline code```' is a paragraph (CommonMark).
export const FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const TABLE_DELIM = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const LIST_START = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLANK = /^\s*$/;
// An HTML block of comment kind: it runs to the line holding `-->`, across blank lines (CommonMark).
// Only at the line start: indented, it may be an item's continuation, which the item's block keeps.
export const COMMENT_OPEN = /^<!--/;

/** The line that closes a comment opened on line `i` (the last line when none does); null when it closes on line `i`. */
function commentEnd(lines: string[], i: number): number | null {
  if (lines[i]!.includes('-->', 4)) return null;
  let j = i + 1;
  while (j < lines.length - 1 && !lines[j]!.includes('-->')) j++;
  return Math.min(j, lines.length - 1);
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function splitBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  const fence = lines[0] === undefined ? null : /^(---|\+\+\+)\s*$/.exec(lines[0]);
  if (fence) {
    // YAML (---) or TOML (+++) front matter.
    const close = fence[1] === '---' ? /^(---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
    let j = 1;
    while (j < lines.length && !close.test(lines[j]!)) j++;
    if (j < lines.length) {
      blocks.push(block('frontmatter', lines, 0, j));
      i = j + 1;
    }
  }
  while (i < lines.length) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      let j = i + 1;
      while (j < lines.length && !closesFence(lines[j]!, marker)) j++;
      const end = Math.min(j, lines.length - 1);
      blocks.push(block('code', lines, i, end));
      i = end + 1;
      continue;
    }
    const comment = COMMENT_OPEN.test(line) ? commentEnd(lines, i) : null;
    if (comment !== null) {
      blocks.push(block('comment', lines, i, comment));
      i = comment + 1;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && !BLANK.test(lines[j + 1]!) && !FENCE.test(lines[j + 1]!) && !(COMMENT_OPEN.test(lines[j + 1]!) && commentEnd(lines, j + 1) !== null)) j++;
    splitChunk(lines, i, j, blocks);
    i = j + 1;
  }
  return blocks;
}

/** Whether `line` closes a fence opened by `marker` (the same character, at least as many). */
export function closesFence(line: string, marker: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return !!m && m[1]![0] === marker[0] && m[1]!.length >= marker.length;
}

/** `prefix` is `prefixLines` lines already joined (the table header), so rows do not re-join it. */
function block(kind: BlockKind, lines: string[], start: number, end: number, prefix = '', prefixLines = 0): Block {
  // Runs on every block of every version: no intermediate arrays for the common one-line block.
  let source = lines[start]!;
  for (let l = start + 1; l <= end; l++) source += '\n' + lines[l]!;
  return { kind, start, end, source: prefixLines ? prefix + '\n' + source : source, prefixLines };
}

/** A run of non-blank lines: split tables into rows and lists into top-level items. */
function splitChunk(lines: string[], start: number, end: number, out: Block[]): void {
  let i = start;
  let otherStart = start;
  const flushOther = (upTo: number) => {
    if (upTo >= otherStart) out.push(block('other', lines, otherStart, upTo));
  };
  while (i <= end) {
    const line = lines[i]!;
    if (i + 1 <= end && line.includes('|') && TABLE_DELIM.test(lines[i + 1]!) && !LIST_START.test(line)) {
      flushOther(i - 1);
      out.push(block('table-head', lines, i, i + 1));
      const head = line + '\n' + lines[i + 1]!;
      let j = i + 2;
      while (j <= end && lines[j]!.includes('|') && !/^#{1,6}\s/.test(lines[j]!)) {
        out.push(block('table-row', lines, j, j, head, 2));
        j++;
      }
      i = j;
      otherStart = j;
      continue;
    }
    if (LIST_START.test(line)) {
      flushOther(i - 1);
      let j = i;
      // Continuation lines (indented or lazy) belong to the item until the next top-level marker.
      while (j + 1 <= end && !LIST_START.test(lines[j + 1]!) && !/^ {0,3}#{1,6}(\s|$)/.test(lines[j + 1]!) && /^\s/.test(lines[j + 1]!)) j++;
      out.push(block('list-item', lines, i, j));
      i = j + 1;
      otherStart = i;
      continue;
    }
    i++;
  }
  flushOther(end);
}
