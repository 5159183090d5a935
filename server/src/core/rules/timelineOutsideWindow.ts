// A timeline entry marking a phase of the incident (detected, restored …) before the stated start or
// after the stated end: either the entry's time or the stated bound is wrong. Only stated bounds
// count; computed ones come from the timeline.
import type { Rule, Finding } from './rule';
import { formatAt } from '../model/displayTime';
import { instantsOf } from './carried';
import { SENTENCE_KEY } from '../model/statedSentence';
import type { Phase } from '../model/types';

/** Stated bounds have minute precision; an entry at 13:51:30 is not before a start of 13:52. */
const SLACK_MS = 60_000;

const AFTER_END: ReadonlySet<Phase> = new Set<Phase>(['started', 'restored']);

export const timelineOutsideWindow: Rule = {
  id: 'timeline-outside-window',
  defaultSeverity: 'warning',
  description: 'A timeline entry lies before the stated start or after the stated end of the incident.',
  check({ model }) {
    // A window from prose ('at roughly 17:00 UTC the errors began') is often approximate: only fields count.
    const field = (b: typeof model.statedWindow.start) => (b && b.field.key !== SENTENCE_KEY ? b : null);
    const start = field(model.statedWindow.start);
    const end = field(model.statedWindow.end);
    if (!start && !end) return [];
    // An inverted window is end-before-start's finding; every entry would be "outside" it.
    if (start && end && end.at < start.at) return [];
    const out: Finding[] = [];
    const { entries } = model.timeline;
    const instants = instantsOf(entries);
    for (let i = 0; i < entries.length; i++) {
      const at = instants[i] ?? null;
      // Lead-up before the start (the deploy that caused it) and follow-up after the end are what
      // timelines hold; only an entry that marks a phase of the incident contradicts the bound. After
      // the end, responders still investigate, clean up, close the incident and learn of what happened:
      // only the incident beginning or the service coming back there contradicts it.
      const phase = entries[i]!.phase;
      if (at === null || phase === null) continue;
      const side = start && start.at - at >= SLACK_MS ? 'start' : end && AFTER_END.has(phase) && at - end.at >= SLACK_MS ? 'end' : null;
      if (!side) continue;
      const b = side === 'start' ? start! : end!;
      out.push({
        range: entries[i]!.timeRange,
        message:
          `Entry at ${formatAt(model, at)} is ${side === 'start' ? 'before' : 'after'} the stated ${side} ${formatAt(model, b.at)} ` +
          `(${b.field.key}, line ${b.field.line + 1}): correct the entry's time or the stated ${side}.`,
      });
    }
    return out;
  },
};
