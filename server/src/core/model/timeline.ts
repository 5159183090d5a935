// The timeline: table rows, list items or 003-style Detection/Response/Resolution blocks,
// read into entries with instants (zone and midnight rollover applied) and phases.
import type { ParsedDocument, DocRow } from '../parse/document';
import type { CellInfo } from '../parse/blockInfo';
import { keptTextMemo } from '../parse/memo';
import type { TemplateSpec } from '../template/schema';
import { classifyPhase, findZoneStatement, matchLeadingTime, parseTime, resolveStart, resolveStep, type ParsedTime, type ResolveState } from '../time';
import type { Field, Phase, Range, Section, Timeline, TimelineEntry, TimeZoneSource } from './types';
import { lineRange, normalizeTitle, stripMarks } from './text';
import { within } from './sections';
import { firstAtOrAfter, lineOf } from '../sorted';
import type { LooseDate } from '../time';
import { newestFirst, orderOf, readShapes, resolveShapes, takeBody, type Order } from './timelineShapes';
import { documentYear } from './timelineDate';
import { keptWeakMap } from '../state';
import { isLeadupTitle, roleOf } from './roles';
import { leadInTimeline } from './timelineLeadIn';
import { newEntry } from './timelineEntry';
import { eventColumn, timeColumn, zoneOnly } from './columns';

const OWNER_COL = /owner|who|\bby\b|responder|actor|person|assignee/i;
const BLOCK_PHASES: Record<string, Phase> = {
  detection: 'detected',
  response: 'acknowledged',
  mitigation: 'mitigated',
  recovery: 'restored',
  resolution: 'resolved',
};

/** A time-like lead that is a placeholder or a typo, so the entry still counts. */
const TIMEISH = /^\[[^\]]*\]$|\d|^hh:mm/i;

export function findTimelineSection(sections: Section[], template: TemplateSpec | null, doc: Pick<ParsedDocument, 'items' | 'lines'>): Section | null {
  const ids = new Set(template?.sections.filter((s) => s.role === 'timeline').map((s) => s.id) ?? []);
  return sections.find((s) => s.templateId !== null && ids.has(s.templateId)) ?? sections.find((s) => isTimelineTitle(s)) ?? leadupTimeline(sections, doc);
}

/** With no timeline section, a "Leadup" section listing timed events ("- **00:27 UTC:** …", as in Python
 *  Discord's template) is the timeline. Two timed items at least: one may be a time mentioned in passing. */
function leadupTimeline(sections: Section[], doc: Pick<ParsedDocument, 'items' | 'lines'>): Section | null {
  for (const s of sections) {
    if (!isLeadupTitle(s.title)) continue;
    let timed = 0;
    for (const item of doc.items) {
      if (item.depth === 1 && within(s, item.line) && fromItem(item.line, item.contentStart, item.text, doc.lines)?.time && ++timed === 2) return s;
    }
  }
  return null;
}

const TIMELINE_TITLE = /timeline|chronology|sequence of events|タイムライン|時系列/i;

/** A timeline heading: any level below the title; an H1 only when it is not the document's title. */
export function isTimelineTitle(s: Section): boolean {
  // The section vocabulary's other languages too ('Chronologie', 'Zeitlicher Ablauf', '时间线').
  return (TIMELINE_TITLE.test(s.title) && (s.level > 1 || /^\W*(?:incident\s+)?(?:timeline|chronology)\b/i.test(s.title))) || (s.level > 1 && roleOf(s.title)?.role === 'timeline');
}

/** Further timelines (a follow-up timeline, one per system) outside the first one. */
export function otherTimelines(sections: Section[], first: Section): Section[] {
  return sections.filter((s) => s !== first && !within(first, s.headingRange.start.line) && isTimelineTitle(s) && s.level > 1);
}

export interface Draft {
  timeText: string;
  time: ParsedTime | null;
  line: number;
  timeStart: number;
  text: string;
  textStart: number;
  owner: string | null;
  ownerStart: number;
  phase: Phase | null;
  end: number;
  /** Where the text stands when it is not on the entry's line (003-style blocks: the heading). */
  textRange?: Range;
  /** Likewise the owner (003-style blocks: its own field). */
  ownerRange?: Range;
  /** The cached reading it came from, to reuse the entry while nothing about it changed. */
  reading?: object;
  /** A date that needs the document's year or day/month order (timelineShapes.ts). */
  loose?: LooseDate | null;
  /** Day-first (true) or month-first (false) as its written date shows (25/04/2021), for the dates that need it. */
  order?: boolean | null;
  /** `17:30 PM` read as 17:30. */
  meridiemIgnored?: boolean;
}

/** What a row or item says, before it is placed on its line: reused while its text is unchanged. */
type RowReading = Omit<Draft, 'line' | 'end' | 'textRange'>;
type ItemReading = Pick<Draft, 'timeText' | 'time' | 'text' | 'phase'> & { timeOffset: number; textOffset: number };

// Keyed by the row's cells from the block cache, which stay the same object while the row's text
// (and so its table's header) is unchanged: an edit re-reads only the rows it touched.
const rowReadings = keptWeakMap<CellInfo[], { header: CellInfo[]; reading: RowReading | null }>();
/** By the parse's row object, which is the same while the row neither changes nor moves. */
const rowDrafts = keptWeakMap<DocRow, Draft | null>();
const itemReadings = keptTextMemo<ItemReading | null>(readItem);
const entries = keptWeakMap<object, TimelineEntry>();

/** What a timeline was built from, for updating it after a one-line edit (timelineUpdate.ts). */
export interface TimelineBuild {
  drafts: Draft[];
  /** Their order, kept up to date pair by pair (timelineUpdate.ts). */
  order: Order;
  /** Resolution state after each draft. */
  states: ResolveState[];
  /** Table rows inside the section (a table makes the shape 'table' even with no entry). */
  rows: number;
  date: string | null;
  zone: string;
  zoneSource: TimeZoneSource;
}
export const lastBuilds = keptWeakMap<Timeline, TimelineBuild>();

/** The previous version's entry for the same reading, when it is still exactly right. */
function reusable(d: Draft, at: number | null, zone: string, zoneSource: TimeZoneSource): TimelineEntry | null {
  const e = d.reading && entries.get(d.reading);
  return e &&
    e.line === d.line &&
    e.at === at &&
    e.zone === zone &&
    e.zoneSource === zoneSource &&
    e.timeRange.start.character === d.timeStart &&
    e.textRange.start.character === d.textStart &&
    (e.ownerRange?.start.character ?? 0) === (d.owner ? d.ownerStart : 0) &&
    e.range.end.character === d.end
    ? e
    : null;
}

export function buildTimeline(
  doc: ParsedDocument,
  sections: Section[],
  fields: Field[],
  template: TemplateSpec | null,
  date: string | null,
  docZone: { zone: string; source: TimeZoneSource },
): Timeline {
  const section = findTimelineSection(sections, template, doc);
  const empty: Timeline = { section, entries: [], statedZone: null, statedZoneRange: null, shape: null, columns: [] };
  if (!section) return leadInTimeline(doc, date, docZone) ?? empty;
  const inside = (line: number) => within(section, line);

  const stated = statedZone(doc, section);
  const drafts: Draft[] = [];
  let shape: Timeline['shape'] = null;
  let columns: string[] = [];

  const rows = doc.rows.filter((r) => inside(r.line));
  if (rows.length) {
    shape = 'table';
    columns = rows[0]!.header.map((c) => c.text);
    for (const r of rows) {
      const d = fromRow(r, doc.lines);
      if (d) drafts.push(d);
    }
  }
  const blockSections = sections.filter((s) => s !== section && inside(s.headingRange.start.line) && BLOCK_PHASES[normalizeTitle(s.title)]);
  for (const b of blockSections) {
    const f = fields.find((x) => within(b, x.line) && /^(time|timestamp|when)$/i.test(x.key));
    if (!f) continue;
    shape ??= 'blocks';
    const detail = fields.find((x) => within(b, x.line) && x !== f && !/^(time|detected by)$/i.test(x.key));
    const owner = fields.find((x) => within(b, x.line) && /^(detected by|owner|by)$/i.test(x.key));
    drafts.push({
      timeText: f.raw,
      time: parseTime(stripMarks(f.raw)),
      line: f.line,
      timeStart: f.valueRange.start.character,
      text: b.title + (detail ? `: ${detail.raw}` : ''),
      textStart: b.headingRange.start.character,
      owner: owner?.raw ?? null,
      ownerStart: 0,
      ...(owner?.raw ? { ownerRange: owner.valueRange } : {}),
      phase: BLOCK_PHASES[normalizeTitle(b.title)]!,
      end: f.valueRange.end.character,
      textRange: b.headingRange,
    });
  }
  let bodies = false; // entries with their text on the lines below: built afresh on every change
  if (!blockSections.length || !drafts.length) {
    for (const item of doc.items) {
      if (item.depth !== 1 || !inside(item.line)) continue;
      let d = fromItem(item.line, item.contentStart, item.text, doc.lines);
      if (d && !d.text && item.endLine > item.line) {
        d = { ...d, reading: undefined };
        takeBody(d, item.line + 1, item.endLine, doc);
        bodies = true;
      } else if (d && item.endLine > item.line) {
        // A wrapped entry says what happened on its later lines too ('… it's recycled').
        d = { ...d, reading: undefined, phase: classifyPhase([d.text, ...itemLines(item.line + 1, item.endLine, doc)].join(' ')) };
        bodies = true;
      }
      if (d) {
        drafts.push(d);
        shape ??= 'list';
      }
    }
  }
  drafts.sort((a, b) => a.line - b.line);
  const order = orderOf(drafts);
  if (!blockSections.length) {
    const shapes = readShapes(doc, section, drafts);
    const others = otherTimelines(sections, section);
    const same = !others.length && !shapes.marks.length && !newestFirst(order) && shapes.drafts.length === drafts.length && shapes.drafts.every((d, i) => d === drafts[i]);
    if (!same) {
      for (const o of others) {
        const more = readShapes(doc, o, []);
        shapes.marks.push({ line: o.headingRange.start.line, date: null, zone: statedZone(doc, o)?.zone ?? null }, ...more.marks);
        shapes.drafts.push(...more.drafts);
      }
      shapes.drafts.sort((a, b) => a.line - b.line);
      shapes.marks.sort((a, b) => a.line - b.line);
      shape ??= shapes.drafts.length ? 'list' : null;
      return extendedTimeline(doc, section, stated, shapes.drafts, shapes.marks, shape, columns, date, stated ? { zone: stated.zone, source: 'timeline' } : docZone);
    }
  }

  const zone = stated ? { zone: stated.zone, source: 'timeline' as TimeZoneSource } : docZone;
  const resolve = resolveStart(date);
  const states: ResolveState[] = new Array(drafts.length);
  const list: TimelineEntry[] = drafts.map((d, i) => {
    const at = resolveStep(d.time, zone.zone, resolve);
    states[i] = { running: resolve.running, prev: resolve.prev };
    const entryZone = d.time?.zone ?? zone.zone;
    const zoneSource: TimeZoneSource = d.time?.zone ? 'entry' : zone.source;
    const old = reusable(d, at, entryZone, zoneSource);
    if (old) return old;
    const entry = newEntry(d, at, entryZone, zoneSource);
    if (d.reading) entries.set(d.reading, entry);
    return entry;
  });
  const timeline: Timeline = {
    section,
    entries: list,
    statedZone: stated?.zone ?? null,
    statedZoneRange: stated ? lineRange(stated.line, stated.start, stated.end) : null,
    shape,
    columns,
  };
  if (!blockSections.length && !bodies) lastBuilds.set(timeline, { drafts, order, states, rows: rows.length, date, zone: zone.zone, zoneSource: zone.source });
  return timeline;
}

/** A timeline read with day marks or the extended shapes: built afresh on every change (no incremental update). */
function extendedTimeline(
  doc: ParsedDocument,
  section: Section,
  stated: ReturnType<typeof statedZone>,
  drafts: Draft[],
  marks: Parameters<typeof resolveShapes>[1],
  shape: Timeline['shape'],
  columns: string[],
  date: string | null,
  zone: { zone: string; source: TimeZoneSource },
): Timeline {
  const { at, zones } = resolveShapes(drafts, marks, date, zone.zone, date ? null : documentYear(doc));
  const entries = drafts.map((d, i) => {
    const own = d.time?.zone;
    return newEntry(d, at[i] ?? null, own ?? zones[i] ?? zone.zone, own ? 'entry' : zones[i] ? 'timeline' : zone.source);
  });
  return {
    section,
    entries,
    statedZone: stated?.zone ?? null,
    statedZoneRange: stated ? lineRange(stated.line, stated.start, stated.end) : null,
    shape,
    columns,
  };
}

export function fromRow(r: DocRow, lines: string[]): Draft | null {
  let draft = rowDrafts.get(r);
  if (draft === undefined) rowDrafts.set(r, (draft = readDraft(r, lines)));
  return draft;
}

function readDraft(r: DocRow, lines: string[]): Draft | null {
  let cached = rowReadings.get(r.cells);
  if (!cached || cached.header !== r.header) rowReadings.set(r.cells, (cached = { header: r.header, reading: readRow(r) }));
  const c = cached.reading;
  if (!c) return null;
  // Spelled out: `{ ...c, line }` takes a slow path in V8, and this runs for every row.
  return {
    timeText: c.timeText,
    time: c.time,
    line: r.line,
    timeStart: c.timeStart,
    text: c.text,
    textStart: c.textStart,
    owner: c.owner,
    ownerStart: c.ownerStart,
    phase: c.phase,
    end: (lines[r.line] ?? '').length,
    reading: c,
  };
}

export function fromItem(line: number, contentStart: number, content: string, lines: string[]): Draft | null {
  const r = itemReadings.get(content);
  if (!r) return null;
  return {
    timeText: r.timeText,
    time: r.time,
    line,
    timeStart: contentStart + r.timeOffset,
    text: r.text,
    textStart: contentStart + r.textOffset,
    owner: null,
    ownerStart: 0,
    phase: r.phase,
    end: (lines[line] ?? '').length,
    reading: r,
  };
}

function readRow(r: DocRow): RowReading | null {
  const header = r.header.map((c) => c.text);
  const ti = timeColumn(header);
  const ei = eventColumn(header, [ti]);
  const oi = header.findIndex((h, i) => i !== ti && i !== ei && OWNER_COL.test(h));
  const tc = r.cells[ti];
  if (!tc || !tc.text) return null;
  const ec = r.cells[ei];
  const oc = oi >= 0 ? r.cells[oi] : undefined;
  const text = ec?.text ?? '';
  return {
    timeText: tc.text,
    time: parseTime(stripMarks(tc.text)),
    timeStart: tc.start,
    text,
    textStart: ec?.start ?? tc.end,
    owner: oc?.text || null,
    ownerStart: oc?.start ?? 0,
    phase: classifyPhase(text),
  };
}

function readItem(content: string): ItemReading | null {
  let lead = content;
  let offset = 0;
  let timeText: string;
  let time: ParsedTime | null;
  // Being typed, `**14:05` or `**14:05*` (its closing marks to come) reads as the time it will be.
  const mark = /^(\*\*|__|`)(.+?)\1/.exec(content) ?? unclosed(content);
  if (mark) {
    // `**11:44 PM:**` puts the separator inside the bold; the time is what precedes it.
    timeText = mark[2]!.trim().replace(/\s*[:\-–—]$/, '');
    offset = mark[1]!.length + mark[2]!.indexOf(timeText);
    time = parseTime(timeText);
    if (!time && !TIMEISH.test(timeText)) return null;
    lead = content.slice(mark[0].length);
  } else {
    const m = matchLeadingTime(content);
    if (!m) return null;
    timeText = content.slice(0, m.length);
    time = m.time;
    lead = content.slice(m.length);
  }
  const sep = /^\s*(?:[:\-–—|]+\s*)?/.exec(lead)![0];
  const text = lead.slice(sep.length).trim();
  return {
    timeText,
    time,
    timeOffset: offset,
    text,
    textOffset: content.length - lead.length + sep.length,
    phase: classifyPhase(text),
  };
}

function unclosed(content: string): RegExpExecArray | null {
  const m = /^(\*\*|__|`)([^*_`]+?)[*_]?$/.exec(content);
  return m && parseTime(m[2]!.trim()) ? m : null;
}

/** A zone stated for the timeline: in its heading, a statement line or a time column header. */
export function statedZone(doc: ParsedDocument, section: Section): { zone: string; line: number; start: number; end: number } | null {
  const firstLine = section.range.start.line;
  const heading = findZoneStatement(doc.lines[firstLine] ?? '');
  if (heading) return { zone: heading.zone, line: firstLine, start: heading.start, end: heading.end };
  // A statement line or a table's time column header before (or between) the entries.
  const limit = Math.min(section.range.end.line, firstLine + 40);
  for (let l = firstLine + 1; l <= limit; l++) {
    if (doc.codeLines.has(l)) continue;
    const text = doc.lines[l] ?? '';
    if (/^\s*(?:[-*+]|\d+[.)])\s/.test(text) && !/^\s*[-*+]\s+_?all times/i.test(text)) continue;
    if (hasRowAt(doc.rows, l)) continue;
    // A time column headed by its zone alone ('| NZST | UTC | Event |').
    const table = doc.tables.find((t) => t.headerLine === l);
    const cell = table?.header[timeColumn(table.header.map((c) => c.text))];
    const headed = cell ? zoneOnly(cell.text) : null;
    if (cell && headed) return { zone: headed, line: l, start: cell.start, end: cell.start + cell.text.length };
    const z = findZoneStatement(text);
    if (z) return { zone: z.zone, line: l, start: z.start, end: z.end };
  }
  return null;
}

/** Whether a table row sits on the line (rows are in document order). */
function hasRowAt(rows: DocRow[], line: number): boolean {
  return rows[firstAtOrAfter(rows, line, lineOf)]?.line === line;
}

/** The text lines of an item after its first (code lines left out), trimmed. */
function itemLines(from: number, to: number, doc: ParsedDocument): string[] {
  const out: string[] = [];
  for (let l = from; l <= to; l++) if (!doc.codeLines.has(l)) out.push((doc.lines[l] ?? '').trim());
  return out;
}
