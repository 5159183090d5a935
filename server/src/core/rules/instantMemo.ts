// Work on an instant in a zone (its UTC offset, its formatted time), remembered per zone and instant:
// the timeline rules ask it for every entry on every version, and each luxon answer costs microseconds.

/** `compute` must be pure and never return undefined. At most `limit` results are kept. */
export function memoByInstant<V>(compute: (zone: string, at: number) => V, limit = 100_000): (zone: string, at: number) => V {
  let byZone = new Map<string, Map<number, V>>();
  let size = 0;
  return (zone, at) => {
    let known = byZone.get(zone);
    const hit = known?.get(at);
    if (hit !== undefined) return hit;
    const value = compute(zone, at);
    if (size >= limit) {
      byZone = new Map();
      known = undefined;
      size = 0;
    }
    if (!known) byZone.set(zone, (known = new Map()));
    known.set(at, value);
    size++;
    return value;
  };
}
