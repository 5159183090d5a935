// How a document writes its times (12-hour or 24-hour, with a date or not, which zone suffix), read from
// the author's own entries so completed times look like their neighbours.
import { DateTime } from 'luxon';
import { parseTime, resolveZone, zoneObject } from '../time';

export interface TimeStyle {
  /** Numeric year-month-day before the time, or null for a time-only format. */
  date: { sep: string; pad: boolean } | null;
  /** Between the date and the time: ' ', 'T', ', '. */
  between: string;
  hourPad: boolean;
  /** 12-hour clock: how the meridiem is written ('PM', ' pm', ' p.m.'). */
  meridiem: { space: string; upper: boolean; dots: boolean } | null;
  seconds: boolean;
  /** Zone as written after the time (' UTC', 'Z', ' (PT)', '+02:00'), or ''. */
  suffix: string;
}

/** A wall-clock reading. */
export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const SHAPE = /^(?:(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(T|,?[ \t]+))?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:([ \t]*)([AaPp])(\.?)([Mm])\.?)?/;
const ZONE_SUFFIX = /^[ \t]*(\()?[ \t]*([A-Za-z][A-Za-z_/+\-\d:]*|[+\-]\d{2}:?\d{2})[ \t]*(\))?$/;

/** The style of one written time (marks already stripped). `rest` is text after the time that is not a zone
 *  (such as a ':' written inside the bold), for the caller to keep. Null when the text is not a time. */
export function readStyle(text: string): { style: TimeStyle; rest: string } | null {
  const m = SHAPE.exec(text);
  if (!m) return null;
  let rest = text.slice(m[0].length);
  let suffix = '';
  const z = ZONE_SUFFIX.exec(rest);
  if (rest === 'Z' || (z && !z[1] === !z[3] && resolveZone(z[2]!))) {
    suffix = rest.trimEnd();
    rest = '';
  }
  const hour = m[6]!;
  return {
    style: {
      date: m[1] ? { sep: m[2]!, pad: m[3]!.length === 2 } : null,
      between: m[5] ?? ' ',
      hourPad: hour.length === 2 ? hour[0] === '0' || !m[10] : false,
      meridiem: m[10] ? { space: m[9]!, upper: m[10] === m[10].toUpperCase(), dots: m[11] === '.' } : null,
      seconds: m[8] !== undefined,
      suffix,
    },
    rest,
  };
}

/** Read the style of the nearest readable time; later texts only settle whether hours are zero-padded
 *  (a 24-hour '14:05' does not say, a '09:12' does). `texts` is nearest first and kept short by the caller. */
export function detectStyle(texts: string[]): TimeStyle | null {
  let found: TimeStyle | null = null;
  for (const t of texts) {
    const r = readStyle(t);
    if (!r) continue;
    if (!found) found = r.style;
    const h = SHAPE.exec(t)![6]!;
    if (Number(h) < 10 && !r.style.meridiem === !found.meridiem) {
      found.hourPad = h.length === 2;
      break;
    }
  }
  return found;
}

/** The style of a luxon format such as 'h:mm a' or 'yyyy-MM-dd HH:mm' (templates state theirs this way). */
export function styleFromFormat(format: string): TimeStyle | null {
  try {
    const sample = DateTime.fromObject({ year: 2024, month: 1, day: 2, hour: 3, minute: 4 }, { zone: 'UTC' }).toFormat(format, { locale: 'en-US' });
    return readStyle(sample)?.style ?? null;
  } catch {
    return null;
  }
}

const two = (n: number) => String(n).padStart(2, '0');

export function formatWall(style: TimeStyle, w: Wall): string {
  const date = style.date ? `${String(w.year).padStart(4, '0')}${style.date.sep}${style.date.pad ? two(w.month) : w.month}${style.date.sep}${style.date.pad ? two(w.day) : w.day}${style.between}` : '';
  const m = style.meridiem;
  const h = m ? w.hour % 12 || 12 : w.hour;
  let mer = '';
  if (m) {
    const letter = w.hour < 12 ? 'a' : 'p';
    mer = m.space + (m.dots ? `${letter}.m.` : `${letter}m`);
    if (m.upper) mer = mer.toUpperCase();
  }
  return `${date}${style.hourPad ? two(h) : h}:${two(w.minute)}${style.seconds ? ':' + two(w.second) : ''}${mer}${style.suffix}`;
}

/** The wall clock in `zone` at an instant (UTC when the zone is unknown). */
export function wallAt(ms: number, zone: string): Wall {
  const d = DateTime.fromMillis(ms, { zone: zoneObject(zone) ?? 'UTC' });
  return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second };
}

/** Calendar arithmetic on a wall reading (no zone: for times whose instant is unknown). */
export function addMinutes(w: Wall, minutes: number): Wall {
  const t = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute + minutes, w.second));
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

/** The wall reading a written time states, its date else `fallbackDate` (ISO) else a placeholder day. */
export function wallOf(text: string, fallbackDate: string | null): Wall | null {
  const t = parseTime(text.replace(/[\s:.,-]+$/, '')); // '11:44 PM:' written inside the bold
  if (!t) return null;
  const fb = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fallbackDate ?? '');
  const d = t.date ?? (fb ? { year: Number(fb[1]), month: Number(fb[2]), day: Number(fb[3]) } : { year: 2000, month: 1, day: 1 });
  return { ...d, hour: t.hour, minute: t.minute, second: t.second };
}
