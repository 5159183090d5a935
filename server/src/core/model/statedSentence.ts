// A window stated in a sentence: "Between approximately 2025-07-30 21:27 UTC and 2025-07-31 07:27 UTC
// hex.pm was unreachable", "On 2023-07-20 between 12:17 and 12:30 UTC all downloads were broken",
// "between the hours of 1900 and 2100 UTC"; or a start alone: "At around 14:30 UTC on Saturday 30th January
// we started experiencing networking issues".
import { classifyPhases, isoDate, matchLeadingTime, parseDate, parseIsoDate, rangeInstants, toInstant } from '../time';
import type { ParsedTime } from '../time';
import type { Field, Phase } from './types';
import type { Milestone } from './milestones';
import type { StatedWindow } from './fields';
import { lineRange } from './text';

const BETWEEN = /\bbetween\s+(?:approximately\s+|about\s+|around\s+|roughly\s+)?(the\s+hours\s+of\s+)?/gi;
// The sentence must say the window is the incident's, not some other interval.
const INCIDENT = /\b(?:incident|outage|broken|unavailable|unreachable|inaccessible|accessed|degraded|down|experienced|failed|failing|errors?|impact(?:ed)?|affected)\b/i;
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE_IN = new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'i');
// A day and month without a year ("Saturday 30th January", "January 30th"); the year is the document's.
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})\\b(?!\\.?,?\\s+\\d{4})|\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s+\\d{4}|\\d|:)`, 'i');
// Only sentences saying the incident itself began: noticing it ("started receiving alerts") is detection.
const BEGAN =
  /\b(?:started|began|begun)\s+(?:to\s+)?(?:experienc(?:e|ing)|see(?:ing)?\s+(?:\w+\s+){0,2}(?:errors|failures|timeouts)|fail(?:ing)?\b|return(?:ing)?\s+errors)|\b(?:outage|incident|impact|degradation|disruption)\s+(?:began|started)\b/i;
const AT = /\b(?:at|from|since)\s+(?:approximately\s+|about\s+|around\s+|roughly\s+|~\s*)?/gi;

/** The first date written in a text (ISO or with a month name), as YYYY-MM-DD. */
export function dateIn(text: string): string | null {
  const d = DATE_IN.exec(text);
  return d ? parseDate(d[0].replace(/(\d)(?:st|nd|rd|th)/, '$1')) : null;
}

/** A date in a sentence, with the year taken from `date` when the sentence gives none. */
function sentenceDate(text: string, date: string | null): string | null {
  const full = dateIn(text);
  if (full) return full;
  const year = parseIsoDate(date)?.year;
  const m = year ? DAY_MONTH.exec(text) : null;
  if (!m) return date;
  return parseDate(m[1] ? `${m[1]} ${m[2]} ${year}` : `${m[3]} ${m[4]} ${year}`);
}

/** A clock time at the start of `text`: '12:17', '12:17 UTC', or with `military` a four-digit '1900' (read as
 *  19:00). Times without a colon are never read otherwise ('between 2 and 3 retries' is no window). */
function clockAt(text: string, military: boolean): { time: ParsedTime; length: number } | null {
  const four = military ? /^([01]\d|2[0-3])([0-5]\d)(?!\d|:)/.exec(text) : null;
  if (four) {
    const t = matchLeadingTime(`${four[1]}:${four[2]}${text.slice(4)}`);
    return t && t.length >= 5 ? { time: t.time, length: t.length - 1 } : null;
  }
  const t = matchLeadingTime(text);
  return t && /:/.test(text.slice(0, t.length)) ? t : null;
}

/** The key of a window read from prose rather than from a field. */
export const SENTENCE_KEY = 'sentence';

const sentenceField = (line: number, from: number, to: number, raw: string): Field => ({
  key: SENTENCE_KEY,
  raw,
  line,
  keyRange: lineRange(line, from, from),
  valueRange: lineRange(line, from, to),
  range: lineRange(line, from, to),
  section: '',
});

/** The first such window in the document's prose (outside code and the timeline), else a start stated alone
 *  when the document states exactly one, or nothing. */
export function statedSentence(lines: readonly string[], skip: (line: number) => boolean, date: string | null, zone: string, anchors: () => readonly number[]): StatedWindow {
  // A window far from every dated thing the document says (its timeline, its title's date) is a typo
  // or another interval: not the incident's start and end.
  const slack = 2 * 86_400_000;
  const near = (from: number, to: number) => {
    const a = anchors();
    return !a.length || a.some((x) => x >= from - slack && x <= to + slack);
  };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (skip(i) || !/between/i.test(text) || !INCIDENT.test(text)) continue;
    for (const m of text.matchAll(BETWEEN)) {
      const from = m.index + m[0].length;
      // Four-digit times ('1900') only where the text says they are times: "the hours of", or a zone.
      const military = /^\d{4}\s+(?:and|to|until)\s+\d{4}/i.test(text.slice(from));
      const head = clockAt(text.slice(from), military);
      if (!head) continue;
      const and = /^\s+(?:and|to|until)\s+/i.exec(text.slice(from + head.length));
      if (!and) continue;
      const at = from + head.length + and[0].length;
      const tail = clockAt(text.slice(at), military);
      if (!tail) continue;
      let start = head.time;
      let end = tail.time;
      if (military && !m[1] && !start.zone && !end.zone) continue;
      if (!start.zone && end.zone) start = { ...start, zone: end.zone, zoneText: end.zoneText };
      if (!end.zone && start.zone) end = { ...end, zone: start.zone, zoneText: start.zoneText };
      const r = rangeInstants({ start, end }, dateIn(text) ?? date, zone);
      if (r.start === null || r.end === null || r.end < r.start || !near(r.start, r.end)) continue;
      const field = sentenceField(i, m.index, at + tail.length, text.slice(m.index, at + tail.length));
      return { start: { at: r.start, field }, end: { at: r.end, field } };
    }
  }
  return fromUntil(lines, skip, zone, near) ?? { start: statedStart(lines, skip, date, near), end: null };
}

// "unavailable from 2025-09-02 17:45 UTC and full service resumed at 2025-09-03 18:00 UTC", "down from
// 2025-03-04 22:10 UTC until 2025-03-05 06:40 UTC": the start must carry its date and zone.
const FROM = /\b(?:unavailable|unreachable|inaccessible|down|offline|degraded)\s+from\s+(?:approximately\s+|about\s+|around\s+|roughly\s+|~\s*)?/gi;
const UNTIL =
  /^,?\s+(?:(?:to|until|till|through)\s+|and\s+(?:[\w-]+\s+){0,4}?(?:resumed|was\s+restored|were\s+restored|restored|recovered|came\s+back(?:\s+online)?|was\s+back(?:\s+online)?)\s+(?:at|on|by)\s+)(?:approximately\s+|about\s+|around\s+|~\s*)?/i;

function fromUntil(lines: readonly string[], skip: (line: number) => boolean, zone: string, near: (from: number, to: number) => boolean): StatedWindow | null {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (skip(i) || !/\bfrom\b/i.test(text)) continue;
    for (const m of text.matchAll(FROM)) {
      const from = m.index + m[0].length;
      const head = clockAt(text.slice(from), false);
      if (!head?.time.date || !head.time.zone) continue;
      const until = UNTIL.exec(text.slice(from + head.length));
      if (!until) continue;
      const at = from + head.length + until[0].length;
      const tail = clockAt(text.slice(at), false);
      if (!tail) continue;
      const start = toInstant(head.time, null, zone);
      const end = toInstant(tail.time.zone ? tail.time : { ...tail.time, zone: head.time.zone, zoneText: head.time.zoneText }, isoDate(head.time.date), zone);
      if (start === null || end === null || end < start || !near(start, end)) continue;
      const field = sentenceField(i, m.index, at + tail.length, text.slice(m.index, at + tail.length));
      return { start: { at: start, field }, end: { at: end, field } };
    }
  }
  return null;
}

/** "At around 14:30 UTC … we started experiencing …": a start with a clock time and a zone, in a sentence
 *  that says the incident began. Two such sentences with different times (several incidents) give none. */
function statedStart(lines: readonly string[], skip: (line: number) => boolean, date: string | null, near: (from: number, to: number) => boolean): StatedWindow['start'] {
  let found: StatedWindow['start'] = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (skip(i) || !BEGAN.test(line)) continue;
    let offset = 0;
    for (const sentence of line.split(/(?<=[.!?])\s+/)) {
      const base = line.indexOf(sentence, offset);
      offset = base + sentence.length;
      if (!BEGAN.test(sentence)) continue;
      for (const m of sentence.matchAll(AT)) {
        const from = m.index + m[0].length;
        const t = clockAt(sentence.slice(from), false);
        if (!t?.time.zone) continue;
        const at = toInstant(t.time, sentenceDate(sentence, date), t.time.zone);
        if (at === null || !near(at, at)) continue;
        if (found && found.at !== at) return null;
        const to = from + t.length;
        found ??= { at, field: sentenceField(i, base + m.index, base + to, sentence.slice(m.index, to)) };
        break;
      }
    }
  }
  return found;
}

// Phases a sentence may state when the timeline leaves them unmarked: the notice and the response.
const PROSE_PHASES: ReadonlySet<Phase> = new Set<Phase>(['detected', 'acknowledged']);
const CLOCK = /(?<![\d:.])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/g;

/** The one zone the clock times of lines 0..`to` are written in; null when one has none or two differ
 *  ('At 6:50PM CDT on July 15, 2023 our monitoring …' above the first section). */
export function openingZone(lines: readonly string[], skip: (line: number) => boolean, to: number): string | null {
  let zone: string | null = null;
  for (let l = 0; l < Math.min(to, lines.length); l++) {
    if (skip(l)) continue;
    const line = lines[l]!;
    for (const m of line.matchAll(CLOCK)) {
      const z = matchLeadingTime(line.slice(m.index))?.time.zone;
      if (!z || (zone !== null && z !== zone)) return null;
      zone = z;
    }
  }
  return zone;
}

/**
 * Detection and acknowledgement stated in prose: "At 14:30 we started receiving alerts", "DevOps were
 * initially alerted at 00:32 UTC …, and acknowledged at the same time". A sentence counts only with exactly
 * one clock time, in a zone it states (or the one zone the prose states elsewhere), near the document's
 * other dates. The caller uses these only for a phase the timeline does not mark.
 */
export function proseMilestones(lines: readonly string[], skip: (line: number) => boolean, date: string | null, anchors: () => readonly number[]): Milestone[] {
  const sentences: { line: number; text: string }[] = [];
  // A paragraph's text joined from its lines, with where each line starts in it.
  let para: { starts: { line: number; at: number }[]; text: string } | null = null;
  const flush = () => {
    if (!para) return;
    let from = 0;
    for (const text of para.text.split(/(?<=[.!?])\s+(?=[A-Z@*_"'(])/)) {
      from = para.text.indexOf(text, from);
      sentences.push({ line: para.starts.filter((x) => x.at <= from).pop()!.line, text });
      from += text.length;
    }
    para = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A paragraph ends at a blank line, a heading, a list item, a table or code.
    if (skip(i) || !line.trim() || /^\s*(?:#|[-*+]\s|\d+[.)]\s|\||>)/.test(line)) {
      flush();
      continue;
    }
    if (para) {
      para.starts.push({ line: i, at: para.text.length + 1 });
      para.text += ' ' + line.trim();
    } else para = { starts: [{ line: i, at: 0 }], text: line.trim() };
  }
  flush();
  const clocks = sentences.map((s) => [...s.text.matchAll(CLOCK)].map((m) => ({ m, t: matchLeadingTime(s.text.slice(m.index)) })));
  const zones = new Set(clocks.flat().flatMap((c) => (c.t?.time.zone ? [c.t.time.zone] : [])));
  const oneZone = zones.size === 1 ? [...zones][0]! : null;
  const slack = 2 * 86_400_000;
  const out: Milestone[] = [];
  sentences.forEach((s, k) => {
    const found = clocks[k]!;
    if (found.length !== 1 || !found[0]!.t) return;
    const phases = classifyPhases(s.text).filter((p) => PROSE_PHASES.has(p));
    const { m, t } = found[0]!;
    const zone = t!.time.zone ?? oneZone;
    if (!phases.length || !zone) return;
    const at = toInstant(t!.time, sentenceDate(s.text, date), zone);
    const a = anchors();
    if (at === null || (a.length && !a.some((x) => Math.abs(x - at) <= slack))) return;
    for (const phase of phases) out.push({ phase, at, line: s.line, label: 'stated in a sentence', timeText: s.text.slice(m.index, m.index + t!.length).trim(), fillOnly: true });
  });
  // Two sentences giving the same phase different times: which one is the incident's is unclear.
  return out.filter((x) => !out.some((y) => y.phase === x.phase && y.at !== x.at));
}
