// Durations and time ranges as authors write them.
import { DateTime } from 'luxon';
import { addDays, matchLeadingTime, parseIsoDate, parseTime, toInstant, wallInstants, type ParsedTime } from './parse';
import { offsetAt, resolveZone, zoneObject } from './zones';

const APPROX = /^(?:about|around|approx(?:\.|imately)?|roughly|nearly|almost|over|under|ca\.?|~|≈)\s*/i;
const TRAILING_NOTE = /(?<!\s)\s*\([^()]*\)\s*$/; // (?<!\s): linear on long runs of spaces
const PART = /(?:(\d+(?:\.\d+)?)\s*|(an?|half\s+an?)\s+)(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|w|wks?|weeks?)\.?(?![A-Za-z])/iy;
const SEP = /\s*(?:,|\band\b|&|\+)?\s*/y;
const HHMM = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/;
const UNIT_MINUTES: Readonly<Record<string, number>> = { w: 10080, d: 1440, h: 60, m: 1, s: 1 / 60 };

/** Minutes stated by a duration text ('2h 45m', '1.5 hours', '1d 2h', 'about 2 hours'); 'HH:MM' only with
 *  `hhmm`. Units must come largest first, each once. May be fractional (seconds). Null for placeholders. */
export function parseDuration(text: string, opts?: { hhmm?: boolean }): number | null {
  let s = text.trim().replace(APPROX, '');
  if (TRAILING_NOTE.test(s) && !/^\(/.test(s)) s = s.replace(TRAILING_NOTE, '');
  if (!s) return null;
  const hm = HHMM.exec(s);
  if (hm) return opts?.hhmm ? Number(hm[1]) * 60 + Number(hm[2]) + Number(hm[3] ?? 0) / 60 : null;
  let pos = 0;
  let total = 0;
  let lastRank = Infinity;
  while (pos < s.length) {
    if (pos > 0) {
      SEP.lastIndex = pos;
      pos += SEP.exec(s)![0].length;
    }
    PART.lastIndex = pos;
    const m = PART.exec(s);
    if (!m) return null;
    const unitKey = m[3]!.toLowerCase();
    // 'm' is minutes and 'mo' never matches (lookahead), so the first letter names the unit.
    const per = UNIT_MINUTES[unitKey[0]!]!;
    if (per >= lastRank) return null;
    lastRank = per;
    const n = m[1] !== undefined ? Number(m[1]) : /^half/i.test(m[2]!) ? 0.5 : 1;
    total += n * per;
    pos += m[0].length;
  }
  return total;
}

const RANGE_PREFIX = /^(?:from|between)\s+/i;
const RANGE_SEP = /\s*(?:-{1,2}>?|–|—|→|~|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*/iy;
const NOTE_ONLY = /^\s*(?:\([^()]*\))?\s*$/;

/** A time range ('11:32 PM to 1:05 AM', '14:00 - 15:30 UTC', '2024-03-10 09:00 - 2024-03-10 11:15').
 *  A zone written once applies to both ends; '11:00 - 1:00 PM' reads the start in the end's half of the day
 *  (or the other half when that would put the start after the end). A trailing '(note)' is ignored. */
export function parseTimeRange(text: string): { start: ParsedTime; end: ParsedTime } | null {
  const s = text.trim().replace(RANGE_PREFIX, '');
  const head = matchLeadingTime(s);
  if (!head) return null;
  RANGE_SEP.lastIndex = head.length;
  const sep = RANGE_SEP.exec(s);
  if (!sep) return null;
  const rest = s.slice(head.length + sep[0].length);
  let end = parseTime(rest);
  if (!end) {
    const tail = matchLeadingTime(rest);
    if (!tail || !NOTE_ONLY.test(rest.slice(tail.length))) return null;
    end = tail.time;
  }
  let start = head.time;
  if (!start.zone && end.zone) start = { ...start, zone: end.zone, zoneText: end.zoneText };
  else if (start.zone && !end.zone) end = { ...end, zone: start.zone, zoneText: start.zoneText };
  if (!start.twelveHour && end.twelveHour && start.hour >= 1 && start.hour <= 12) {
    const sameHalf = (start.hour % 12) + (end.hour >= 12 ? 12 : 0);
    const startSec = (h: number) => h * 3600 + start.minute * 60 + start.second;
    const endSec = end.hour * 3600 + end.minute * 60 + end.second;
    const hour = startSec(sameHalf) <= endSec ? sameHalf : (sameHalf + 12) % 24;
    start = { ...start, hour, twelveHour: true };
  }
  return { start, end };
}

/** Instants of both ends. A dateless end takes the start's date (else `fallbackDate`) and, when it would fall
 *  before the start, the next day. A dateless start with no fallback takes a dated end's date. */
export function rangeInstants(r: { start: ParsedTime; end: ParsedTime }, fallbackDate: string | null, zone: string): { start: number | null; end: number | null } {
  const startDate = r.start.date ?? parseIsoDate(fallbackDate) ?? r.end.date;
  const start = startDate ? toInstant({ ...r.start, date: startDate }, null, zone) : null;
  if (r.end.date) return { start, end: toInstant(r.end, null, zone) };
  const z = zoneObject(r.end.zone ?? zone);
  if (!startDate || !z || start === null) return { start, end: null };
  let options = wallInstants(startDate, r.end, z);
  let end = options.find((x) => x >= start);
  if (end === undefined) {
    options = wallInstants(addDays(startDate, 1), r.end, z);
    end = options[0]!;
  }
  return { start, end };
}

/** '1h 33m', '45m', '2d 3h', '0m', '2d', '1d 0h 50m'. */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 0) return `-${formatDuration(-total)}`;
  if (total < 1440) {
    const h = Math.floor(total / 60);
    const m = total % 60;
    return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
  }
  // Exact to the minute as below a day: 24h 50m shown as '1d 1h' would read as ten minutes more.
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  return m ? `${d}d ${h}h ${m}m` : h ? `${d}d ${h}h` : `${d}d`;
}

/** Format an instant in a zone (as written or resolved) with a luxon format, in the en-US locale. */
export function formatInstant(ms: number, zone: string, format: string): string {
  return DateTime.fromMillis(ms, { zone: resolveZone(zone) ?? zone, locale: 'en-US' }).toFormat(format);
}

/** formatInstant(ms, zone, 'yyyy-MM'), by the zone's offset and UTC arithmetic: no formatter made per document of a workspace. */
export const monthOf = (ms: number, zone: string): string => localIso(ms, zone, 7);

/** formatInstant(ms, zone, 'yyyy-MM-dd'), the same way. */
export const dayOf = (ms: number, zone: string): string => localIso(ms, zone, 10);

function localIso(ms: number, zone: string, length: 7 | 10): string {
  const z = zoneObject(zone);
  const local = z ? ms + offsetAt(z, ms) * 60_000 : NaN;
  // Four-digit years only; anything else (or an unknown zone) as luxon writes it.
  if (!(local >= Date.UTC(1000, 0, 1) && local < Date.UTC(10000, 0, 1))) return formatInstant(ms, zone, length === 7 ? 'yyyy-MM' : 'yyyy-MM-dd');
  return new Date(local).toISOString().slice(0, length);
}
