// Pure parsing of timeline times and dates. Luxon is used only to turn wall-clock times into instants.
import type { Zone } from 'luxon';
import { labelOffset, offsetAt, resolveZone, zoneObject } from './zones';
import { MONTHS, monthNumber } from './months';

export interface ParsedTime {
  date: { year: number; month: number; day: number } | null;
  hour: number;
  minute: number;
  second: number;
  zone: string | null;
  zoneText: string | null;
  twelveHour: boolean;
}

export type YMD = { year: number; month: number; day: number };

const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ORD = '(?:st|nd|rd|th)?';
// Groups: 1-3 numeric Y/M/D, 4-6 month-name M D Y, 7-9 D month-name Y.
const DATE = `${WEEKDAY}(?:(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})|(${MONTHS})\\b\\.?\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})|(\\d{1,2})${ORD}\\.?\\s+(?:de\\s+)?(${MONTHS})\\b\\.?,?\\s+(?:de\\s+)?(\\d{4}))`;
// Groups after the date: 10 hour, 11 minute, 12 second, 13 meridiem.
// Seconds may have an unknown digit ('11:09:5x', as a log was read): the minute is still known.
const TIME = '(\\d{1,2})(?::(\\d{2})(?::(\\d{2}|\\d[xX])(?:[.,]\\d{1,9})?)?)?(?:\\s*([ap])\\.?m\\b\\.?)?';
// An approximate time is still the time the author gives ('~07:00', '± 17:20 UTC', 'approx. 3 pm'); '~~' is strikethrough.
const APPROX = '(?:(?:~(?!~)|≈|±|\\+/-)\\s*|(?:ca\\.|approx\\.)\\s*|(?:circa|approximately|around|about)\\s+)?';
const LEADING = new RegExp(`^${APPROX}(?:${DATE}(?:T|,?\\s+(?:at\\s+|@\\s*)?|\\s*@\\s*))?${APPROX}${TIME}`, 'i');
const DATE_ONLY = new RegExp(`^${DATE}$`, 'i');
const Y_MON_D = new RegExp(`^(\\d{4})-(${MONTHS})-(\\d{1,2})$`, 'i');
const LEADING_APPROX = new RegExp(`^${APPROX}`, 'i');

/** The text without a leading 'about' ('~', '±', 'approx.', 'around' …): what the author gives approximately. */
export const withoutApprox = (text: string): string => text.replace(LEADING_APPROX, '');
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const ATTACHED_Z = /Z(?![A-Za-z0-9])/y;
const ATTACHED_OFFSET = /[+\-\u2212]\d{2}(?::?\d{2})?(?![\d:])/y;
// US regional names ('7:09 AM Eastern', '10:00 Pacific Time') before the abbreviations, which would take 'Easte'.
const REGIONAL = '(?:Eastern|Pacific|Central|Mountain)(?:[ \\t]+(?:Standard[ \\t]+|Daylight[ \\t]+)?Time)?';
const ZONE_TOKEN = `(?:UTC|GMT)\\s?[+\\-\\u2212]\\d{1,2}(?::?\\d{2})?|[A-Za-z][A-Za-z_]*(?:\\/[A-Za-z0-9_+\\-]+)+|${REGIONAL}\\b|[A-Za-z]{1,5}`;
const REGIONAL_WORD = new RegExp(`^${REGIONAL}$`);
const SPACED_ZONE = new RegExp(`[ \\t]*\\([ \\t]*(${ZONE_TOKEN})[ \\t]*\\)|[ \\t]+(${ZONE_TOKEN})`, 'iy');
const BOUNDARY_FAIL = /^(?:[A-Za-z0-9_]|[:.]\d)/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function makeDate(y: string, m: string | number, d: string): YMD | null {
  const year = Number(y);
  const month = typeof m === 'number' ? m : Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function dateFromGroups(g: RegExpExecArray): YMD | null | undefined {
  if (g[1]) return makeDate(g[1], g[2]!, g[3]!);
  if (g[4]) return makeDate(g[6]!, monthNumber(g[4]), g[5]!);
  if (g[7]) return makeDate(g[9]!, monthNumber(g[8]!), g[7]);
  return undefined; // no date written
}

/** Zone-word case rule: in running text (strict) only upper-case abbreviations, 'utc'/'gmt' or IANA names count. */
function zoneWordAllowed(word: string, strict: boolean, after: string): boolean {
  if (!strict || word.includes('/') || /[+\-\u2212]/.test(word) || word === word.toUpperCase() || /^(utc|gmt)$/i.test(word)) return true;
  // A capitalised regional name ('Eastern', 'Pacific Time'); a bare one not followed by a lower-case word
  // ('10:00 Pacific team joins' keeps its prose).
  return REGIONAL_WORD.test(word) && (/\sTime$/.test(word) || !/^\s+[a-z]/.test(after));
}

function scan(text: string, strict: boolean): { time: ParsedTime; length: number } | null {
  const m = LEADING.exec(text);
  if (!m) return null;
  const date = dateFromGroups(m);
  if (date === null) return null;
  const meridiem = m[13]?.toLowerCase();
  if (m[11] === undefined && !meridiem) return null; // a bare number is not a time
  let hour = Number(m[10]);
  const minute = m[11] === undefined ? 0 : Number(m[11]);
  const second = m[12] === undefined ? 0 : Number(m[12].replace(/x/i, '0'));
  if (minute > 59 || second > 59) return null;
  if (meridiem) {
    // '0:25:59 AM' (as some logs print it) is 00:25:59; '0:25 PM' says nothing certain.
    if (hour > 12 || (hour < 1 && meridiem !== 'a')) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) return null;

  let end = m[0].length;
  let zone: string | null = null;
  let zoneText: string | null = null;
  let z = sticky(ATTACHED_Z, text, end) ?? (date ? sticky(ATTACHED_OFFSET, text, end) : null);
  if (z) {
    zone = resolveZone(z[0]);
    if (zone) [zoneText, end] = [z[0], end + z[0].length];
  } else if ((z = sticky(SPACED_ZONE, text, end))) {
    const word = (z[1] ?? z[2])!;
    const resolved = zoneWordAllowed(word, strict, text.slice(end + z[0].length)) ? resolveZone(word.replace(/\s+/g, ' ')) : null;
    if (resolved && (z[1] !== undefined || !BOUNDARY_FAIL.test(text.slice(end + z[0].length)))) {
      [zone, zoneText, end] = [resolved, word, end + z[0].length];
    }
  }
  if (BOUNDARY_FAIL.test(text.slice(end, end + 2))) return null;
  return {
    time: { date: date ?? null, hour, minute, second, zone, zoneText, twelveHour: meridiem !== undefined },
    length: end,
  };
}

function sticky(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/** Parse a whole time text ('11:44 PM', '2024-03-10T02:30Z', '14:05 PT', 'Mar 10, 2024 02:30'); null for anything else. */
export function parseTime(text: string): ParsedTime | null {
  const t = text.trim();
  const r = scan(t, false);
  return r && r.length === t.length ? r.time : null;
}

/** A time at the very start of `text`; `length` excludes trailing separators. Zone words must look like zones
 *  (upper-case abbreviations, UTC/GMT, IANA names) so '14:05 et al' keeps its prose. */
export function matchLeadingTime(text: string): { time: ParsedTime; length: number } | null {
  return scan(text, true);
}

/** Parse a date ('2024-03-10', 'March 10, 2024', '10 March 2024', '2024/03/10', 'Mar 10 2024') to ISO, or null. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  // '2025-Feb-07' as '07 Feb 2025'.
  const named = Y_MON_D.exec(t);
  const m = DATE_ONLY.exec(named ? `${named[3]} ${named[2]} ${named[1]}` : t);
  const d = m ? dateFromGroups(m) : null;
  return d ? isoDate(d) : null;
}

export function isoDate(d: YMD): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Read an ISO 'YYYY-MM-DD' (validated), or null. */
export function parseIsoDate(iso: string | null): YMD | null {
  const m = iso ? ISO_DATE.exec(iso) : null;
  return m ? makeDate(m[1]!, m[2]!, m[3]!) : null;
}

export function addDays(d: YMD, n: number): YMD {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

const DAY = 86_400_000;

/** Every instant at which the wall clock in `zone` reads this date and time, earliest first.
 *  Two in a fall-back hour; none in a spring-forward gap, where we shift forward by the gap
 *  (02:30 on 2024-03-10 in Los Angeles -> 03:30 PDT), as luxon and Temporal's 'compatible' do. */
export function wallInstants(d: YMD, t: ParsedTime, zone: Zone): number[] {
  const wall = Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute, t.second);
  if (zone.isUniversal) return [wall - zone.offset(wall) * 60_000];
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const out: number[] = [];
  for (const o of before === after ? [before] : [before, after]) {
    const ts = wall - o * 60_000;
    if (offsetAt(zone, ts) === o) out.push(ts);
  }
  if (out.length === 0) out.push(wall - before * 60_000);
  out.sort((a, b) => a - b);
  // A fall-back hour written with a season label ('01:30 PST') means the reading that label names.
  const label = labelOffset(t.zoneText);
  const named = label === null || out.length < 2 ? -1 : out.findIndex((ts) => offsetAt(zone, ts) === label);
  return named > 0 ? [out[named]!, ...out.filter((_, i) => i !== named)] : out;
}

/** The instant (epoch ms) of a parsed time: its own date else `fallbackDate`; its own zone else `zone`.
 *  An ambiguous fall-back time takes the earlier instant (the first time the clock read it, e.g. 01:30 PDT on
 *  2024-11-03); a time in a spring-forward gap is shifted forward by the gap. */
export function toInstant(t: ParsedTime, fallbackDate: string | null, zone: string): number | null {
  const d = t.date ?? parseIsoDate(fallbackDate);
  const z = zoneObject(t.zone ?? zone);
  return d && z ? wallInstants(d, t, z)[0]! : null;
}

/** Resolve timeline times in order. A dateless entry takes the running date; when it would fall before the
 *  previous entry's instant it first tries the repeated fall-back hour, then rolls the running date to the
 *  next day (11:32 PM ... 1:05 AM crosses midnight). Comparing instants, not clock readings, keeps entries
 *  written in different zones in order. Entries with their own date set the running date. */
export function resolveTimes(times: (ParsedTime | null)[], fallbackDate: string | null, zone: string): (number | null)[] {
  const state = resolveStart(fallbackDate);
  return times.map((t) => resolveStep(t, zone, state));
}

/** Where resolution stands after some entries: the running date and the last instant. */
export interface ResolveState {
  running: YMD | null;
  prev: number | null;
}

export const resolveStart = (fallbackDate: string | null): ResolveState => ({ running: parseIsoDate(fallbackDate), prev: null });

export const sameState = (a: ResolveState, b: ResolveState): boolean =>
  a.prev === b.prev && (a.running === b.running || (!!a.running && !!b.running && a.running.year === b.running.year && a.running.month === b.running.month && a.running.day === b.running.day));

const OUT_OF_ORDER_MS = 3_600_000;

/** One entry of resolveTimes: its instant; advances `s`. */
export function resolveStep(t: ParsedTime | null, zone: string, s: ResolveState): number | null {
  if (!t) return null;
  const z = zoneObject(t.zone ?? zone);
  if (!z) return null;
  if (t.date) s.running = t.date;
  if (!s.running) return null;
  let options = wallInstants(s.running, t, z);
  let at = options[0]!;
  if (s.prev !== null && at < s.prev) {
    const p = s.prev;
    const later = options.find((x) => x >= p);
    if (later !== undefined) at = later;
    // A step back of under an hour is an entry written out of order ('16:50:25' then '~16:50'), not midnight.
    else if (!t.date && p - at > OUT_OF_ORDER_MS) {
      s.running = addDays(s.running, 1);
      options = wallInstants(s.running, t, z);
      at = options[0]!;
    }
  }
  s.prev = at;
  return at;
}
