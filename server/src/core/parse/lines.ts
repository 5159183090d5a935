// A document's lines, re-split after an edit only where the text changed: the lines above and
// below the edit are the last version's strings, so an edit does not make thousands of new ones.
import { detach } from './memo';
import { splitLines } from './blocks';
import { firstAtOrAfter, itself, replaced } from '../sorted';

const BREAK = /\r\n|\r|\n/g;
const CHUNK = 4096;

export interface Lines {
  text: string;
  lines: string[];
  /** Offset in `text` where each line starts. */
  starts: Int32Array;
}

export function linesOf(text: string): Lines {
  const lines = splitLines(text);
  return { text, lines, starts: startsOf(text, 0, lines.length) };
}

/** The starts of `count` lines of `text` from `from` (a line start). */
function startsOf(text: string, from: number, count: number, into = new Int32Array(count), at = 0): Int32Array {
  into[at] = from;
  BREAK.lastIndex = from;
  for (let i = 1; i < count; i++) {
    const m = BREAK.exec(text)!;
    into[at + i] = m.index + m[0].length;
  }
  return into;
}

/** The index of the line holding `offset`, given each line's start offset (the first is 0). */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  return Math.max(0, firstAtOrAfter(starts, offset + 1, itself) - 1);
}

/** Exactly linesOf(text), reusing `prev`'s lines outside the changed part. */
export function relines(prev: Lines, text: string): Lines {
  const old = prev.text;
  if (old === text) return { text, lines: prev.lines.slice(), starts: prev.starts };
  const max = Math.min(old.length, text.length);
  // Whole chunks first (a string comparison is a memory compare), then character by character.
  let head = 0;
  while (head + CHUNK <= max && old.slice(head, head + CHUNK) === text.slice(head, head + CHUNK)) head += CHUNK;
  while (head < max && old.charCodeAt(head) === text.charCodeAt(head)) head++;
  let tail = 0;
  const same = (n: number) => old.slice(old.length - n, old.length - n + CHUNK) === text.slice(text.length - n, text.length - n + CHUNK);
  while (tail + CHUNK <= max - head && same(tail + CHUNK)) tail += CHUNK;
  while (tail < max - head && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  // Re-split from the start of the line before the first change (a line start in both texts,
  // since everything up to the change is the same) to the start of the line after the one where
  // the unchanged end begins (likewise a line start in both, a "\r" | "\n" pair included).
  const first = Math.max(0, lineAt(prev.starts, head) - 1);
  const after = lineAt(prev.starts, old.length - tail) + 1;
  const delta = text.length - old.length;
  const from = prev.starts[first]!;
  const to = after < prev.lines.length ? prev.starts[after]! + delta : text.length;
  const middle = splitLines(text.slice(from, to));
  if (after < prev.lines.length) middle.pop(); // the empty remainder after the last line break
  const lines = replaced(prev.lines, first, after - first, middle.map(detach), null);
  const starts = new Int32Array(lines.length);
  starts.set(prev.starts.subarray(0, first));
  startsOf(text, from, middle.length, starts, first);
  for (let i = after, j = first + middle.length; i < prev.lines.length; i++, j++) starts[j] = prev.starts[i]! + delta;
  return { text, lines, starts };
}
