// Slack text copied from the client: `Name  11:52 PM` header lines (or the name and the time on lines of
// their own), message lines under them, a lone time for the same author's next message, and day
// separators ("Today", "Yesterday", "Saturday, March 9th"). Times are wall times in the document's zone.
import { addDays, parseIsoDate, parseTime, resolveStart, resolveStep, isoDate, type ParsedTime, type YMD } from '../time';
import { ImportFormatError, type ImportedEvent, type ReadContext, type ReadResult, type Unreadable } from './types';
import { oneLine } from './text';

const CLOCK = '\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ \\t]*[AaPp]\\.?[Mm]\\.?)?';
/** Name, then two or more spaces (or a tab, or brackets) and the time, nothing after. */
const HEADER = new RegExp(`^(\\S.*?)(?:[ \\t]{2,}|\\t|[ \\t]*(?=\\[))\\[?(${CLOCK})\\]?[ \\t]*$`);
const LONE_TIME = new RegExp(`^[ \\t]*\\[?(${CLOCK})\\]?[ \\t]*$`);
/** `[11:53 PM] text` on one line: the same author's next message. */
const LEAD_TIME = new RegExp(`^\\[(${CLOCK})\\][ \\t]+(\\S.*)$`);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_LINE = /^[ \t]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?[ \t]+)?([a-z]{3,9})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?(?:,?[ \t]+(\d{4}))?[ \t]*$/i;
/** Client chrome copied with the messages. */
const CHROME = /^(?:\d+ repl(?:y|ies)|view thread|last reply .*|new|(?::[\w+'-]+:[ \t]*\d+[ \t]*)+|\(edited\))$/i;
const NAME_LIKE = /^[\p{L}][\p{L}\p{M}'’.\- ]{0,40}$/u;

/** Whether text looks like messages copied from the Slack client (at least one header line). */
export function looksLikeSlackText(text: string): boolean {
  const lines = text.split(/\r?\n/);
  return lines.some((l, i) => {
    if (HEADER.test(l) && !LONE_TIME.test(l)) return true;
    const next = lines[i + 1];
    return next !== undefined && NAME_LIKE.test(l.trim()) && LONE_TIME.test(next);
  });
}

function dayLine(line: string, ctx: ReadContext, year: number | null): YMD | null | undefined {
  const t = line.trim().toLowerCase();
  const today = parseIsoDate(ctx.today);
  if (t === 'today') return today;
  if (t === 'yesterday') return today ? addDays(today, -1) : null;
  const m = DAY_LINE.exec(line);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  if (month < 1 || !m[1]!.toLowerCase().startsWith(MONTHS[month - 1]!)) return undefined;
  const y = m[3] ? Number(m[3]) : year;
  return y === null ? null : parseIsoDate(isoDate({ year: y, month, day: Number(m[2]) }));
}

interface Pending {
  time: ParsedTime;
  who: string;
  lines: string[];
  line: number;
  /** The day separator above it, when one set the date. */
  day: YMD | null;
}

export function readSlackText(text: string, ctx: ReadContext): ReadResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const unreadable: Unreadable[] = [];
  const docDate = parseIsoDate(ctx.date);
  let year = docDate?.year ?? parseIsoDate(ctx.today)?.year ?? null;
  const pending: Pending[] = [];
  let who: string | null = null;
  let day: YMD | null = null;
  const known = new Set<string>();
  const open = (timeText: string, name: string, line: number) => {
    const time = parseTime(timeText.replace(/\s+/g, ' '));
    if (!time) {
      unreadable.push({ line: line + 1, text: lines[line]!, reason: `'${timeText}' is not a time` });
      return;
    }
    pending.push({ time, who: name, lines: [], line, day });
    day = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (!line || CHROME.test(line)) continue;
    const d = dayLine(line, ctx, year);
    if (d !== undefined && !HEADER.test(raw)) {
      if (d === null) throw new ImportFormatError(`'${line}' names a day, but the document states no date to read it against (add a Date field)`);
      day = d;
      year = d.year;
      continue;
    }
    const next = lines[i + 1];
    if (
      next !== undefined &&
      LONE_TIME.test(next) &&
      !LONE_TIME.test(raw) &&
      (known.has(line) || (NAME_LIKE.test(line) && !pending.at(-1)?.lines.length) || (NAME_LIKE.test(line) && /^\p{Lu}/u.test(line)))
    ) {
      who = line;
      known.add(line);
      open(LONE_TIME.exec(next)![1]!, line, i);
      i++;
      continue;
    }
    const h = HEADER.exec(raw);
    if (h && !LONE_TIME.test(raw)) {
      who = h[1]!.trim();
      known.add(who);
      open(h[2]!, who, i);
      continue;
    }
    const lone = LONE_TIME.exec(raw);
    const lead = LEAD_TIME.exec(line);
    if ((lone || lead) && who) {
      open((lone ?? lead)![1]!, who, i);
      if (lead) pending.at(-1)?.lines.push(lead[2]!);
      continue;
    }
    const cur = pending.at(-1);
    if (!cur) {
      unreadable.push({ line: i + 1, text: raw, reason: 'before the first message header (a name and a time)' });
      continue;
    }
    cur.lines.push(line.replace(/[ \t]*\(edited\)$/, ''));
  }
  if (!pending.length) throw new ImportFormatError('no Slack messages found (a name and a time, then the message)');
  const start = pending.find((p) => p.day)?.day ?? docDate;
  if (!start) throw new ImportFormatError('the copied messages have no date: add a Date field to the document or copy a day separator with them');
  // The engine's own reading of dateless times: a time before the previous one is the next day.
  const state = resolveStart(isoDate(pending[0]!.day ?? start));
  const events: ImportedEvent[] = [];
  for (const p of pending) {
    if (p.day) state.running = p.day;
    const at = resolveStep(p.time, ctx.zone, state);
    const body = oneLine(p.lines.join(' '));
    if (at === null) {
      unreadable.push({ line: p.line + 1, text: lines[p.line]!, reason: 'no instant for this time' });
      continue;
    }
    if (!body) {
      unreadable.push({ line: p.line + 1, text: lines[p.line]!, reason: 'a header with no message under it' });
      continue;
    }
    events.push({ at, text: body, who: p.who, whoInText: true, phase: null, source: 'slack-text' });
  }
  return { source: 'slack-text', events, unreadable, skipped: {} };
}
