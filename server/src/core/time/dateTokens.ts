// Date-shaped tokens in a text, good or bad: 2024-03-10, 10 March 2024, 18/02/2025, and the ones that
// do not exist (2024-02-30) or cannot be read for sure (03/04/2024), each with what is wrong.
import { isoDate } from './parse';
import { keptTextMemo } from '../parse/memo';
import { MONTHS, monthNumber } from './months';

export interface DateToken {
  start: number;
  end: number;
  text: string;
  /** What is wrong, or null for a good date. */
  problem: string | null;
  /** The one ISO date a numeric token can mean (18/02/2025 -> 2025-02-18), for the fix. */
  rewrite: string | null;
  /** The date the token means: null when it does not exist, or its day and month could be either way round. */
  iso: string | null;
  /** Day and month could be either way round (03/04/2024): the document's other dates may settle it. */
  ambiguous: boolean;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Not inside identifiers such as INC-2025-02-18-004 or version numbers.
const EDGE_BEFORE = '(?<![\\w./-])';
const EDGE_AFTER = '(?![\\w]|[-/.]\\d)';
const YMD = new RegExp(`${EDGE_BEFORE}(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})${EDGE_AFTER}`, 'g');
const XXY = new RegExp(`${EDGE_BEFORE}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})${EDGE_AFTER}`, 'g');
const MDY = new RegExp(`\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi');
// '2025-Feb-07'.
const Y_MON_D = new RegExp(`${EDGE_BEFORE}(\\d{4})-(${MONTHS})-(\\d{1,2})${EDGE_AFTER}`, 'gi');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(${MONTHS})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`, 'gi');

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Why y-m-d is not a date, or null when it is one. */
function whyNot(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12) return `there is no month ${m}`;
  if (d < 1) return `there is no day ${d}`;
  const n = daysIn(y, m);
  return d > n ? `${MONTH_NAMES[m - 1]} ${y} has ${n} days` : null;
}

/** Every date-shaped token in a text, good or bad (memoised per text: rules call it on every
 *  entry and field of every version, and most of them did not change). Do not mutate the result. */
export const scanDates = (text: string): readonly DateToken[] => scanMemo.get(text);

function scanDatesOf(text: string): DateToken[] {
  const out: DateToken[] = [];
  const add = (m: RegExpMatchArray, problem: string | null, iso: string | null, rewrite: string | null = null, ambiguous = false) => {
    const start = m.index!;
    if (out.some((t) => start < t.end && start + m[0].length > t.start)) return;
    out.push({ start, end: start + m[0].length, text: m[0], problem, rewrite, iso, ambiguous });
  };
  const exists = (m: RegExpMatchArray, y: number, mo: number, d: number) => {
    const why = whyNot(y, mo, d);
    add(m, why ? `Date '${m[0]}' does not exist: ${why}.` : null, why ? null : isoDate({ year: y, month: mo, day: d }));
  };
  for (const m of text.matchAll(YMD)) exists(m, +m[1]!, +m[3]!, +m[4]!);
  for (const m of text.matchAll(MDY)) exists(m, +m[3]!, monthNumber(m[1]!), +m[2]!);
  for (const m of text.matchAll(DMY)) exists(m, +m[3]!, monthNumber(m[2]!), +m[1]!);
  for (const m of text.matchAll(Y_MON_D)) exists(m, +m[1]!, monthNumber(m[2]!), +m[3]!);
  for (const m of text.matchAll(XXY)) {
    // Day and month order is a guess; rewrite only when a single reading is a real date.
    const [a, b, y] = [+m[1]!, +m[3]!, +m[4]!];
    const readings = new Set([whyNot(y, a, b) ? null : isoDate({ year: y, month: a, day: b }), whyNot(y, b, a) ? null : isoDate({ year: y, month: b, day: a })]);
    readings.delete(null);
    const only = readings.size === 1 ? [...readings][0]! : null;
    // One reading (16/03/2020): the date is certain, only its form is not the portable one.
    if (only) add(m, `Date '${m[0]}' reads only as ${only}: YYYY-MM-DD reads the same everywhere.`, only, only);
    else if (readings.size) add(m, `Cannot read date '${m[0]}': write dates as YYYY-MM-DD, since day and month could be either way round.`, null, null, true);
    else add(m, `Date '${m[0]}' does not exist in either day/month order: write dates as YYYY-MM-DD.`, null);
  }
  return out.sort((x, y) => x.start - y.start);
}

const scanMemo = keptTextMemo(scanDatesOf);

const NO_PROBLEMS: readonly DateToken[] = [];

/** The date problems in a text, for rules that want to leave them to this one. Do not mutate the result. */
export function dateProblems(text: string): readonly DateToken[] {
  const all = scanDates(text);
  return all.some((t) => t.problem !== null) ? all.filter((t) => t.problem !== null) : NO_PROBLEMS;
}

/** The dates an either-way-round token (03.08.2023) may mean: month first, then day first. */
export function readingsOf(t: DateToken): string[] {
  if (!t.ambiguous) return [];
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t.text);
  if (!m) return [];
  const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
  return [isoDate({ year: y, month: a, day: b }), isoDate({ year: y, month: b, day: a })];
}

// A day named with its month in words, with or without a year ('3rd of August', 'On 3. August', 'August 3').
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(${MONTHS})\\b|\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'gi');

/** The reading of an either-way-round token that the text's days in words name (and the other does not); else null. */
export function settleByNamedDays(t: DateToken, text: string): string | null {
  const readings = readingsOf(t);
  if (readings.length !== 2) return null;
  const named = new Set<string>();
  for (const m of text.matchAll(DAY_MONTH)) {
    const [month, day] = m[1] ? [monthNumber(m[2]!), +m[1]] : [monthNumber(m[3]!), +m[4]!];
    named.add(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  const hits = readings.filter((r) => named.has(r.slice(5)));
  return hits.length === 1 ? hits[0]! : null;
}
