// The date and time that lead a timeline entry in the many ways real post-mortems write them:
// wrapped in marks or brackets (`**12:19 PST**`, `[12-05 16:21]`), after a date in any common
// form (`2018-08-22, 03:26pm`, `Jan 14, 10:18 AM`, `11/25`), `3.26 pm`, `1625` after a date,
// ranges (`10:02–10:15`), a date after the time (`22:30 UTC (Oct 29)`), `17:30 PM`.
// A date without a year, or one whose day/month order the text alone cannot tell, is kept loose
// for the timeline to settle from the document's other dates.
import { matchLeadingTime, type ParsedTime, type YMD } from './parse';
import { MONTHS, monthNumber } from './months';

/** A date as written, before the document's year and day/month order are known. */
export interface LooseDate {
  /** Month-name dates are certain about which number is the month. */
  named: boolean;
  /** For `named`: month and day; numeric: the first and second number as written. */
  first: number;
  second: number;
  year: number | null;
}

export interface EntryLead {
  /** The time read, with `date` set only when the date is certain (a year and an unambiguous order). */
  time: ParsedTime | null;
  /** The date when it needs the document to settle it. */
  loose: LooseDate | null;
  /** Characters of the text the lead covers (time text), from `start`. */
  start: number;
  length: number;
  /** Where the entry's own text starts (after the lead and its separator). */
  textStart: number;
  /** `17:30 PM`: the meridiem contradicts a 24-hour clock reading and was ignored. */
  meridiemIgnored: boolean;
  /** What the written date says of day/month order, kept when the date itself was settled (25/04/2021). */
  order: boolean | null;
}

const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ORD = '(?:st|nd|rd|th)?';
// 1-3 Y-M-D; 4-6 month-name D [Y] (a day range '14-19' keeps its first day); 7-9 D month-name [Y];
// 10-13 numeric a/b[/y] (11 the separator); 14-16 dotted a.b.yyyy; 17-19 Japanese Y年M月D日.
const DATE_SRC =
  `${WEEKDAY}(?:(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)` +
  `|(${MONTHS})\\b\\.?\\s+(\\d{1,2})${ORD}(?:\\s*[-–]\\s*\\d{1,2}${ORD})?(?:,?\\s+((?:19|20)\\d{2})\\b)?` +
  `|(\\d{1,2})${ORD}\\s+(?:de\\s+)?(${MONTHS})\\b\\.?(?:,?\\s+(?:de\\s+)?((?:19|20)\\d{2})\\b)?` +
  `|(\\d{1,2})([-/])(\\d{1,2})(?:\\11(\\d{4}|\\d{2}))?(?![\\d:])` +
  `|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})` +
  `|(\\d{4})年(\\d{1,2})月(\\d{1,2})日)`;
const DATE = new RegExp(`^${DATE_SRC}`, 'i');
const WRAP = /^(\*\*|__|\*|_|`|\[|\()/;
const CLOSE: Readonly<Record<string, string>> = { '[': ']', '(': ')' };
const DATE_TIME_SEP = /^(?:T|\s*,\s*|\s*[:@]\s*(?:(?:at|around|about|approx(?:imately)?|~)\s+)?|\s+[-–—]\s+|\s+(?:at\s+|around\s+|@\s*)?)/i;
const DOT_TIME = /^(\d{1,2})\.(\d{2})(\s*[ap]\.?m\b)/i;
// Not the year of a second date ('2026-06-20, 2026-06-21').
const FOUR_DIGITS = /^([01]\d|2[0-3])([0-5]\d)(?!\d|:\d|[-/.]\d)/;
const ZONED_FOUR = /^(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:UTC|GMT)\b|Z\b|\s+[ECMP][SD]T\b)/;
const BAD_MERIDIEM = /^(1[3-9]|2[0-3]):([0-5]\d)(\s*[AP]\.?M\b\.?)/i;
const SECONDS_TAIL = /^[-–]\d{2}(?![\d:.])/;
const RANGE_TAIL = /^\s*(?:[-–—~]|to)\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?/i;
const ALT_ZONE_TIME = /^\s*\/\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[-–]\s*\d{1,2}[:.]\d{2}(?::\d{2})?)?(?:\s*[ap]\.?m\b\.?)?\s+(?:[A-Z]{2,5}|UTC[+-]\d{1,2})\b/;
const DATE_AFTER = new RegExp(`^\\s*\\(\\s*${DATE_SRC}\\s*\\)`, 'i');
const TEXT_SEP = /^\s*(?:[:\-–—|]+\s*)?/;

/** A date at the start of `text` ('2018-08-22', 'Jan 14', 'Thursday, May 4', '29-09-2021', '11/25'). */
export function readLooseDate(text: string): { date: LooseDate; length: number } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const n = (s: string | undefined) => (s === undefined ? null : Number(s));
  const month = monthNumber;
  let date: LooseDate;
  if (m[1]) date = { named: true, first: n(m[2])!, second: n(m[3])!, year: n(m[1]) };
  else if (m[4]) date = { named: true, first: month(m[4]), second: n(m[5])!, year: n(m[6]) };
  else if (m[8]) date = { named: true, first: month(m[8]), second: n(m[7])!, year: n(m[9]) };
  else if (m[10]) {
    const y = m[13] === undefined ? null : m[13].length === 2 ? 2000 + Number(m[13]) : Number(m[13]);
    date = { named: false, first: n(m[10])!, second: n(m[12])!, year: y };
  } else if (m[14]) date = { named: false, first: n(m[14])!, second: n(m[15])!, year: n(m[16]) };
  else date = { named: true, first: n(m[18])!, second: n(m[19])!, year: n(m[17]) };
  if (date.first < 1 || date.second < 1 || date.first > 31 || date.second > 31) return null;
  if (date.named && (date.first > 12 || date.second > daysIn(date.year ?? 2000, date.first))) return null;
  return { date, length: m[0].length };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The loose date as a calendar date, given the year to assume and whether numbers are day-first. */
export function settleDate(d: LooseDate, year: number | null, dayFirst: boolean | null): YMD | null {
  const y = d.year ?? year;
  if (y === null) return null;
  let month = d.first;
  let day = d.second;
  if (!d.named) {
    if (d.first > 12 && d.second <= 12) [month, day] = [d.second, d.first];
    else if (d.second > 12 && d.first <= 12) [month, day] = [d.first, d.second];
    else if (d.first !== d.second) {
      if (dayFirst === null) return null;
      if (dayFirst) [month, day] = [d.second, d.first];
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(y, month)) return null;
  return { year: y, month, day };
}

/** Whether the written numbers alone tell day from month (true: day first, false: month first, null: cannot tell). */
export function dateOrderEvidence(d: LooseDate): boolean | null {
  if (d.named) return null;
  if (d.first > 12 && d.second <= 12) return true;
  if (d.second > 12 && d.first <= 12) return false;
  return null;
}

/** A certain date: one with a year whose day/month order the numbers themselves tell. */
function certain(d: LooseDate): YMD | null {
  return d.year !== null ? settleDate(d, null, null) : null;
}

/** The time at `pos` in `text` (a date already read before it when `afterDate`). */
function readTime(text: string, afterDate: boolean): { time: ParsedTime; length: number; meridiemIgnored: boolean } | null {
  // Canonical spellings of the same length, so positions carry over.
  let canon = text;
  let meridiemIgnored = false;
  let extra = 0;
  const dot = DOT_TIME.exec(text);
  if (dot) canon = `${dot[1]}:${dot[2]}${text.slice(dot[1]!.length + 3)}`;
  const bad = BAD_MERIDIEM.exec(text);
  if (bad) {
    canon = `${bad[1]}:${bad[2]}${' '.repeat(bad[3]!.length)}${text.slice(bad[0].length)}`;
    meridiemIgnored = true;
  }
  // '1506' is a time after a date, or alone when a zone follows ('1936 UTC', '0117Z'); else it may be a year.
  const four = afterDate || ZONED_FOUR.test(text) ? FOUR_DIGITS.exec(text) : null;
  if (four) {
    canon = `${four[1]}:${four[2]}${text.slice(4)}`;
    extra = -1;
  }
  const m = matchLeadingTime(canon);
  if (!m || m.time.date) return null;
  let length = m.length + extra;
  if (meridiemIgnored && m.length <= bad![1]!.length + 3) length = bad![0].length; // the PM belongs to the time text
  return { time: m.time, length, meridiemIgnored };
}

/**
 * The date and time leading `text`, or null when it does not start with a time (or a date and a time).
 * A date alone is not a lead: see readLooseDate for day markers.
 */
export function readEntryLead(raw: string): EntryLead | null {
  // Marks and brackets around the lead become spaces (same length, so positions carry over).
  let text = raw;
  let pos = 0;
  // Two layers at most: bold italic ('**_02:00_**') is one mark inside another.
  for (let layer = 0, w = WRAP.exec(raw); w && layer < 2; layer++, w = WRAP.exec(text.slice(pos))) {
    const open = w[1]!;
    if (layer > 0 && CLOSE[open]) break;
    const close = CLOSE[open] ?? open;
    const at = text.indexOf(close, pos + open.length);
    if (at > pos + open.length) {
      text = text.slice(0, pos) + ' '.repeat(open.length) + text.slice(pos + open.length, at) + ' '.repeat(close.length) + text.slice(at + close.length);
    } else if (close !== open) return null;
    else {
      // `**01:38: alerts fired …` with the bold closing on a later line.
      text = text.slice(0, pos) + ' '.repeat(open.length) + text.slice(pos + open.length);
    }
    pos += open.length;
  }
  let loose: LooseDate | null = null;
  const d = readLooseDate(text.slice(pos));
  let timeAt = pos;
  if (d) {
    const sep = DATE_TIME_SEP.exec(text.slice(pos + d.length));
    if (!sep) return null;
    loose = d.date;
    timeAt = pos + d.length + sep[0].length;
  }
  const t = readTime(text.slice(timeAt), d !== null);
  if (!t) return null;
  let end = timeAt + t.length;
  // A range: the entry is at its start; the zone written after the range applies.
  // A range of seconds written short ('16:05:57-58') ends at its second.
  const range = RANGE_TAIL.exec(text.slice(end)) ?? (/:\d{2}:\d{2}$/.test(text.slice(timeAt, end)) ? SECONDS_TAIL.exec(text.slice(end)) : null);
  let time = t.time;
  if (range) {
    end += range[0].length;
    const zoned = matchLeadingTime(text.slice(timeAt, timeAt + t.length) + text.slice(end));
    if (zoned && zoned.length > t.length) {
      time = { ...time, zone: zoned.time.zone, zoneText: zoned.time.zoneText };
      end += zoned.length - t.length;
    }
  }
  // The same time in another zone after a slash ('23:15 UTC / 16:15 PDT'): the first one is the entry's.
  const alt = ALT_ZONE_TIME.exec(text.slice(end));
  if (alt) end += alt[0].length;
  if (!loose) {
    const after = DATE_AFTER.exec(text.slice(end));
    const ad = after ? readLooseDate(after[0].replace(/^\s*\(\s*/, '')) : null;
    if (after && ad) {
      loose = ad.date;
      end += after[0].length;
    }
  }
  const textStart = end + TEXT_SEP.exec(text.slice(end))![0].length;
  const date = loose ? certain(loose) : null;
  return {
    time: date ? { ...time, date } : time,
    loose: date ? null : loose,
    start: pos,
    length: end - pos,
    textStart,
    meridiemIgnored: t.meridiemIgnored,
    order: loose ? dateOrderEvidence(loose) : null,
  };
}

/** A line that is only a date (a day marker: `2019-01-22`, `**Thursday, May 4**`, `### 2023-07-19`, `11/25:`),
 *  with what follows it when that is a title or a zone note (`- Redis Overload`, `(All times CEST)`).
 *  `titled`: a heading, whose date may also be followed by a title ('### 2024-03-05 Data8 outage'). */
export function readDayMarker(text: string, titled = false): { date: LooseDate; rest: string } | null {
  const s = text.trim().replace(/^(\*\*|__|\*|_)(.*?)\1(?=\s|:|$)/, '$2');
  const d = readLooseDate(s);
  if (!d) return null;
  const rest = s.slice(d.length);
  // A time after the date makes it an entry, not a marker.
  if (DATE_TIME_SEP.test(rest) && readTime(rest.replace(DATE_TIME_SEP, ''), true)) return null;
  // After the date: nothing, a title or zone note, or its weekday (`### 2025-07-26 Saturday`).
  if (!/^\s*(?:$|[:\-–—(]|\*\*|,?\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*$)/i.test(rest) && !(titled && /^\s+\p{L}/u.test(rest))) return null;
  return { date: d.date, rest: rest.replace(/^\s*[:\-–—]?\s*/, '') };
}
