// What the workspace views write, kept free of `vscode` so plain node tests can check it.

/** Minutes as the preview and `postmortem metrics` write them ('1d 0h 50m'); '—' when not computed. */
export function minutes(n: number | null): string {
  if (n === null) return '—';
  const t = Math.round(n);
  if (t < 0) return `-${minutes(-t)}`;
  const d = Math.floor(t / 1440);
  const h = Math.floor((t % 1440) / 60);
  const m = t % 60;
  if (!d) return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
  return m ? `${d}d ${h}h ${m}m` : h ? `${d}d ${h}h` : `${d}d`;
}

export interface Grouped<T> {
  label: string;
  items: T[];
}

/** Groups by key across cases ('High' and 'HIGH' are one group), labelled with the spelling most items use. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string, order?: (a: string, b: string) => number): Grouped<T>[] {
  const groups = new Map<string, { items: T[]; spellings: Map<string, number> }>();
  for (const t of items) {
    const k = key(t);
    let g = groups.get(k.toLowerCase());
    if (!g) groups.set(k.toLowerCase(), (g = { items: [], spellings: new Map() }));
    g.items.push(t);
    g.spellings.set(k, (g.spellings.get(k) ?? 0) + 1);
  }
  const out = [...groups.values()].map((g) => ({ label: mostUsed(g.spellings), items: g.items }));
  return order ? out.sort((a, b) => order(a.label, b.label)) : out;
}

/** The most used spelling; the first seen among equals. */
const mostUsed = (counts: Map<string, number>): string => [...counts].reduce((best, c) => (c[1] > best[1] ? c : best))[0];
