// Binary search over arrays sorted by a numeric key (lines, offsets, block starts): one helper for
// the parse, the model and completion, which all look things up by line.

/** Index of the first element whose key is at least `value` (`xs.length` when there is none). */
export function firstAtOrAfter<T>(xs: ArrayLike<T>, value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `xs` with the `removed` elements at `at` replaced by `placed`, and those after it passed through
 * `move` (null: kept as they are): an edit's version of a per-line array. Made at its final length:
 * grown by push, an array of thousands would leave its smaller copies behind on every keystroke.
 */
export function replaced<T>(xs: readonly T[], at: number, removed: number, placed: readonly T[], move: ((x: T) => T) | null): T[] {
  const out = new Array<T>(xs.length - removed + placed.length);
  for (let i = 0; i < at; i++) out[i] = xs[i]!;
  for (let i = 0; i < placed.length; i++) out[at + i] = placed[i]!;
  for (let i = at + removed, j = at + placed.length; i < xs.length; i++, j++) out[j] = move ? move(xs[i]!) : xs[i]!;
  return out;
}

export const lineOf = (x: { line: number }): number => x.line;
export const itself = (x: number): number => x;
