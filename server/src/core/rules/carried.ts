// Results per element of a long list (a document's lines, its timeline entries, its action items)
// carried over from the last version checked. The model keeps the very same string or object for an
// element an edit did not touch, so after a keystroke only the few elements between the unchanged
// start and the unchanged end are computed again; the rest is a pointer comparison each.
import { kept } from '../state';
import type { TimelineEntry } from '../model/types';

export class Carried<K, V> {
  private keys: readonly K[] = [];
  private values: V[] = [];
  private source: unknown = undefined;

  /**
   * `compute(key)` for every key. It must be a pure function of the key and of `source` (say, the
   * template whose patterns it uses): another source starts afresh. Only the last list is kept.
   */
  map(keys: readonly K[], compute: (key: K) => V, source?: unknown): readonly V[] {
    const [before, known] = source === this.source ? [this.keys, this.values] : [[], []];
    const n = keys.length;
    const m = before.length;
    let head = 0;
    while (head < n && head < m && keys[head] === before[head]) head++;
    let tail = 0;
    while (tail < n - head && tail < m - head && keys[n - 1 - tail] === before[m - 1 - tail]) tail++;
    const values = new Array<V>(n);
    for (let i = 0; i < head; i++) values[i] = known[i]!;
    for (let i = head; i < n - tail; i++) values[i] = compute(keys[i]!);
    for (let i = n - tail; i < n; i++) values[i] = known[i - n + m]!;
    // A copy: the caller's list may be changed afterwards.
    this.keys = keys.slice();
    this.values = values;
    this.source = source;
    return values;
  }
}

/** A Carried kept per service (see state.ts): declared once at module level. */
export function keptCarried<K, V>(): Pick<Carried<K, V>, 'map'> {
  const carried = kept(() => new Carried<K, V>());
  return Object.freeze({ map: (keys: readonly K[], compute: (key: K) => V, source?: unknown) => carried().map(keys, compute, source) });
}

// Each entry's instant, carried from the last version: the timeline rules look at every entry, and
// reading thousands of scattered entry objects costs more than the check itself.
const instants = keptCarried<TimelineEntry, number | null>();

/** The instant of each entry (null when unreadable), as a plain list. */
export const instantsOf = (entries: readonly TimelineEntry[]): readonly (number | null)[] => instants.map(entries, (e) => e.at);
