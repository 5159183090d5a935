// A window stated in a sentence: "Between approximately 2025-07-30 21:27 UTC and 2025-07-31 07:27 UTC
// hex.pm was unreachable", "On 2023-07-20 between 12:17 and 12:30 UTC all downloads were broken".
import { matchLeadingTime, parseDate, rangeInstants } from '../time';
import type { Field } from './types';
import type { StatedWindow } from './fields';
import { lineRange } from './text';

const BETWEEN = /\bbetween\s+(?:approximately\s+|about\s+|around\s+|roughly\s+)?/gi;
// The sentence must say the window is the incident's, not some other interval.
const INCIDENT = /\b(?:incident|outage|broken|unavailable|unreachable|inaccessible|accessed|degraded|down|experienced|failed|failing|errors?|impact(?:ed)?|affected)\b/i;
const DATE_IN =
  /\b\d{4}-\d{2}-\d{2}\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/i;

/** The first date written in a text (ISO or with a month name), as YYYY-MM-DD. */
export function dateIn(text: string): string | null {
  const d = DATE_IN.exec(text);
  return d ? parseDate(d[0].replace(/(\d)(?:st|nd|rd|th)/, '$1')) : null;
}

/** The first such window in the document's prose (outside code and the timeline), or nothing. */
export function statedSentence(lines: readonly string[], skip: (line: number) => boolean, date: string | null, zone: string, anchors: () => readonly number[]): StatedWindow {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (!/between/i.test(text) || skip(i) || !INCIDENT.test(text)) continue;
    for (const m of text.matchAll(BETWEEN)) {
      const from = m.index + m[0].length;
      const head = matchLeadingTime(text.slice(from));
      // Clock times only ('12:17'), so 'between 2 and 3 retries' is never a window.
      if (!head || !/:/.test(text.slice(from, from + head.length))) continue;
      const and = /^\s+(?:and|to|until)\s+/i.exec(text.slice(from + head.length));
      if (!and) continue;
      const at = from + head.length + and[0].length;
      const tail = matchLeadingTime(text.slice(at));
      if (!tail || !/:/.test(text.slice(at, at + tail.length))) continue;
      let start = head.time;
      let end = tail.time;
      if (!start.zone && end.zone) start = { ...start, zone: end.zone, zoneText: end.zoneText };
      if (!end.zone && start.zone) end = { ...end, zone: start.zone, zoneText: start.zoneText };
      const r = rangeInstants({ start, end }, dateIn(text) ?? date, zone);
      if (r.start === null || r.end === null || r.end < r.start) continue;
      // A window far from every dated thing the document says (its timeline, its title's date) is a typo
      // or another interval: not the incident's start and end.
      const slack = 2 * 86_400_000;
      const near = anchors();
      if (near.length && !near.some((a) => a >= r.start! - slack && a <= r.end! + slack)) continue;
      const raw = text.slice(m.index, at + tail.length);
      const field: Field = {
        key: 'sentence',
        raw,
        line: i,
        keyRange: lineRange(i, m.index, m.index),
        valueRange: lineRange(i, m.index, at + tail.length),
        range: lineRange(i, m.index, at + tail.length),
        section: '',
      };
      return { start: { at: r.start, field }, end: { at: r.end, field } };
    }
  }
  return { start: null, end: null };
}
