// Time zones as post-mortem authors write them, mapped to names luxon understands.
import { FixedOffsetZone, Info, type Zone } from 'luxon';
import { keptMap } from '../state';

const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';

const AK = 'America/Anchorage';

// Regional names ("PT", "Pacific Time") follow DST. So do the season-specific abbreviations of regions that
// observe DST ("PST", "EDT"): authors write "PST" all year round for their local clock, and a reader takes
// "14:00 PST" on a July date as Pacific local time (PDT). LABEL_OFFSETS keeps the offset the label names, to
// pick between the two readings of a fall-back hour and to hint that the label does not match the date.
// MST stays fixed: Arizona keeps it all year, so in summer it is not a slip.
const NAMES: Readonly<Record<string, string>> = {
  utc: 'UTC',
  gmt: 'UTC',
  z: 'UTC',
  zulu: 'UTC',
  'coordinated universal time': 'UTC',
  'greenwich mean time': 'UTC',
  pt: LA,
  pacific: LA,
  'pacific time': LA,
  'us pacific': LA,
  pst: LA,
  pdt: LA,
  'pacific standard time': LA,
  'pacific daylight time': LA,
  et: NY,
  eastern: NY,
  'eastern time': NY,
  'us eastern': NY,
  est: NY,
  edt: NY,
  'eastern standard time': NY,
  'eastern daylight time': NY,
  ct: CHI,
  central: CHI,
  'central time': CHI,
  'us central': CHI,
  cst: CHI,
  cdt: CHI,
  'central standard time': CHI,
  'central daylight time': CHI,
  mt: DEN,
  mountain: DEN,
  'mountain time': DEN,
  'us mountain': DEN,
  mst: 'UTC-7',
  mdt: DEN,
  'mountain standard time': 'UTC-7',
  'mountain daylight time': DEN,
  akst: AK,
  akdt: AK,
  hst: 'UTC-10',
  cet: 'UTC+1',
  cest: 'UTC+2',
  'central european time': 'Europe/Berlin',
  'central european summer time': 'UTC+2',
  eet: 'UTC+2',
  eest: 'UTC+3',
  wet: 'UTC',
  west: 'UTC+1',
  bst: 'UTC+1',
  'british summer time': 'UTC+1',
  'uk time': 'Europe/London',
  ist: 'UTC+5:30',
  'india standard time': 'UTC+5:30',
  jst: 'UTC+9',
  kst: 'UTC+9',
  sgt: 'UTC+8',
  hkt: 'UTC+8',
  msk: 'UTC+3',
  aest: 'UTC+10',
  aedt: 'UTC+11',
  aet: 'Australia/Sydney',
  acst: 'UTC+9:30',
  awst: 'UTC+8',
  nzst: 'UTC+12',
  nzdt: 'UTC+13',
};

/** The UTC offset (minutes) that a season-specific abbreviation read as a regional zone names. */
const LABEL_OFFSETS: Readonly<Record<string, number>> = {
  pst: -480,
  'pacific standard time': -480,
  pdt: -420,
  'pacific daylight time': -420,
  est: -300,
  'eastern standard time': -300,
  edt: -240,
  'eastern daylight time': -240,
  cst: -360,
  'central standard time': -360,
  cdt: -300,
  'central daylight time': -300,
  mdt: -360,
  'mountain daylight time': -360,
  akst: -540,
  akdt: -480,
};

/** For a season-specific abbreviation read as its region's clock ('PST', 'EDT'), the offset it names; else null. */
export function labelOffset(text: string | null): number | null {
  return text ? (LABEL_OFFSETS[text.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null) : null;
}

const OFFSET = /^(?:(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|([+-])(\d{2}):?(\d{2}))$/i;
const MAX_CACHE = 2000;
const cache = keptMap<string, string | null>();

/** Map a zone as authors write it to an IANA name or a fixed-offset zone luxon understands ('PT' ->
 *  'America/Los_Angeles', 'PST' -> 'UTC-8', '+05:30' -> 'UTC+5:30', 'europe/berlin' -> 'Europe/Berlin').
 *  Null when unknown. Abbreviations are case-insensitive. Cached. */
export function resolveZone(text: string): string | null {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const out = resolveUncached(text);
  if (cache.size >= MAX_CACHE) cache.clear(); // keys come from user text: keep the cache bounded
  cache.set(text, out);
  return out;
}

function resolveUncached(raw: string): string | null {
  const text = raw.trim().replace(/\u2212/g, '-');
  if (!text) return null;
  const named = NAMES[text.toLowerCase().replace(/\s+/g, ' ')];
  if (named) return named;
  // A region's two clocks named together ('PST/PDT', 'CET/CEST'): that region's zone.
  const pair = /^([A-Za-z]{2,5})\s*\/\s*([A-Za-z]{2,5})$/.exec(text);
  if (pair) {
    const a = NAMES[pair[1]!.toLowerCase()];
    return a && a === NAMES[pair[2]!.toLowerCase()] ? a : null;
  }
  const m = OFFSET.exec(text);
  if (m) {
    const sign = (m[1] ?? m[4]) === '-' ? -1 : 1;
    const h = Number(m[2] ?? m[5]);
    const min = Number(m[3] ?? m[6] ?? '0');
    if (h > 14 || min > 59) return null;
    const total = sign * (h * 60 + min);
    return total === 0 ? 'UTC' : FixedOffsetZone.instance(total).name;
  }
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text) || !Info.isValidIANAZone(text)) return null;
  // Intl canonicalises case ('europe/berlin' -> 'Europe/Berlin'); keep the written name when it is an alias.
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  return canonical.toLowerCase() === text.toLowerCase() ? canonical : text;
}

/** True when `text` is a key of the names table (not an IANA name or offset). */
export function isZoneName(text: string): boolean {
  return NAMES[text.toLowerCase().replace(/\s+/g, ' ')] !== undefined;
}

const zoneObjects = keptMap<string, Zone | null>();

/** The luxon Zone for a zone as written or resolved, or null when invalid. Cached. */
export function zoneObject(text: string): Zone | null {
  let z = zoneObjects.get(text);
  if (z !== undefined) return z;
  const name = resolveZone(text);
  const candidate = name ? Info.normalizeZone(name) : null;
  z = candidate && candidate.isValid ? candidate : null;
  if (zoneObjects.size >= MAX_CACHE) zoneObjects.clear();
  zoneObjects.set(text, z);
  return z;
}

// --- zone statements in prose -------------------------------------------------------------

// Japanese, Chinese and Korean words for time and zone ('全時刻は JST', '时间 (CST)', '시각 (KST)').
const ANCHOR =
  /\b(?:time[ \t]*zone|timezone|tz|times?|timestamps?|timeline|heures?|horas?|horário|zeit|zeiten|uhrzeit|zeitzone|fuso\s+orario|ora|orari|tijd|tijden|czas)\b|fuseau\s+horaire|zona\s+horaria|время|時刻|時間|日時|时间|时区|時區|タイムゾーン|시각|시간/gi;
const FILLER =
  /(?:[ \t]+|[:([=,\-–—_*]+|[はのがで：（、全]|すべて|均|[为為]|은|는|(?:are|is|in|all|shown|listed|given|expressed|written|reported|recorded|displayed|the|below|above|here|this|document|doc|report|section|using|use|en|de|sont|son|sind|alle|toutes|todas|las|les|ora)\b)/iy;
const OFFSET_TOKEN = /(?:UTC|GMT)[ \t]?[+\-\u2212]\d{1,2}(?::?\d{2})?(?![\d:])|[+\-\u2212]\d{2}:?\d{2}(?![\d:])/iy;
const IANA_TOKEN = /[A-Za-z][A-Za-z_]*(?:\/[A-Za-z0-9_+-]+)+/y;
const WORDS = /[A-Za-z]+(?:[ \t]+[A-Za-z]+){0,3}/y;
const ALIAS = /[ \t]*\([ \t]*([A-Za-z]{1,5}|(?:UTC|GMT)[+\-\u2212]\d{1,2}(?::?\d{2})?)[ \t]*\)/iy;

const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g;
const IN_ZONE_TIME = /\b(?:documented|recorded|written|given|listed|shown|are|is)[ \t]+in[ \t]+/gi;

function sticky(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/** A zone token at `pos` in prose: offsets, IANA names with a slash, or names from the table. */
function readZone(line: string, pos: number): { zone: string; end: number } | null {
  let m = sticky(OFFSET_TOKEN, line, pos) ?? sticky(IANA_TOKEN, line, pos);
  if (m) {
    const zone = resolveZone(m[0]);
    return zone ? { zone, end: pos + m[0].length } : null;
  }
  m = sticky(WORDS, line, pos);
  if (!m) return null;
  const words: string[] = [];
  const ends: number[] = [];
  for (const w of m[0].matchAll(/[A-Za-z]+/g)) {
    words.push(w[0]);
    ends.push(w.index + w[0].length);
  }
  for (let n = words.length; n > 0; n--) {
    const phrase = words.slice(0, n).join(' ');
    if (!isZoneName(phrase)) continue;
    // Short lower-case words ('et', 'ct', 'z') are too often ordinary words in prose.
    if (n === 1 && phrase.length <= 4 && phrase !== phrase.toUpperCase() && !/^(utc|gmt)$/i.test(phrase)) return null;
    return { zone: resolveZone(phrase)!, end: pos + ends[n - 1]! };
  }
  return null;
}

/** Find a zone statement in a line of prose ("All times in Pacific Time (PT)", "Time (UTC)", "Times in CET").
 *  `text`/`start`/`end` cover the zone as written, including a trailing parenthesised alias such as "(PT)". */
export function findZoneStatement(raw: string): { zone: string; text: string; start: number; end: number } | null {
  // A link's text is what it says ('documented in [UTC](https://…) time'); blanks of the same length keep the offsets.
  const line = raw.includes('](') ? raw.replace(LINK, (m, text: string) => ` ${text}${' '.repeat(m.length - text.length - 1)}`) : raw;
  ANCHOR.lastIndex = 0;
  for (let a = ANCHOR.exec(line); a; a = ANCHOR.exec(line)) {
    let pos = a.index + a[0].length;
    for (let i = 0; i < 12; i++) {
      const f = sticky(FILLER, line, pos);
      if (!f || f[0].length === 0) break;
      pos += f[0].length;
    }
    const z = readZone(line, pos);
    if (!z) continue;
    const alias = sticky(ALIAS, line, z.end);
    const end = alias && resolveZone(alias[1]!) ? z.end + alias[0].length : z.end;
    return { zone: z.zone, text: line.slice(pos, end), start: pos, end };
  }
  // The zone before the word: 'All events are documented in UTC time', 'times are in Pacific time'.
  IN_ZONE_TIME.lastIndex = 0;
  for (let m = IN_ZONE_TIME.exec(line); m; m = IN_ZONE_TIME.exec(line)) {
    const pos = m.index + m[0].length;
    const z = readZone(line, pos);
    if (z && /^[ \t]+time\b/i.test(line.slice(z.end))) return { zone: z.zone, text: line.slice(pos, z.end), start: pos, end: z.end };
  }
  return null;
}

// --- offsets ------------------------------------------------------------------------------

const BUCKET = 86_400_000;
const bucketOffsets = keptMap<string, Map<number, number | null>>();

/** The zone's UTC offset (minutes) at `ts`. Luxon asks Intl on each call, which is slow for thousands of
 *  rows, so offsets are cached per zone and UTC day when both ends of the day agree (no zone changes its
 *  offset twice within a day); days with a transition ask luxon every time. */
export function offsetAt(zone: Zone, ts: number): number {
  if (zone.isUniversal) return zone.offset(ts);
  let days = bucketOffsets.get(zone.name);
  if (!days) bucketOffsets.set(zone.name, (days = new Map()));
  const bucket = Math.floor(ts / BUCKET);
  let o = days.get(bucket);
  if (o === undefined) {
    const start = zone.offset(bucket * BUCKET);
    o = start === zone.offset(bucket * BUCKET + BUCKET - 1) ? start : null;
    if (days.size >= 20_000) days.clear();
    days.set(bucket, o);
  }
  return o ?? zone.offset(ts);
}
