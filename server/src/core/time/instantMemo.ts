// Work on an instant in a zone (its UTC offset, its formatted time), remembered per zone and instant:
// the timeline rules ask it for every entry on every version, and each luxon answer costs microseconds.
import { kept } from '../state';

/** `compute` must be pure and never return undefined. At most `limit` results are kept. */
export function memoByInstant<V>(compute: (zone: string, at: number) => V, limit = 100_000): (zone: string, at: number) => V {
  const memo = kept(() => ({ byZone: new Map<string, Map<number, V>>(), size: 0 }));
  return (zone, at) => {
    const m = memo();
    let known = m.byZone.get(zone);
    const hit = known?.get(at);
    if (hit !== undefined) return hit;
    const value = compute(zone, at);
    if (m.size >= limit) {
      m.byZone = new Map();
      known = undefined;
      m.size = 0;
    }
    if (!known) m.byZone.set(zone, (known = new Map()));
    known.set(at, value);
    m.size++;
    return value;
  };
}
