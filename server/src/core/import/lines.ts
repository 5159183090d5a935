// Generic timestamped lines, the fallback: ISO 8601 (`2024-03-10T07:41:00Z ...`), syslog (`Mar 10 07:41:00
// host app[12]: ...`), or a time such as `14:05` or `11:52 PM` read on the document's date (or a date
// line above) in its zone. Dateless times roll over midnight the way the timeline does.
import { matchLeadingTime, parseDate, parseIsoDate, resolveStart, resolveStep, type ParsedTime } from '../time';
import { ImportFormatError, type ImportedEvent, type ReadContext, type ReadResult, type Unreadable } from './types';
import { isoInstant, oneLine } from './text';

const ISO_LEAD = /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[ \t]*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})(?![\w:]))?)\]?/i;
const SYSLOG = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[ \t]+(\d{1,2})[ \t]+(\d{2}):(\d{2}):(\d{2})[ \t]+/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SEPARATOR = /^[ \t]*(?:[-–—:|>]+[ \t]*)?/;

/** Whether most non-blank lines (and at least one) start with a time. */
export function looksLikeLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const timed = lines.filter((l) => ISO_LEAD.test(l.trim()) || SYSLOG.test(l.trim()) || matchLeadingTime(l.trim().replace(/^\[/, '')) !== null);
  return timed.length > 0 && timed.length * 2 >= lines.length;
}

export function readLines(text: string, ctx: ReadContext): ReadResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const events: ImportedEvent[] = [];
  const unreadable: Unreadable[] = [];
  const state = resolveStart(ctx.date);
  const year = () => state.running?.year ?? parseIsoDate(ctx.today)?.year ?? null;
  const wall = (t: ParsedTime, i: number): number | null => {
    const at = resolveStep(t, ctx.zone, state);
    if (at === null) unreadable.push({ line: i + 1, text: lines[i]!, reason: 'a time with no date: add a Date field to the document or a date line above' });
    return at;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let at: number | null = null;
    let rest: string;
    const iso = ISO_LEAD.exec(line);
    const sys = SYSLOG.exec(line);
    if (iso) {
      rest = line.slice(iso[0].length);
      at = isoInstant(iso[1]!);
      if (at !== null) state.prev = at;
      else {
        const m = matchLeadingTime(iso[1]!.replace('T', ' '));
        if (!m) return void unreadable.push({ line: i + 1, text: raw, reason: 'not a readable date and time' });
        at = wall(m.time, i);
      }
    } else if (sys) {
      rest = line.slice(sys[0].length);
      const y = year();
      if (y === null) return void unreadable.push({ line: i + 1, text: raw, reason: 'a syslog time has no year: add a Date field to the document' });
      const date = { year: y, month: MONTHS.indexOf(sys[1]!.toLowerCase()) + 1, day: Number(sys[2]) };
      at = wall({ date, hour: Number(sys[3]), minute: Number(sys[4]), second: Number(sys[5]), zone: null, zoneText: null, twelveHour: false }, i);
    } else {
      const dateOnly = parseDate(line.replace(/^#+\s*|[:\s]+$/g, ''));
      if (dateOnly) {
        state.running = parseIsoDate(dateOnly);
        return;
      }
      const lead = line.startsWith('[') ? /^\[([^\]]+)\]/.exec(line) : null;
      const m = lead ? matchLeadingTime(lead[1]!) : matchLeadingTime(line);
      if (!m || (lead && m.length !== lead[1]!.trim().length)) {
        const prev = events.at(-1);
        if (prev && /^\s/.test(raw))
          prev.text = oneLine(`${prev.text} ${line}`); // an indented continuation
        else unreadable.push({ line: i + 1, text: raw, reason: 'no time at the start of the line' });
        return;
      }
      rest = lead ? line.slice(lead[0].length) : line.slice(m.length);
      at = wall(m.time, i);
    }
    if (at === null) return;
    const body = oneLine(rest.replace(SEPARATOR, ''));
    if (!body) return void unreadable.push({ line: i + 1, text: raw, reason: 'a time with no text after it' });
    events.push({ at, text: body, who: null, whoInText: false, phase: null, source: 'lines' });
  });
  if (!events.length) throw new ImportFormatError('no timestamped lines found (ISO 8601, syslog, or a time such as 14:05 at the start of each line)');
  return { source: 'lines', events, unreadable, skipped: {} };
}
