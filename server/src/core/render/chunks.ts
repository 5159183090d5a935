// Splitting a document into the pieces markdown reads independently, so that while typing only the
// piece that changed is parsed again (see markdown.ts). Pure line scanning, no parsing.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const HTML_UNTIL: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
];

export function afterFrontMatter(lines: string[]): number {
  const open = /^(---|\+\+\+)\s*$/.exec(lines[0] ?? '');
  if (!open) return 0;
  const close = open[1] === '---' ? /^(---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
  for (let i = 1; i < lines.length; i++) if (close.test(lines[i]!)) return i + 1;
  return 0;
}

/** Runs of lines that markdown reads independently: a blank line followed by an unindented line ends a
 *  chunk, except inside fenced code or a multi-line HTML block, and between items of one list. */
export function splitChunks(lines: string[], first = 0): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = -1;
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  let listChunk = false;
  let blankBefore = false;
  const close = (end: number) => {
    if (start >= 0) out.push({ start, text: lines.slice(start, end).join('\n') });
    start = -1;
  };
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null || htmlEnd !== null) {
      if (fence !== null && new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) fence = null;
      else if (htmlEnd?.test(line)) htmlEnd = null;
      continue;
    }
    const blank = /^\s*$/.test(line);
    if (blank) {
      blankBefore = start >= 0;
      continue;
    }
    const indented = /^(?: {4}|\t)/.test(line) || /^ {1,3}\S/.test(line);
    if (start >= 0 && blankBefore && !indented && !(listChunk && LIST_ITEM.test(line))) close(i);
    blankBefore = false;
    if (start < 0) {
      start = i;
      listChunk = LIST_ITEM.test(line);
    }
    const f = FENCE.exec(line);
    if (f) fence = f[1]!;
    else htmlEnd = HTML_UNTIL.find(([open, end]) => open.test(line) && !end.test(line.replace(open, '')))?.[1] ?? null;
  }
  close(lines.length);
  return out.map((c) => ({ ...c, text: c.text.trimEnd() })); // not /\s+$/: quadratic on a long run of spaces
}

/** Long tables (a timeline of hundreds of rows) are rendered in groups of rows, each parsed with the
 *  header, so typing in one row parses twenty rows, not the whole table. */
export const TABLE_GROUP = 20;
const TABLE_DELIM = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export interface BigTable {
  header: string;
  rows: string[];
}

export function bigTable(text: string): BigTable | null {
  const lines = text.split('\n');
  if (lines.length < 2 + 2 * TABLE_GROUP || !lines[0]!.includes('|') || !TABLE_DELIM.test(lines[1]!)) return null;
  const rows = lines.slice(2);
  // Only plain rows: anything else after a table could end it or join it, which only a whole parse knows.
  if (!rows.every((r) => /^ {0,3}\|/.test(r))) return null;
  return { header: `${lines[0]}\n${lines[1]}`, rows };
}
