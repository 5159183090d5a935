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

export const lineOf = (x: { line: number }): number => x.line;
export const itself = (x: number): number => x;
