// The numbers: start, end, duration and the time to detect/acknowledge/mitigate/resolve,
// computed only from what the document states (null when it cannot be computed).
import type { Metrics, MetricKind, Phase, TimelineEntry } from './types';
import type { MetricDefinitions } from '../template/schema';
import type { StatedWindow } from './fields';
import type { Milestone } from './milestones';

const minutes = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) / 60000));

/** Entries before the incident's first marked event by more than this, with nothing in between, are context
 *  (a deploy two weeks earlier, a beta the month before), not its start. */
export const CONTEXT_GAP_HOURS = 12;

/** A timeline entry or a stated milestone: something that happened at a known instant. */
interface Event {
  at: number;
  phase: Phase | null;
  of: TimelineEntry | Milestone;
}

const describe = (e: Event): string => ('label' in e.of ? `line ${e.of.line + 1} (${e.of.label} ${e.of.timeText})` : `line ${e.of.line + 1} (${e.of.timeText}: ${e.of.text})`);

export function computeMetrics(entries: TimelineEntry[], stated: StatedWindow, milestones: readonly Milestone[] = [], definitions: MetricDefinitions = {}): Metrics {
  // One pass: the earliest timed event of each phase (a timeline may hold thousands of entries).
  const firsts = new Map<Phase, Event>();
  let firstTimed: Event | null = null;
  const timed: Event[] = [];
  const consider = (e: Event) => {
    timed.push(e);
    if (!firstTimed || e.at < firstTimed.at) firstTimed = e;
    if (e.phase) {
      const known = firsts.get(e.phase);
      if (!known || e.at < known.at) firsts.set(e.phase, e);
    }
  };
  for (const e of entries) if (e.at !== null) consider({ at: e.at, phase: e.phase, of: e });
  for (const m of milestones) consider({ at: m.at, phase: m.phase, of: m });
  const first = (phase: Phase) => firsts.get(phase) ?? null;
  const basis: Metrics['basis'] = {};

  const detected = first('detected');
  let start: number | null = null;
  if (stated.start) {
    start = stated.start.at;
    basis.start = `stated ${stated.start.field.key} (line ${stated.start.field.line + 1})`;
  } else if (first('started')) {
    const e = first('started')!;
    start = e.at;
    basis.start = `first "started" entry, ${describe(e)}`;
  } else if (firstTimed) {
    const s = runStart(timed, detected ?? earliestMarked(firsts));
    start = s.event.at;
    basis.start = s.skipped
      ? `first entry of the run leading to ${detected ? 'detection' : 'the first marked event'}, ${describe(s.event)}; ${s.skipped} earlier ${s.skipped === 1 ? 'entry is' : 'entries are'} more than ${CONTEXT_GAP_HOURS} h before it (context, not the start)`
      : `first timeline entry, ${describe(s.event)}`;
  }
  let end: number | null = null;
  const resolvedAt = first('resolved') ?? first('restored');
  if (stated.end) {
    end = stated.end.at;
    basis.end = `stated ${stated.end.field.key} (line ${stated.end.field.line + 1})`;
  } else if (resolvedAt) {
    end = resolvedAt.at;
    basis.end = `"${resolvedAt.phase}" entry, ${describe(resolvedAt)}`;
  }
  // Acknowledging comes at or after the detection it answers, and not after a long quiet gap (days later
  // someone "started investigating" a related question: the response to the detection is not recorded).
  const ack = detected ? earliest(timed, 'acknowledged', detected.at) : null;
  const acknowledged = ack && detected && ack.at - detected.at <= CONTEXT_GAP_HOURS * 3_600_000 ? ack : null;
  const mitigated = first('mitigated');

  const m: Metrics = {
    start,
    end,
    durationMinutes: minutes(start, end),
    timeToDetectMinutes: minutes(start, detected?.at ?? null),
    timeToAcknowledgeMinutes: minutes(detected?.at ?? null, acknowledged?.at ?? null),
    timeToMitigateMinutes: minutes(start, mitigated?.at ?? null),
    timeToResolveMinutes: minutes(start, resolvedAt?.at ?? end),
    basis,
    alternatives: {},
  };
  if (m.durationMinutes !== null) basis.duration = 'end − start';
  if (detected && m.timeToDetectMinutes !== null) basis.timeToDetect = `detected ${describe(detected)} − start`;
  if (acknowledged && detected && m.timeToAcknowledgeMinutes !== null) basis.timeToAcknowledge = `acknowledged ${describe(acknowledged)} − detected ${describe(detected)}`;
  if (mitigated && m.timeToMitigateMinutes !== null) basis.timeToMitigate = `mitigated ${describe(mitigated)} − start`;
  if (m.timeToResolveMinutes !== null) basis.timeToResolve = resolvedAt ? `${resolvedAt.phase} ${describe(resolvedAt)} − start` : 'end − start';

  // The other common definition of each metric. A template that declares it makes it the computed value.
  const other = (kind: MetricKind, definition: string, from: Event | null, fromName: string, to: Event | null, toName: string) => {
    const v = from && to ? minutes(from.at, to.at) : null;
    if (v === null) return;
    const alt = { minutes: v, definition, basis: `${toName} ${describe(to!)} − ${fromName}${fromName === 'start' ? '' : ` ${describe(from!)}`}` };
    const key = `${kind}Minutes` as const;
    if ((definitions as Record<string, string | undefined>)[kind] !== definition) {
      m.alternatives[kind] = alt;
      return;
    }
    // Declared by the template: swap, keeping the default reading as the alternative.
    const was = m[key];
    if (was !== null) m.alternatives[kind] = { minutes: was, definition: DEFAULTS[kind], basis: basis[kind] ?? '' };
    m[key] = v;
    basis[kind] = `${alt.basis} (the template's definition: ${definition})`;
  };
  const startEvent: Event | null = start === null ? null : { at: start, phase: null, of: { line: -1, label: 'start', timeText: '', phase: 'started', at: start } };
  other('timeToAcknowledge', 'from-start', startEvent, 'start', acknowledged, 'acknowledged');
  other('timeToMitigate', 'from-detection', detected, 'detected', mitigated, 'mitigated');
  other('timeToResolve', 'from-detection', detected, 'detected', resolvedAt, resolvedAt?.phase ?? 'resolved');
  other('duration', 'to-mitigation', startEvent, 'start', mitigated, 'mitigated');
  return m;
}

const DEFAULTS: Record<MetricKind, string> = {
  duration: 'to-end',
  timeToDetect: 'from-start',
  timeToAcknowledge: 'from-detection',
  timeToMitigate: 'from-start',
  timeToResolve: 'from-start',
};

function earliest(events: readonly Event[], phase: Phase, notBefore: number): Event | null {
  let best: Event | null = null;
  for (const e of events) if (e.phase === phase && e.at >= notBefore && (!best || e.at < best.at)) best = e;
  return best;
}

function earliestMarked(firsts: ReadonlyMap<Phase, Event>): Event | null {
  let best: Event | null = null;
  for (const e of firsts.values()) if (!best || e.at < best.at) best = e;
  return best;
}

/** With no stated start and no "started" entry: the first entry, unless entries before the anchor (detection,
 *  else the first marked event) are separated from it by a long quiet gap; then the first entry after the gap. */
function runStart(events: readonly Event[], anchor: Event | null): { event: Event; skipped: number } {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  if (!anchor) return { event: sorted[0]!, skipped: 0 };
  let i = sorted.lastIndexOf(anchor);
  if (i < 0) i = sorted.findIndex((e) => e.at >= anchor.at);
  if (i < 0) return { event: sorted[0]!, skipped: 0 };
  const gap = CONTEXT_GAP_HOURS * 3_600_000;
  while (i > 0 && sorted[i]!.at - sorted[i - 1]!.at <= gap) i--;
  return { event: sorted[i]!, skipped: i };
}
