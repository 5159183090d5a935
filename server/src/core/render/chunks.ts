// Splitting a document into the pieces markdown reads independently, so that while typing only the
// piece that changed is parsed again (see markdown.ts). Pure line scanning, no parsing.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
// HTML blocks that go on past blank lines (CommonMark's kinds 1 to 5), until their end marker.
const HTML_UNTIL: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

export function afterFrontMatter(lines: string[]): number {
  const open = /^(---|\+\+\+)\s*$/.exec(lines[0] ?? '');
  if (!open) return 0;
  const close = open[1] === '---' ? /^(---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
  for (let i = 1; i < lines.length; i++) if (close.test(lines[i]!)) return i + 1;
  return 0;
}

/** Runs of lines that markdown reads independently: a blank line followed by an unindented line ends a
 *  chunk, except inside fenced code or a multi-line HTML block, and before a list item in a chunk with a list. */
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
      listChunk = false;
    }
    // A list item after a blank line may continue any list in the chunk (a heading above it included).
    if (LIST_ITEM.test(line)) listChunk = true;
    const f = FENCE.exec(line);
    if (f) fence = f[1]!;
    else htmlEnd = HTML_UNTIL.find(([open, end]) => open.test(line) && !end.test(line.replace(open, '')))?.[1] ?? null;
  }
  close(lines.length);
  // Trailing blank lines are not part of a chunk, unless it ends in code or HTML left open to the end
  // of the document, where they are content.
  const open = fence !== null || htmlEnd !== null;
  return out.map((c, i) => (open && i === out.length - 1 ? c : { ...c, text: c.text.trimEnd() })); // not /\s+$/: quadratic on a long run of spaces
}

/** Long tables (a timeline of hundreds of rows) and long lists are rendered in groups of rows, each
 *  table group parsed with the header, so typing in one row parses a few dozen rows, not the whole table. */
export const MIN_GROUPED_ROWS = 48;
const TABLE_DELIM = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export interface BigTable {
  header: string;
  rows: string[];
}

export function bigTable(text: string): BigTable | null {
  const lines = text.split('\n');
  if (lines.length < 2 + MIN_GROUPED_ROWS || !lines[0]!.includes('|') || !TABLE_DELIM.test(lines[1]!)) return null;
  const rows = lines.slice(2);
  // Only plain rows: anything else after a table could end it or join it, which only a whole parse knows.
  if (!rows.every((r) => /^ {0,3}\|/.test(r))) return null;
  return { header: `${lines[0]}\n${lines[1]}`, rows };
}

const ITEM_MARKER = /^(?:([-*+])|\d{1,9}([.)]))(?:[ \t]+\S|[ \t]*$)/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** A list of one-line items (or empty ones, as when one is being typed), all unindented with the same
 *  marker (so one list, each item on its own), blank lines between them or not: its lines, and whether
 *  it is loose (a blank line anywhere makes every item a paragraph). Nothing carries over from one such
 *  item to the next, so any run of them renders as inside the whole list (the renderer checks what each
 *  group parses to). */
export function bigList(text: string): { lines: string[]; loose: boolean } | null {
  const lines = text.split('\n');
  if (lines.length < MIN_GROUPED_ROWS) return null;
  const kind = (l: string) => {
    const m = ITEM_MARKER.exec(l);
    return m && !THEMATIC_BREAK.test(l) ? (m[1] ?? `1${m[2]}`) : null;
  };
  const first = kind(lines[0]!);
  let loose = false;
  for (const l of lines) {
    if (BLANK.test(l)) loose = true;
    else if (kind(l) !== first) return null;
  }
  return first === null ? null : { lines, loose };
}

const BLANK = /^[ \t]*$/;

const MIN_GROUP = 4;
const MAX_GROUP = 40;

/** Where each group of rows starts. Boundaries depend on the rows' own text (after a row whose hash
 *  hits, as in content-defined chunking), not on their index: inserting or deleting a row changes the
 *  group it is in, not every group after it. */
export function rowGroups(rows: readonly string[]): number[] {
  const starts = [0];
  let size = 0;
  for (let i = 0; i < rows.length - 1; i++) {
    size++;
    if (size >= MAX_GROUP || (size >= MIN_GROUP && (hash(rows[i]!) & 7) === 0)) {
      starts.push(i + 1);
      size = 0;
    }
  }
  return starts;
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
