// The numbers: start, end, duration and the time to detect/acknowledge/mitigate/resolve,
// computed only from what the document states (null when it cannot be computed).
import type { Metrics, MetricKind, Phase, TimelineEntry } from './types';
import type { MetricDefinitions } from '../template/schema';
import type { StatedWindow } from './fields';
import type { Milestone } from './milestones';
import { classifyPhases, formatDuration, LAST_GOOD } from '../time';
import { METRIC_KINDS } from './types';
import { DEFAULT_DEFINITION } from './metricNames';
import { keptWeakMap } from '../state';

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

// The entries and milestones each result's basis names (by line and text): reusing a result is safe
// only while those stay exactly as they were.
const named = keptWeakMap<Metrics, Set<TimelineEntry | Milestone>>();

/**
 * Whether metrics computed from `before` hold for `after` (same stated window and milestones): the same
 * number of entries, each the same object, or an unphased entry at the same instant that the basis does
 * not name (typing in the text of an ordinary entry changes none of the numbers or their reasons).
 */
export function metricsStillHold(m: Metrics, before: readonly TimelineEntry[], after: readonly TimelineEntry[]): boolean {
  const names = named.get(m);
  if (!names || before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a === b) continue;
    if (a.at !== b.at || a.phase !== null || b.phase !== null || names.has(a)) return false;
  }
  return true;
}

const FULLY = /\bfully\s+(?:restored|recovered|operational|back)\b|\bfull\s+(?:recovery|restoration)\b/i;

/** The first restoration the timeline calls full: an earlier one ('gateways back online', then new
 *  reports, then 'fully restored') was partial, and the incident ends with the full one. */
function fullyRestored(timed: readonly Event[]): Event | null {
  let found: Event | null = null;
  for (const e of timed) if (e.phase === 'restored' && !('label' in e.of) && FULLY.test(e.of.text) && (!found || e.at < found.at)) found = e;
  return found;
}

// An incident called over that came back ('Incident re-opened upon reports of further failed logins').
// What re-opens is the incident, not a service ('trees re-opened' is Mozilla's all clear).
const REOPENED =
  /\b(?:(?:incident|issue|ticket|outage)\s+(?:(?:was|is|has\s+been)\s+)?re-?opened|re-?open(?:s|ed)?\s+(?:the\s+|an?\s+)?(?:incident|issue|ticket)|recurr(?:ed|ence)|resurfaced|(?:issue|problem|errors?|failures?|outage|incident)s?\s+(?:returned|came\s+back|started\s+again))\b/i;

/** The end after any re-opening: the next end after each; null when the last re-opening has none. */
function afterRelapses(end: Event, timed: readonly Event[]): Event | null {
  let current: Event | null = end;
  while (current) {
    const at = current.at;
    const relapse = earliestWhere(timed, (e) => e.at > at && !('label' in e.of) && REOPENED.test(e.of.text));
    if (!relapse) return current;
    const later = timed.filter((e) => e.at > relapse.at);
    current = earliestWhere(later, (e) => e.phase === 'resolved') ?? fullyRestored(later) ?? earliestWhere(later, (e) => e.phase === 'restored');
  }
  return null;
}

function earliestWhere(events: readonly Event[], test: (e: Event) => boolean): Event | null {
  let best: Event | null = null;
  for (const e of events) if (test(e) && (!best || e.at < best.at)) best = e;
  return best;
}

const describeEvent = (e: Event): string => ('label' in e.of ? `line ${e.of.line + 1} (${e.of.label} ${e.of.timeText})` : `line ${e.of.line + 1} (${e.of.timeText}: ${e.of.text})`);

export function computeMetrics(entries: TimelineEntry[], stated: StatedWindow, milestones: readonly Milestone[] = [], definitions: MetricDefinitions = {}): Metrics {
  const names = new Set<TimelineEntry | Milestone>();
  const m = measure(entries, stated, milestones, definitions, (e) => void names.add(e.of));
  named.set(m, names);
  return m;
}

function measure(entries: TimelineEntry[], stated: StatedWindow, milestones: readonly Milestone[], definitions: MetricDefinitions, name: (e: Event) => void): Metrics {
  const describe = (e: Event) => (name(e), describeEvent(e));
  // One pass: the earliest timed event of each phase (a timeline may hold thousands of entries).
  const firsts = new Map<Phase, Event>();
  let firstTimed: Event | null = null;
  const timed: Event[] = [];
  const fills = new Set<Event>();
  const consider = (e: Event, fillOnly = false) => {
    timed.push(e);
    // A phase stated only in prose fills that phase; it is no evidence of when the incident began.
    if (fillOnly) return void (fills.add(e), firsts.set(e.phase!, e));
    if (!firstTimed || e.at < firstTimed.at) firstTimed = e;
    if (e.phase) {
      const known = firsts.get(e.phase);
      if (!known || e.at < known.at) firsts.set(e.phase, e);
    }
  };
  for (const e of entries) {
    if (e.at === null) continue;
    consider({ at: e.at, phase: e.phase, of: e });
    // An entry that records the notice and the response together ('a user reported it; the developer
    // acknowledged the incident') is both.
    if (e.phase && NOTICE.has(e.phase)) for (const p of classifyPhases(e.text)) if (p !== e.phase && NOTICE.has(p)) consider({ at: e.at, phase: p, of: e });
  }
  for (const m of milestones) if (!m.fillOnly) consider({ at: m.at, phase: m.phase, of: m });
  for (const m of milestones) if (m.fillOnly && !firsts.has(m.phase)) consider({ at: m.at, phase: m.phase, of: m }, true);
  const first = (phase: Phase) => firsts.get(phase) ?? null;
  const basis: Metrics['basis'] = {};
  const several = separateIncidents(timed, (e) => e.of.line);
  if (several && !stated.start && !stated.end) return severalIncidentsMetrics(several);

  const firstDetected = first('detected');
  let start: number | null = null;
  let startFrom: Event | null = null;
  let startEntry: Event | null = null;
  if (stated.start) {
    start = stated.start.at;
    basis.start = `stated ${stated.start.field.key} (line ${stated.start.field.line + 1})`;
  } else if (first('started')) {
    // The last success bounds the start from below: a later entry saying it began ('First red deploy') is the start.
    const e = earliestWhere(timed, (x) => x.phase === 'started' && ('label' in x.of || !LAST_GOOD.test(x.of.text))) ?? first('started')!;
    start = e.at;
    startFrom = e;
    basis.start = `first "started" entry, ${describe(e)}`;
  } else if (firstTimed) {
    // Only a detection marks where the incident's run begins: entries days before a later response or fix
    // ('the system stopped creating notifications', three days before the incident was declared) may be its onset.
    const s = runStart(fills.size ? timed.filter((e) => !fills.has(e)) : timed, firstDetected);
    start = s.event.at;
    startFrom = s.event;
    startEntry = s.event;
    basis.start =
      (s.skipped
        ? `first entry of the run leading to detection, ${describe(s.event)}; ${s.skipped} earlier ${s.skipped === 1 ? 'entry is' : 'entries are'} more than ${CONTEXT_GAP_HOURS} h before it (context, not the start)`
        : `first timeline entry${s.passed ? ' after a check that passed' : ''}, ${describe(s.event)}`) + (s.skipped && s.passed ? '; a check that passed follows the gap' : '');
  }
  let end: number | null = null;
  const calledOver = first('resolved') ?? fullyRestored(timed) ?? first('restored');
  const resolvedAt = calledOver && !stated.end ? afterRelapses(calledOver, timed) : calledOver;
  if (stated.end) {
    end = stated.end.at;
    basis.end = `stated ${stated.end.field.key} (line ${stated.end.field.line + 1})`;
  } else if (resolvedAt) {
    end = resolvedAt.at;
    basis.end = `"${resolvedAt.phase}" entry, ${describe(resolvedAt)}${resolvedAt !== calledOver ? ' (after the incident re-opened)' : ''}`;
  } else if (calledOver) {
    basis.end = `not known: the incident re-opened after ${describe(calledOver)} and no later entry ends it`;
  }
  // An end before the start: one of them is misdated. Drop the one that is out of place in the timeline
  // (a start entry later than the entry written after it), else the end: a wrong number is worse than none.
  if (start !== null && end !== null && end < start) {
    const why = `the end (${basis.end}) is before the start (${basis.start})`;
    if (startFrom && outOfPlace(entries, startFrom.of)) {
      start = null;
      basis.start = `not used: ${why}, and the start entry is later than the entry after it, so its date is doubtful`;
    } else {
      end = null;
      basis.end = `not used: ${why}`;
    }
  }
  // A notice before the incident began (news of what later drew the traffic) is not its detection.
  const noticed = firstDetected && startFrom?.phase === 'started' && firstDetected.at < startFrom.at ? earliest(timed, 'detected', startFrom.at) : firstDetected;
  const detected = firstNotice(noticed, start, startEntry, timed);
  // Acknowledging comes at or after the detection it answers, and not after a long quiet gap (days later
  // someone "started investigating" a related question: the response to the detection is not recorded).
  const ack = detected ? earliest(timed, 'acknowledged', detected.at) : null;
  const acknowledged = ack && detected && ack.at - detected.at <= CONTEXT_GAP_HOURS * 3_600_000 ? ack : null;
  // Acting before the incident began (a planned scale-up the day before) is not mitigating it, and acting
  // after it ended (pointing DNS back at the repaired server) is clean-up.
  // The first entry taken as the start cannot also be its mitigation ('failover: the master changed' is
  // what began it); an entry after it can.
  const acted = start === null ? null : earliestWhere(timed, (e) => e.phase === 'mitigated' && e.at >= start && e !== startEntry);
  // After a re-opening, only acting before the incident was first called over is its mitigation.
  const actedBy = calledOver && resolvedAt !== calledOver ? calledOver.at : end;
  const mitigated = acted && actedBy !== null && acted.at > actedBy ? null : acted;

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
  else if (acted && !mitigated) basis.timeToMitigate = `not computed: the first mitigating entry, ${describe(acted)}, comes after the ${actedBy === end ? 'end' : 'incident was first called over'}`;
  if (m.timeToResolveMinutes !== null) basis.timeToResolve = resolvedAt ? `${resolvedAt.phase} ${describe(resolvedAt)} − start` : 'end − start';
  // A negative duration is a misdated entry, never a measurement.
  for (const kind of METRIC_KINDS) {
    const key = `${kind}Minutes` as const;
    const v = m[key];
    if (v !== null && v < 0) {
      m[key] = null;
      basis[kind] = `not computed: it would be negative (${formatDuration(v)}, ${basis[kind] ?? 'end − start'}); an entry's date is probably wrong`;
    }
  }

  // The other common definition of each metric. A template that declares it makes it the computed value.
  const other = (kind: MetricKind, definition: string, from: Event | null, fromName: string, to: Event | null, toName: string) => {
    const v = from && to ? minutes(from.at, to.at) : null;
    if (v === null) return;
    const alt = { minutes: v, definition, basis: `${toName} ${describe(to!)} − ${fromName}${fromName === 'start' ? '' : ` ${describe(from!)}`}` };
    const key = `${kind}Minutes` as const;
    const list = (m.alternatives[kind] ??= []);
    if ((definitions as Record<string, string | undefined>)[kind] !== definition) {
      list.push(alt);
      return;
    }
    // Declared by the template: swap, keeping the default reading as an alternative.
    const was = m[key];
    if (was !== null) list.push({ minutes: was, definition: DEFAULT_DEFINITION[kind], basis: basis[kind] ?? '' });
    m[key] = v;
    basis[kind] = `${alt.basis} (the template's definition: ${definition})`;
  };
  const startEvent: Event | null = start === null ? null : { at: start, phase: null, of: { line: -1, label: 'start', timeText: '', phase: 'started', at: start } };
  other('timeToAcknowledge', 'from-start', startEvent, 'start', acknowledged, 'acknowledged');
  other('timeToMitigate', 'from-detection', detected, 'detected', mitigated, 'mitigated');
  other('timeToResolve', 'from-detection', detected, 'detected', resolvedAt, resolvedAt?.phase ?? 'resolved');
  // Resolved (closed) after the service was restored (fixed): many teams count time to resolve to the fix.
  const restored = first('restored');
  if (resolvedAt?.phase === 'resolved' && restored && start !== null && restored.at >= start && restored.at < resolvedAt.at) {
    other('timeToResolve', 'to-restoration', startEvent, 'start', restored, 'restored');
  }
  other('duration', 'to-mitigation', startEvent, 'start', mitigated, 'mitigated');
  return m;
}

/** A start entry whose next readable entry in the document is earlier: the start is the one out of place. */
export function outOfPlace(entries: readonly TimelineEntry[], of: TimelineEntry | Milestone): boolean {
  const i = entries.indexOf(of as TimelineEntry);
  if (i < 0) return false;
  const at = entries[i]!.at!;
  for (let j = i + 1; j < entries.length; j++) {
    const next = entries[j]!.at;
    if (next !== null) return next < at;
  }
  return false;
}

/** Gap between one incident's resolution and the next one's start, for a document that covers several. */
const SEPARATE_INCIDENTS_HOURS = 24;

export interface SeparateIncidents {
  /** The resolution of the earlier incident and the start (or detection) of the later one. */
  resolved: { line: number; at: number };
  next: { line: number; at: number };
}

/** A document that covers several incidents: a "resolved"/"restored" event with events before it, followed
 *  (later in time and further down the document) more than a day later by a "started" or "detected" event.
 *  Null for one incident. */
export function separateIncidents<T extends { at: number | null; phase: Phase | null }>(events: readonly T[], lineOf: (e: T) => number): SeparateIncidents | null {
  const gap = SEPARATE_INCIDENTS_HOURS * 3_600_000;
  // Runs on every keystroke over the whole timeline: first, without allocating, whether any
  // start or detection comes that long after any resolution at all.
  let firstResolved = Infinity;
  let lastStart = -Infinity;
  for (const e of events) {
    if (e.at === null) continue;
    if (e.phase === 'resolved' || e.phase === 'restored') firstResolved = Math.min(firstResolved, e.at);
    else if (e.phase === 'started' || e.phase === 'detected') lastStart = Math.max(lastStart, e.at);
  }
  if (!(lastStart - firstResolved > gap)) return null;
  const list = events.flatMap((e) => (e.at === null ? [] : [{ at: e.at, phase: e.phase, line: lineOf(e) }])).sort((a, b) => a.at - b.at);
  for (let i = 1; i < list.length; i++) {
    const r = list[i]!;
    if (r.phase !== 'resolved' && r.phase !== 'restored') continue;
    const next = list.find((e) => (e.phase === 'started' || e.phase === 'detected') && e.at - r.at > gap && e.line > r.line);
    if (next) return { resolved: { line: r.line, at: r.at }, next: { line: next.line, at: next.at } };
  }
  return null;
}

function severalIncidentsMetrics(s: SeparateIncidents): Metrics {
  const why =
    `not computed: the document covers several incidents (one resolved on line ${s.resolved.line + 1}, ` +
    `another starts on line ${s.next.line + 1} more than ${SEPARATE_INCIDENTS_HOURS} h later); each has its own numbers`;
  const basis: Metrics['basis'] = { start: why, end: why };
  for (const kind of METRIC_KINDS) basis[kind] = why;
  return {
    start: null,
    end: null,
    durationMinutes: null,
    timeToDetectMinutes: null,
    timeToAcknowledgeMinutes: null,
    timeToMitigateMinutes: null,
    timeToResolveMinutes: null,
    basis,
    alternatives: {},
  };
}

const NOTICE: ReadonlySet<Phase> = new Set<Phase>(['detected', 'acknowledged']);

const RESPONSE: ReadonlySet<Phase> = new Set<Phase>(['acknowledged', 'mitigated', 'restored', 'resolved']);

/** The detection, when the timeline settles it. An incident declared as the first entry is itself the notice.
 *  A "detected" entry after responders already acted (acknowledged, mitigated, restored, resolved) is a later,
 *  second notice: the first one is not recorded, so detection is unknown rather than hours late. */
function firstNotice(candidate: Event | null, start: number | null, startEvent: Event | null, events: readonly Event[]): Event | null {
  if (startEvent?.phase === 'acknowledged' && (!candidate || candidate.at > startEvent.at)) return startEvent;
  if (!candidate || start === null) return candidate;
  const responded = events.some((e) => e.phase !== null && RESPONSE.has(e.phase) && e.at >= start && e.at < candidate.at);
  return responded ? null : candidate;
}

function earliest(events: readonly Event[], phase: Phase, notBefore: number): Event | null {
  return earliestWhere(events, (e) => e.phase === phase && e.at >= notBefore);
}

/** With no stated start and no "started" entry: the first entry, unless entries before the anchor (the
 *  detection) are separated from it by a long quiet gap; then the first entry after the gap. */
function runStart(events: readonly Event[], anchor: Event | null): { event: Event; skipped: number; passed: number } {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  let i = anchor ? sorted.lastIndexOf(anchor) : 0;
  if (anchor && i < 0) i = sorted.findIndex((e) => e.at >= anchor.at);
  if (i < 0) i = 0;
  const gap = CONTEXT_GAP_HOURS * 3_600_000;
  // Across a quiet gap, an entry saying something failed ('UNLOAD then fails', a day before the first
  // alert) is the incident already under way, not context.
  while (i > 0 && (sorted[i]!.at - sorted[i - 1]!.at <= gap || failing(sorted[i - 1]!))) i--;
  const skipped = i;
  // A check that passed ('Validation complète réussie') says things still worked then: not the start.
  while (i < sorted.length - 1 && sorted[i] !== anchor && passed(sorted[i]!)) i++;
  return { event: sorted[i]!, skipped, passed: i - skipped };
}

const PASSED = /^\W*(?:validation|vérification|verification|health\s*checks?|smoke\s+tests?|tests?|checks?)\b[^.;]{0,30}?\b(?:réussie?s?|passed|passes|succeeded|successful|ok|green)\b/i;
const passed = (e: Event): boolean => !('label' in e.of) && e.phase === null && PASSED.test(e.of.text) && !/\b(?:deploy|release|merge|roll)/i.test(e.of.text);

const FAILING = /\b(?:fail(?:s|ed|ing)|broke|crash(?:es|ed)|went\s+down|stopped\s+working)\b/i;
const failing = (e: Event): boolean => !('label' in e.of) && e.phase === null && FAILING.test(e.of.text);
