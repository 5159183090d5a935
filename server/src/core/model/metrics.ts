// The numbers: start, end, duration and the time to detect/acknowledge/mitigate/resolve,
// computed only from what the document states (null when it cannot be computed).
import type { Metrics, Phase, TimelineEntry } from './types';
import type { StatedWindow } from './fields';

const minutes = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) / 60000));

export function computeMetrics(entries: TimelineEntry[], stated: StatedWindow): Metrics {
  // One pass: the first timed entry of each phase (a timeline may hold thousands of entries).
  const firsts = new Map<Phase, TimelineEntry>();
  let firstTimed: TimelineEntry | null = null;
  for (const e of entries) {
    if (e.at === null) continue;
    firstTimed ??= e;
    if (e.phase && !firsts.has(e.phase)) firsts.set(e.phase, e);
  }
  const first = (phase: Phase) => firsts.get(phase) ?? null;
  const basis: Metrics['basis'] = {};
  const describe = (e: TimelineEntry) => `line ${e.line + 1} (${e.timeText}: ${e.text})`;

  let start: number | null = null;
  if (stated.start) {
    start = stated.start.at;
    basis.start = `stated ${stated.start.field.key} (line ${stated.start.field.line + 1})`;
  } else {
    const e = first('started') ?? firstTimed;
    if (e) {
      start = e.at;
      basis.start = `${e.phase === 'started' ? 'first "started" entry' : 'first timeline entry'}, ${describe(e)}`;
    }
  }
  let end: number | null = null;
  if (stated.end) {
    end = stated.end.at;
    basis.end = `stated ${stated.end.field.key} (line ${stated.end.field.line + 1})`;
  } else {
    const e = first('resolved') ?? first('restored');
    if (e) {
      end = e.at;
      basis.end = `"${e.phase}" entry, ${describe(e)}`;
    }
  }
  const detected = first('detected');
  const acknowledged = first('acknowledged');
  const mitigated = first('mitigated');
  const resolvedAt = first('resolved') ?? first('restored');

  const m: Metrics = {
    start,
    end,
    durationMinutes: minutes(start, end),
    timeToDetectMinutes: minutes(start, detected?.at ?? null),
    timeToAcknowledgeMinutes: minutes(detected?.at ?? null, acknowledged?.at ?? null),
    timeToMitigateMinutes: minutes(start, mitigated?.at ?? null),
    timeToResolveMinutes: minutes(start, resolvedAt?.at ?? end),
    basis,
  };
  if (m.durationMinutes !== null) basis.duration = 'end − start';
  if (detected && m.timeToDetectMinutes !== null) basis.timeToDetect = `detected ${describe(detected)} − start`;
  if (acknowledged && detected && m.timeToAcknowledgeMinutes !== null) basis.timeToAcknowledge = `acknowledged ${describe(acknowledged)} − detected ${describe(detected)}`;
  if (mitigated && m.timeToMitigateMinutes !== null) basis.timeToMitigate = `mitigated ${describe(mitigated)} − start`;
  if (m.timeToResolveMinutes !== null) basis.timeToResolve = resolvedAt ? `${resolvedAt.phase} ${describe(resolvedAt)} − start` : 'end − start';
  return m;
}
