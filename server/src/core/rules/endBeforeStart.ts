// The incident ends before it starts: a stated (or computed) end earlier than the start.
// Also home of the incident bounds and instant formatting the other timeline rules share.
import type { Rule, Finding } from './rule';
import type { Postmortem, Range, TimelineEntry } from '../model/types';
import { formatInstant } from '../time';

export interface Bound {
  at: number;
  /** Where the bound is written: the stated field's value or the entry's time. */
  range: Range;
  /** How it was found, for messages: "stated Start Time, line 12". */
  basis: string;
  stated: boolean;
}

/** The zone times are shown in: the one the timeline states, else the document's. */
export const displayZone = (model: Postmortem): string => model.timeline.statedZone ?? model.zone;

/** An instant as the author would read it, e.g. `2024-03-10 09:00 PDT`. */
export const formatAt = (model: Postmortem, ms: number): string => formatInstant(ms, displayZone(model), 'yyyy-MM-dd HH:mm ZZZZ');

const fromEntry = (e: TimelineEntry, what: string): Bound => ({
  at: e.at!,
  range: e.timeRange,
  basis: `${what}, line ${e.line + 1}`,
  stated: false,
});

/** Start and end as the metrics take them: stated in a field, else from the timeline's phases. */
export function incidentBounds(model: Postmortem): { start: Bound | null; end: Bound | null } {
  const readable = model.timeline.entries.filter((e) => e.at !== null);
  const first = (phase: TimelineEntry['phase']) => readable.find((e) => e.phase === phase);
  const { start: s, end: t } = model.statedWindow;
  let start: Bound | null = null;
  if (s) start = { at: s.at, range: s.field.valueRange, basis: `stated ${s.field.key}, line ${s.field.line + 1}`, stated: true };
  else {
    const e = first('started') ?? readable[0];
    if (e) start = fromEntry(e, e.phase === 'started' ? "the 'started' entry" : 'the first timeline entry');
  }
  let end: Bound | null = null;
  if (t) end = { at: t.at, range: t.field.valueRange, basis: `stated ${t.field.key}, line ${t.field.line + 1}`, stated: true };
  else {
    const e = first('resolved') ?? first('restored');
    if (e) end = fromEntry(e, `the '${e.phase}' entry`);
  }
  return { start, end };
}

export const endBeforeStart: Rule = {
  id: 'end-before-start',
  defaultSeverity: 'error',
  description: 'The incident end (stated, or from the timeline) is earlier than its start.',
  check({ model }) {
    const { start, end } = incidentBounds(model);
    if (!start || !end || end.at >= start.at) return [];
    const finding: Finding = {
      range: end.range,
      message:
        `The incident ends before it starts: end ${formatAt(model, end.at)} (${end.basis}) is earlier than ` +
        `start ${formatAt(model, start.at)} (${start.basis}).`,
    };
    return [finding];
  },
};
