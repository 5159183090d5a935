// The incident ends before it starts: a stated (or computed) end earlier than the start.
import type { Rule, Finding } from './rule';
import type { Phase, Postmortem, Range, TimelineEntry } from '../model/types';
import { formatAt } from '../model/displayTime';
import { outOfPlace, separateIncidents } from '../model/metrics';
import { instantsOf, keptCarried } from './carried';

interface Bound {
  at: number;
  /** Where the bound is written: the stated field's value or the entry's time. */
  range: Range;
  /** How it was found, for messages: "stated Start Time, line 12". */
  basis: string;
  stated: boolean;
  /** The timeline entry it was read from, when not stated. */
  entry?: TimelineEntry;
}

const fromEntry = (e: TimelineEntry, what: string): Bound => ({
  at: e.at!,
  range: e.timeRange,
  basis: `${what}, line ${e.line + 1}`,
  stated: false,
  entry: e,
});

// Each entry's phase, carried from the last version (as its instant is, instantsOf).
const phases = keptCarried<TimelineEntry, Phase | null>();

/** Start and end as the metrics take them: stated in a field, else from the timeline's phases. */
function incidentBounds(model: Postmortem): { start: Bound | null; end: Bound | null } {
  const { entries } = model.timeline;
  const at = instantsOf(entries);
  const phase = phases.map(entries, (e) => e.phase);
  /** The first readable entry (of a phase). */
  const first = (p?: Phase) => {
    for (let i = 0; i < entries.length; i++) if (at[i] !== null && (p === undefined || phase[i] === p)) return entries[i];
    return undefined;
  };
  const { start: s, end: t } = model.statedWindow;
  let start: Bound | null = null;
  if (s) start = { at: s.at, range: s.field.valueRange, basis: `stated ${s.field.key}, line ${s.field.line + 1}`, stated: true };
  else {
    const e = first('started') ?? first();
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
    // A document covering several incidents: the first one's end before the last one's start is no error.
    if (!start.stated && !end.stated && separateIncidents(model.timeline.entries, (e) => e.line)) return [];
    // The start entry is later than the entry written after it: that entry is the misdated one.
    const startMisplaced = start.entry !== undefined && outOfPlace(model.timeline.entries, start.entry);
    const finding: Finding = startMisplaced
      ? {
          range: start.range,
          message:
            `The incident starts after it ends: start ${formatAt(model, start.at)} (${start.basis}) is later than ` +
            `end ${formatAt(model, end.at)} (${end.basis}) and than the entry after it; check this entry's date.`,
        }
      : {
          range: end.range,
          message: `The incident ends before it starts: end ${formatAt(model, end.at)} (${end.basis}) is earlier than ` + `start ${formatAt(model, start.at)} (${start.basis}).`,
        };
    return [finding];
  },
};
