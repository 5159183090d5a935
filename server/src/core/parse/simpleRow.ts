// A table row of the plainest kind (`| 14:03 | Alert fired | Dana |`) read without the markdown
// parser: a table timeline is hundreds of rows, and under a header the parser has read as a table,
// GFM splits a row with no backslash at every pipe whatever the inline markup (code spans too), so
// its cells are known (simpleRow.test.ts checks against remark). Anything else returns null.
import type { BlockInfo, CellInfo } from './blockInfo';
import { detach } from './memo';

/** Starts with a pipe (no other block can start so), no escapes, tabs or line ends, no trailing blank. */
const PLAIN = /^\|[^\\\t\r\n]*[^\\\t\r\n ]$/;

export function simpleRowInfo(line: string): BlockInfo | null {
  if (!PLAIN.test(line)) return null;
  const last = line.endsWith('|') ? line.length - 1 : line.length;
  const cells: CellInfo[] = [];
  let from = 1;
  while (from <= last) {
    let to = line.indexOf('|', from);
    if (to < 0 || to > last) to = last;
    const raw = line.slice(from, to);
    const text = raw.trim();
    // Empty cells get positions of their own from the parser: leave them to it.
    if (!text) return null;
    const start = from + (raw.length - raw.trimStart().length);
    cells.push({ text: detach(text), start, end: start + text.length });
    from = to + 1;
  }
  if (!cells.length) return null;
  return { headings: [], fields: [], items: [], rows: [{ line: 0, cells }], header: null };
}
