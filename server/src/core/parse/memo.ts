// Memoisation of pure per-text work (a line, a cell, an item), so re-analysing a big document
// after an edit only redoes what the edit changed. Two generations keep the size bounded: when
// the current one fills up it becomes the previous one, and entries used again move forward.
import { kept } from '../state';

/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 keeps a slice of a
 * long string as a pointer into it, so caching a line as-is would keep that whole version of
 * the document alive; concatenating and slicing again forces a flat copy of just the line.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Values must not be `undefined` (null is fine). */
export class TextMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(
    private readonly compute: (text: string) => V,
    // Room for every line, cell and item of documents of a few megabytes (a working set bigger
    // than a generation would miss on every pass), and a bound on memory all the same.
    private readonly limit = 100_000,
  ) {}

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }

  get(text: string): V {
    const hit = this.current.get(text);
    if (hit !== undefined) return hit;
    // Computed from the copy, so the value's own slices do not pin the document either.
    const own = detach(text);
    const earlier = this.previous.get(text);
    const value = earlier !== undefined ? earlier : this.compute(own);
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(own, value);
    return value;
  }
}

/** A TextMemo kept per service (see state.ts): declared once at module level. */
export function keptTextMemo<V>(compute: (text: string) => V, limit?: number): Pick<TextMemo<V>, 'get'> {
  const memo = kept(() => new TextMemo(compute, limit));
  return Object.freeze({ get: (text: string) => memo().get(text) });
}
