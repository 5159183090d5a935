// Timeline shapes beyond one-time-per-list-item-or-row: entries under day headings or date lines,
// one heading per entry, paragraphs one entry per line, nested items under a date item, a Date
// column beside a Time column, dates without a year or with the day first. What these read is
// resolved here too, with the document's own dates settling years and day/month order.
import type { ParsedDocument } from '../parse/document';
import {
  classifyPhase,
  dateOrderEvidence,
  findZoneStatement,
  readDayMarker,
  readEntryLead,
  readLooseDate,
  resolveStart,
  resolveStep,
  resolveZone,
  settleDate,
  parseIsoDate,
  type LooseDate,
  type ParsedTime,
  type YMD,
} from '../time';
import type { Section } from './types';
import type { Draft } from './timeline';
import { within } from './sections';
import { eventColumn, TIME_ONLY_COL } from './columns';
import { keptTextMemo } from '../parse/memo';

/** An entry whose own line holds only its time ("- 2024-06-28 7:09 AM Eastern:" with the event on the indented
 *  lines below, "### 22:40" with paragraphs under it) takes its text from the first line of the body (so the
 *  text is what stands at textRange) and its phase from the whole body, lines `from` to `to`. */
export function takeBody(d: Draft, from: number, to: number, doc: Pick<ParsedDocument, 'lines' | 'codeLines'>): void {
  const parts: string[] = [];
  for (let l = from; l <= to; l++) {
    const text = doc.lines[l] ?? '';
    if (/^\s*#/.test(text)) break;
    if (doc.codeLines.has(l) || !text.trim()) continue;
    const col = (/^\s*(?:(?:[-*+]|\d+[.)])\s+)?/.exec(text)?.[0] ?? '').length;
    const content = text.slice(col).trimEnd();
    if (!content) continue;
    if (!parts.length) {
      d.text = content;
      d.textRange = { start: { line: l, character: col }, end: { line: l, character: col + content.length } };
    }
    parts.push(content);
  }
  if (parts.length) d.phase = classifyPhase(parts.join(' '));
}

/** A day marker: a date heading, date line or date item; entries after it are on that day. */
export interface DayMark {
  line: number;
  /** Null for a mark that only changes the zone (another timeline section). */
  date: LooseDate | null;
  /** "Unless otherwise noted all events happened on …": dated entries do not move the day of the others. */
  sticky?: boolean;
  /** A zone stated with it (`#### 29-09-2021 (All times CEST)`). */
  zone: string | null;
}

export interface Shapes {
  drafts: Draft[];
  marks: DayMark[];
}

const LIST = /^\s*(?:[-*+]|\d+[.)])\s/;
// Asked of every item on every full build; most items did not change.
const leads = keptTextMemo(readEntryLead);
const STATEMENT = /\b(?:events?|times?|entries|everything)\b[^.]*?\b(?:on|from|of)\s+/i;

/** A draft read from `content` (starting at column `col` of `line`) by the entry lead, or null. */
function leadDraft(line: number, col: number, content: string, lines: string[]): Draft | null {
  const lead = leads.get(content);
  if (!lead) return null;
  const text = content
    .slice(lead.textStart)
    .replace(/\s*(?:\*\*|__)\s*$/, '')
    .trim();
  return {
    timeText: content.slice(lead.start, lead.start + lead.length),
    time: lead.time,
    line,
    timeStart: col + lead.start,
    text,
    textStart: col + lead.textStart,
    owner: null,
    ownerStart: 0,
    phase: classifyPhase(text),
    end: (lines[line] ?? '').length,
    loose: lead.loose,
    meridiemIgnored: lead.meridiemIgnored,
    order: lead.order,
  };
}

function markOf(line: number, text: string, titled = false): DayMark | null {
  const m = readDayMarker(text, titled);
  if (!m) return null;
  const paren = /^\(\s*([^()]+?)\s*\)/.exec(m.rest);
  const zone = findZoneStatement(m.rest)?.zone ?? (paren ? resolveZone(paren[1]!) : null);
  return { line, date: m.date, zone };
}

/**
 * Entries and day marks the list/table reading did not take: `fast` are the drafts it read (by
 * line), replaced here when the extended reading gets more out of the same line.
 */
export function readShapes(doc: ParsedDocument, section: Section, fast: Draft[]): Shapes {
  const inside = (l: number) => within(section, l) && l !== section.headingRange.start.line;
  const byLine = new Map(fast.map((d) => [d.line, d]));
  const drafts: Draft[] = [];
  const marks: DayMark[] = [];
  const covered = new Set<number>();
  const take = (d: Draft) => {
    byLine.delete(d.line);
    drafts.push(d);
  };

  // List items: depth 1, or nested under a date item (`* 11/25` then `* 15:00 - …`).
  let parentMark = false;
  for (const item of doc.items) {
    if (!inside(item.line)) continue;
    for (let l = item.line; l <= item.endLine; l++) covered.add(l);
    if (item.depth > 1 && !parentMark) continue;
    const had = byLine.get(item.line);
    if (item.depth === 1) {
      const mark = had?.time ? null : markOf(item.line, item.text);
      parentMark = !!mark;
      if (mark) {
        marks.push(mark);
        continue;
      }
    }
    // The list reading stands unless the lead reads more of the line (a range and its zone, a date after the time).
    if (had?.time && item.depth === 1 && (leads.get(item.text)?.length ?? 0) <= had.timeText.length) continue;
    const d = leadDraft(item.line, item.contentStart, item.text, doc.lines);
    if (d && !d.text) takeBody(d, item.line + 1, item.endLine, doc);
    if (d) take(d);
  }
  for (const t of doc.tables) {
    if (!inside(t.headerLine)) continue;
    covered.add(t.headerLine).add(t.headerLine + 1);
  }
  for (const r of doc.rows) {
    if (!inside(r.line)) continue;
    covered.add(r.line);
    if (byLine.get(r.line)?.time && !dateBesideTime(r.header)) continue;
    const d = rowDraft(
      r.header.map((c) => c.text),
      r.cells,
      r.line,
      doc.lines,
    );
    if (d) take(d);
  }
  // Headings: one per entry (`### 12:19 PST - …`) or one per day (`### 2023-07-19`).
  for (const h of doc.headings) {
    if (!inside(h.line) || h.depth <= section.level) continue;
    covered.add(h.line);
    const mark = markOf(h.line, h.text);
    if (mark) {
      marks.push(mark);
      continue;
    }
    const d = leadDraft(h.line, h.textStart, h.text, doc.lines);
    // A day heading with a title ('### 2024-03-05 Data8 outage') above headings that hold only times.
    const titled = d ? null : markOf(h.line, h.text, true);
    if (titled) marks.push(titled);
    if (!d) continue;
    // The entry's text is the paragraph(s) under the heading.
    if (!d.text) takeBody(d, h.line + 1, section.range.end.line, doc);
    take(d);
  }
  // Paragraph lines: one entry per line, date lines, and "all events happened on <date>".
  for (let l = section.headingRange.start.line + 1; l <= section.range.end.line; l++) {
    if (covered.has(l) || doc.codeLines.has(l)) continue;
    const text = doc.lines[l] ?? '';
    const trimmed = text.trim();
    if (!trimmed || LIST.test(text) || /^\s*(?:#|>|\|)/.test(text)) continue;
    const col = text.length - text.trimStart().length;
    const mark = markOf(l, trimmed);
    if (mark) {
      marks.push(mark);
      continue;
    }
    const d = leadDraft(l, col, trimmed, doc.lines);
    if (d) {
      take(d);
      continue;
    }
    const st = STATEMENT.exec(trimmed);
    const sd = st ? readLooseDate(trimmed.slice(st.index + st[0].length)) : null;
    if (sd && !fast.some((d) => d.line < l) && !drafts.some((d) => d.line < l)) marks.push({ line: l, date: sd.date, zone: null, sticky: true });
  }
  drafts.push(...byLine.values());
  drafts.sort((a, b) => a.line - b.line);
  marks.sort((a, b) => a.line - b.line);
  return { drafts, marks };
}

const DATE_COL = /^(?:date|day)\b/i;

/** Whether an edited row or depth-1 item would be read by the shapes here rather than as the list/table
 *  reading `fast` has it: the incremental update then gives way to a full build. */
export function readsAsShape(kind: 'row' | 'item', fast: Draft | null, text: string, row?: { header: string[]; cells: { text: string; start: number; end: number }[] }): boolean {
  if (kind === 'row') return !fast?.time && !!row && rowDraft(row.header, row.cells, 0, []) !== null;
  if (!fast?.time) return !!readDayMarker(text) || !!leads.get(text);
  return (leads.get(text)?.length ?? 0) > fast.timeText.length;
}

/** A Date (or Day) column beside a Time column: the row's time needs both. */
function dateBesideTime(header: { text: string }[]): boolean {
  const ti = header.findIndex((h) => TIME_ONLY_COL.test(h.text.trim()));
  const di = header.findIndex((h) => DATE_COL.test(h.text.trim()));
  return ti >= 0 && di >= 0 && ti !== di;
}

/** A row in any column order: a time column (with a date column beside it, when there is one). */
function rowDraft(header: string[], cells: { text: string; start: number; end: number }[], line: number, lines: string[]): Draft | null {
  const ti = header.findIndex((h) => TIME_ONLY_COL.test(h.trim()));
  const di = header.findIndex((h) => DATE_COL.test(h.trim()));
  const tc = cells[ti >= 0 ? ti : di >= 0 ? di : 0];
  if (!tc?.text) return null;
  const dc = di >= 0 && di !== ti ? cells[di] : undefined;
  const ei = eventColumn(header, [ti, di]);
  const ec = cells[ei];
  let d: Draft | null = null;
  if (dc?.text && ti >= 0) {
    // The lead reads `<date> <time>`; positions are the time cell's.
    const joined = `${dc.text} ${tc.text}`;
    const lead = readEntryLead(joined);
    if (lead && lead.start + lead.length > dc.text.length) {
      d = {
        timeText: tc.text,
        time: lead.time,
        line,
        timeStart: tc.start,
        text: '',
        textStart: 0,
        owner: null,
        ownerStart: 0,
        phase: null,
        end: (lines[line] ?? '').length,
        loose: lead.loose,
        meridiemIgnored: lead.meridiemIgnored,
        order: lead.order,
      };
    }
  }
  d ??= leadDraft(line, tc.start, tc.text, lines);
  if (!d) return null;
  d.text = ec?.text ?? '';
  d.textStart = ec?.start ?? tc.end;
  d.phase = classifyPhase(d.text);
  return d;
}

/** Whether the written dates say day-first (true), month-first (false), or cannot tell (null). */
function dayFirst(evidence: (boolean | null | undefined)[]): boolean | null {
  let first = false;
  let second = false;
  for (const e of evidence) {
    if (e === true) first = true;
    else if (e === false) second = true;
  }
  return first === second ? null : first;
}

/** The year that puts month/day nearest to `ref` (a December entry in a January incident is last year's). */
function nearestYear(d: LooseDate, ref: YMD, order: boolean | null): YMD | null {
  let best: YMD | null = null;
  let bestGap = Infinity;
  for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
    const c = settleDate(d, y, order);
    if (!c) continue;
    const gap = Math.abs(Date.UTC(c.year, c.month - 1, c.day) - Date.UTC(ref.year, ref.month - 1, ref.day));
    if (gap < bestGap) [best, bestGap] = [c, gap];
  }
  return best;
}

/** How many consecutive pairs of undated times go up and down: `newestFirst` decides from them. */
export interface Order {
  up: number;
  down: number;
}

/** +1 up, -1 down, 0 neither (equal, unreadable or dated). */
function step(a: Draft | undefined, b: Draft | undefined): number {
  const x = a?.time;
  const y = b?.time;
  if (!x || !y || x.date || y.date) return 0;
  return Math.sign(y.hour * 3600 + y.minute * 60 + y.second - (x.hour * 3600 + x.minute * 60 + x.second));
}

/** The pairs among drafts[from..to]; `sign` -1 takes them away (timelineUpdate.ts replaces a few). */
export function orderOf(drafts: readonly Draft[], from = 0, to = drafts.length - 1, into: Order = { up: 0, down: 0 }, sign = 1): Order {
  for (let k = Math.max(1, from + 1); k <= Math.min(to, drafts.length - 1); k++) {
    const d = step(drafts[k - 1], drafts[k]);
    if (d > 0) into.up += sign;
    else if (d < 0) into.down += sign;
  }
  return into;
}

/** Most consecutive clock readings go down: the timeline is written newest first. */
export const newestFirst = (o: Order): boolean => o.down >= 2 && o.down > o.up * 2;

/**
 * Instants for drafts read with day marks and loose dates. Entries under a mark take its day and
 * zone; a time past midnight advances the day; a newest-first run is resolved from its bottom.
 * A date that cannot be settled (no year anywhere, or day/month order unknown) leaves the instant
 * unknown rather than guessed.
 */
export function resolveShapes(drafts: Draft[], marks: DayMark[], baseDate: string | null, zone: string, year: number | null): { at: (number | null)[]; zones: (string | null)[] } {
  const order = dayFirst([...marks.map((m) => (m.date ? dateOrderEvidence(m.date) : null)), ...drafts.map((d) => d.order ?? (d.loose ? dateOrderEvidence(d.loose) : null))]);
  const base = parseIsoDate(baseDate);
  const settle = (d: LooseDate, ref: YMD | null): YMD | null => (d.year !== null ? settleDate(d, null, order) : ref ? nearestYear(d, ref, order) : settleDate(d, year, order));

  // Groups of drafts that share a day mark (or none), in reading order.
  const groups: { ctx: YMD | null; known: boolean; zone: string | null; sticky: boolean; items: number[] }[] = [{ ctx: base, known: true, zone: null, sticky: false, items: [] }];
  let m = 0;
  let ref = base;
  for (let i = 0; i < drafts.length; i++) {
    const line = drafts[i]!.line;
    while (m < marks.length && marks[m]!.line < line) {
      const mark = marks[m++]!;
      const date = mark.date ? settle(mark.date, ref) : null;
      if (date) ref = date;
      const zone = mark.zone ?? groups[groups.length - 1]!.zone;
      groups.push({ ctx: date, known: !mark.date || !!date, zone, sticky: !!mark.sticky, items: [] });
    }
    groups[groups.length - 1]!.items.push(i);
  }
  const clock = (t: ParsedTime) => t.hour * 3600 + t.minute * 60 + t.second;
  let up = 0;
  let down = 0;
  for (const g of groups) {
    for (let k = 1; k < g.items.length; k++) {
      const a = drafts[g.items[k - 1]!]!.time;
      const b = drafts[g.items[k]!]!.time;
      if (!a || !b || a.date || b.date) continue;
      if (clock(b) > clock(a)) up++;
      else if (clock(b) < clock(a)) down++;
    }
  }
  const newestFirst = down >= 2 && down > up * 2;

  const at: (number | null)[] = new Array(drafts.length).fill(null);
  const zones: (string | null)[] = new Array(drafts.length).fill(null);
  let carry = base;
  for (const g of groups) {
    if (!g.known) continue;
    const s = resolveStart(null);
    s.running = g.ctx ?? carry;
    const order = newestFirst ? [...g.items].reverse() : g.items;
    for (const i of order) {
      const d = drafts[i]!;
      let t = d.time;
      if (!t) continue;
      if (d.loose) {
        const date = settle(d.loose, s.running ?? carry);
        if (!date) continue;
        t = { ...t, date };
      }
      const z = t.zone ?? g.zone ?? zone;
      zones[i] = t.zone ? null : g.zone;
      const before = { running: s.running, prev: s.prev };
      at[i] = resolveStep(t, z, s);
      if (g.sticky && d.time?.date) Object.assign(s, before);
    }
    if (s.running) carry = s.running;
  }
  return { at, zones };
}
