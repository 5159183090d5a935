// A timeline time (or a stated start/end) that cannot be read.
import type { Rule, Finding } from './rule';
import { findPlaceholders, isPlaceholderValue } from '../model/placeholders';
import { parseDate, parseTime, readEntryLead, readLooseDate, withoutApprox } from '../time';
import { stripMarks } from '../model/text';
import { dateProblems, scanDates } from '../time/dateTokens';
import { instantsOf } from './carried';

const HINT = 'Write HH:MM, h:mm AM/PM, YYYY-MM-DD HH:MM or ISO 8601, optionally followed by a zone (UTC, PT, Europe/Berlin).';
const isPlaceholder = (t: string) => findPlaceholders(t).length > 0 || isPlaceholderValue(t);

/** Words with a number among them ('Phase 2 — recovery-induced outage', a table's separator row): no clock in it. */
const isWords = (t: string): boolean => !/\d\s*[:.h]\s*\d|\d\s*[ap]\.?m\b|\d{4}|\d[/-]\d/i.test(t) && (t.match(/\p{L}{3,}/gu) ?? []).length >= 2;

const OFFSET = /^\s*\[?\s*(?:T\s*)?[+＋]\s*\d+(?:[.,]\d+)?\s*(?:(?:business\s+|working\s+)?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\b)/i;

function isDateOnly(text: string): boolean {
  const t = withoutApprox(text.trim());
  if (parseDate(t)) return true;
  // A day with words but no time after it ('2026-04-18 at time of writing', '2026-04-18 執筆時点') is coarse too.
  const loose = readLooseDate(t);
  if (loose !== null && !/\d/.test(t.slice(loose.length))) return true;
  // Days alone ('2026-06-20, 2026-06-21', 'June 20 and June 21, 2026').
  const dates = scanDates(t);
  return dates.length > 0 && !/\d/.test(dates.reduceRight((s, d) => s.slice(0, d.start) + s.slice(d.end), t));
}

// A window the author gives instead of a time ('between 08:00 and 11:30': the exact time is unknown).
const WINDOW = /^(?:between|from)\s+(\S+(?:\s*[ap]\.?m\.?)?)\s+(?:and|to|until)\s+(\S+(?:\s*[ap]\.?m\.?)?)(?:\s+[A-Z]{2,5})?$/i;
const isWindow = (t: string): boolean => {
  const m = WINDOW.exec(t.trim());
  return !!m && parseTime(m[1]!) !== null && parseTime(m[2]!) !== null;
};

export const invalidTime: Rule = {
  id: 'invalid-time',
  defaultSeverity: 'error',
  description: 'A timeline time that cannot be read as a time.',
  check({ model }) {
    const out: Finding[] = [];
    const { entries } = model.timeline;
    const instants = instantsOf(entries);
    for (let i = 0; i < entries.length; i++) {
      if (instants[i] !== null) continue;
      const e = entries[i]!;
      // A non-existent date (2024-02-31) is invalid-date's finding; one report is enough.
      if (!e.timeText || isPlaceholder(e.timeText) || dateProblems(e.timeText).length) continue;
      // Words with no number ('afternoon', 'Before this session'): the author says no time, so none can be corrected.
      if (!/\d/.test(e.timeText) || isWords(stripMarks(e.timeText))) continue;
      // A day with no time ('2021-12-10', 'Dec 17') is a coarse entry, not an unreadable time.
      if (isDateOnly(stripMarks(e.timeText)) || isWindow(stripMarks(e.timeText))) continue;
      // A time relative to an earlier entry ('+10 minutes', '[+1.5 hrs]', 'T+2h', '+2 Business Days Later'): written so on purpose.
      if (OFFSET.test(stripMarks(e.timeText).replace(/\\/g, ''))) continue;
      // Read but not placed (a date without a year, a day/month order the document does not settle).
      const readable = parseTime(stripMarks(e.timeText)) ?? readEntryLead(e.timeText);
      out.push({
        range: e.timeRange,
        message: readable ? `Time '${e.timeText}' has no date to anchor it: add a **Date:** field or write the date with the time.` : `Cannot read time '${e.timeText}'. ${HINT}`,
        // Certain only for a lone broken time ('25:70', '14:5O'): a longer text may be a shape not read yet,
        // and a readable time lacking a date is incomplete, not wrong.
        ...(readable
          ? { severity: 'information' as const }
          : /\s/.test(
                stripMarks(e.timeText)
                  .replace(/\s+[A-Z]{2,5}$/, '')
                  .trim(),
              )
            ? { severity: 'warning' as const }
            : {}),
      });
    }
    return out;
  },
};
