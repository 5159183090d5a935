// Applying LSP text edits to a string, and the one edit that turns a text into another. Lines
// end at \r\n, \r or \n, as the model splits them.
import type { Position, TextEdit } from 'vscode-languageserver-types';

interface Line {
  start: number;
  /** Offset of the line's end, before its line break. */
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    out.push({ start, end: i });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  out.push({ start, end: text.length });
  return out;
}

const offsetIn = (ls: Line[], p: Position) => {
  const line = ls[Math.min(Math.max(p.line, 0), ls.length - 1)]!;
  return Math.min(line.start + Math.max(p.character, 0), line.end);
};

/** Edits as LSP applies them: non-overlapping, insertions at one point kept in array order. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const ls = lines(text);
  const spans = edits.map((e, i) => ({ i, s: offsetIn(ls, e.range.start), t: offsetIn(ls, e.range.end), text: e.newText })).sort((a, b) => b.s - a.s || b.i - a.i);
  let out = text;
  for (const e of spans) out = out.slice(0, e.s) + e.text + out.slice(Math.max(e.s, e.t));
  return out;
}

/** A single edit from `before` to `after`, widened to whole lines around what differs. */
export function diffEdit(before: string, after: string): TextEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const ls = lines(before);
  let first = ls.length - 1;
  while (first > 0 && ls[first]!.start > p) first--;
  const endOffset = before.length - s;
  let last = first;
  // The end must not fall inside a line break either: widen to the end of the line past it.
  while (last < ls.length - 1 && ls[last]!.end < endOffset) last++;
  const from = ls[first]!.start;
  const to = ls[last]!.end;
  return {
    range: { start: { line: first, character: 0 }, end: { line: last, character: to - ls[last]!.start } },
    newText: after.slice(from, after.length - (before.length - to)),
  };
}
