// A line under a timeline that starts like an entry (a clock time, a date and a time, a relative
// marker) but that the timeline could not read: reported, never silently dropped.
import type { Rule, Finding } from './rule';
import type { Postmortem, Section } from '../model/types';
import { otherTimelines } from '../model/timeline';
import { lineRange } from '../model/text';

// A list marker or heading, marks or a bracket, then something time-like: `14:xx`, `9.30`, `T+22h`, `+22 hrs`, `2024-03-10 9`.
const LOOKS_LIKE_ENTRY =
  /^\s*(?:(?:[-*+]|\d{1,3}[.)])\s+|#{1,6}\s+)?(?:\*\*|__|\*|_|`|\[)?\s*(?:\d{1,2}[:.h]\d{1,2}[a-z]?\b|\d{1,2}:[x?]{2}|T\s?[+-]\s?\d|\+\s?\d+\s*(?:h|hrs?|hours?|m|mins?|d|days?)\b|\d{4}-\d{2}-\d{2}[ T,]+\d)/i;
const HINT = 'Write HH:MM, h:mm AM/PM or YYYY-MM-DD HH:MM at the start of the line, optionally followed by a zone.';

/** Timeline sections of the model: the first and any others outside it. */
export function timelineSections(model: Postmortem): Section[] {
  const first = model.timeline.section;
  return first ? [first, ...otherTimelines(model.sections, first)] : [];
}

export const timelineUnreadEntry: Rule = {
  id: 'timeline-unread-entry',
  defaultSeverity: 'information',
  description: 'A line under the timeline looks like an entry but its time could not be read.',
  check({ model }) {
    const read = new Set(model.timeline.entries.map((e) => e.line));
    // Nested list items are details of the entry above them, not entries of their own.
    const nested = new Set(model.listItems.filter((i) => i.depth > 1).map((i) => i.line));
    const out: Finding[] = [];
    for (const s of timelineSections(model)) {
      for (let l = s.headingRange.start.line + 1; l <= s.range.end.line; l++) {
        const text = model.lines[l] ?? '';
        if (read.has(l) || nested.has(l) || model.codeLines.has(l) || !LOOKS_LIKE_ENTRY.test(text)) continue;
        if (model.rows.some((r) => r.line === l)) continue;
        const start = text.length - text.trimStart().length;
        out.push({
          range: lineRange(l, start, text.trimEnd().length),
          message: `This line looks like a timeline entry, but its time could not be read, so it is not on the timeline. ${HINT}`,
        });
      }
    }
    return out;
  },
};
