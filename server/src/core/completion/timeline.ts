// Timeline autocompletion: the next entry in the shape of its neighbours (bullet or table row, the
// document's own time format and zone), and after a time, the incident phases the timeline still lacks.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { PHASES, type Phase, type TimelineEntry } from '../model/types';
import { stripMarks } from '../model/text';
import { atLine, cellAt, cellEdit, lastAtOrBefore, lineRange, looksLikePlaceholder, rank, snippetText, splitRow, tableHeader, type Cursor, type Items } from './cursor';
import { addMinutes, detectStyle, formatWall, readStyle, styleFromFormat, wallAt, wallOf, type TimeStyle, type Wall } from './timeStyle';

const TIME_COL = /time|timestamp|when|date|^at$/i;
const EVENT_COL = /event|description|what|action|update|detail|summary|activity/i;
const OWNER_COL = /owner|who|\bby\b|responder|actor|person|assignee/i;

/** Which header cells hold the time, the event and the owner (as the model reads timeline tables). */
export function timelineColumns(header: string[]): { time: number; event: number; owner: number } {
  let time = header.findIndex((h) => TIME_COL.test(h));
  if (time < 0) time = 0;
  let event = header.findIndex((h, i) => i !== time && EVENT_COL.test(h));
  if (event < 0) event = header.findIndex((_, i) => i !== time);
  const owner = header.findIndex((h, i) => i !== time && i !== event && OWNER_COL.test(h));
  return { time, event, owner };
}

/** The sample phase events, worded so classifyPhase reads each as its phase. */
export const PHASE_EVENTS: readonly { phase: Phase; label: string; snippet: string }[] = [
  { phase: 'started', label: 'Incident began', snippet: 'Incident began' },
  { phase: 'detected', label: 'Alert fired: …', snippet: 'Alert fired: ${1:alert name}' },
  { phase: 'detected', label: 'Incident detected', snippet: 'Incident detected' },
  { phase: 'acknowledged', label: 'On-call engineer acknowledged the alert', snippet: 'On-call engineer acknowledged the alert' },
  { phase: 'mitigated', label: 'Mitigation applied: …', snippet: 'Mitigation applied: ${1:what}' },
  { phase: 'restored', label: 'Service restored', snippet: 'Service restored' },
  { phase: 'resolved', label: 'Incident resolved', snippet: 'Incident resolved' },
];

const TYPED_ROW = /^\s*\|[\s\d:-]*$/;
const TYPED_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:\*\*|__|`)?[\d: ]*)?$/;
const WRAPPED = /^(\*\*|__|`)(.*)\1$/;
/** Entries looked at for the time format; enough to see a zero-padded hour, few enough to stay cheap. */
const STYLE_WINDOW = 8;
/** Within this long after the previous entry the author is probably writing live: "now" comes first. */
const LIVE_MS = 6 * 3_600_000;

function inTimeline(cur: Cursor): boolean {
  const s = cur.ctx.model.timeline.section;
  return !!s && cur.line > s.headingRange.start.line && cur.line <= s.range.end.line && cur.ctx.model.timeline.shape !== 'blocks';
}

/** The time format of the timeline around entry `i`: its own, else its neighbours', else the template's. */
export function timelineStyle(cur: Cursor, entries: readonly TimelineEntry[], i: number): TimeStyle {
  const texts: string[] = [];
  for (let j = Math.min(i, entries.length - 1); j >= 0 && j > i - STYLE_WINDOW; j--) texts.push(stripMarks(entries[j]!.timeText));
  for (let j = i + 1; j < entries.length && j <= i + STYLE_WINDOW; j++) texts.push(stripMarks(entries[j]!.timeText));
  const format = cur.ctx.template?.timeline.timeFormat;
  return detectStyle(texts) ?? (format ? styleFromFormat(format) : null) ?? styleFromFormat('HH:mm')!;
}

interface TimeOffer {
  wall: Wall;
  badge: string;
  detail: string;
}

/** Times for the next entry after `prev`: now, the same time, and 1, 5 and 15 minutes later. */
function offers(cur: Cursor, prev: TimelineEntry | undefined, zone: string): TimeOffer[] {
  const now: TimeOffer = { wall: wallAt(cur.now, zone), badge: 'now', detail: `Current time (${zone})` };
  if (!prev) return [now];
  const prevWall = prev.at !== null ? wallAt(prev.at, zone) : wallOf(stripMarks(prev.timeText), cur.ctx.model.date);
  if (!prevWall) return [now];
  const shift = (n: number): Wall => (prev.at !== null ? wallAt(prev.at + n * 60_000, zone) : addMinutes(prevWall, n));
  const after = (n: number): TimeOffer => ({ wall: shift(n), badge: `+${n} min`, detail: `${n} min after the previous entry (${prev.timeText})` });
  const same: TimeOffer = { wall: prevWall, badge: 'same time', detail: `Same time as the previous entry (${prev.timeText})` };
  const sinceMs = prev.at !== null ? cur.now - prev.at : ((((minutesOf(now.wall) - minutesOf(prevWall)) % 1440) + 1440) % 1440) * 60_000;
  const live = sinceMs >= 0 && sinceMs <= LIVE_MS;
  return live ? [now, after(1), after(5), after(15), same] : [after(5), after(1), after(15), same, now];
}

const minutesOf = (w: Wall) => w.hour * 60 + w.minute;

/** On an empty line (or one with just `- ` or `|`) in the timeline: the next entry, whole, with tab stops. */
export function timelineEntries(cur: Cursor): Items {
  if (!inTimeline(cur) || cur.after.trim() !== '') return [];
  const typedRow = TYPED_ROW.test(cur.before);
  const typedItem = !typedRow && TYPED_ITEM.test(cur.before);
  if (!typedRow && !typedItem && cur.before.trim() !== '') return [];
  const { model } = cur.ctx;
  const entries = model.timeline.entries;
  const pi = lastAtOrBefore(entries, cur.line - 1);
  const prev = pi >= 0 ? entries[pi] : undefined;
  const ni = entries[pi + 1]?.line === cur.line ? pi + 2 : pi + 1;
  const ref = prev ?? entries[ni];
  const refIsRow = !!ref && !!atLine(model.rows, ref.line);
  const header = tableHeader(model.rows, model.lines, cur.line);
  const asTable = typedRow || (!typedItem && (header !== null || (!ref && cur.ctx.template?.timeline.shape === 'table')));
  if (asTable && !header) return [];
  if (!asTable && !typedItem && refIsRow) return []; // a row here would not join the table

  const style = timelineStyle(cur, entries, prev ? pi : ni);
  const zone = ref?.zone ?? model.timeline.statedZone ?? model.zone;
  const written = ref ? WRAPPED.exec(ref.timeText) : null;
  const wrap = asTable ? (written?.[1] ?? '') : '';
  const rest = (ref && readStyle(stripMarks(ref.timeText))?.rest) || '';
  const render = asTable ? tableRow(cur, header!) : listItem(cur, ref && !refIsRow ? ref : undefined, ref === prev);

  const items: Items = [];
  const seen = new Set<string>();
  for (const o of offers(cur, prev, zone)) {
    const time = formatWall(style, o.wall);
    if (seen.has(time)) continue;
    seen.add(time);
    const token = wrap + time + rest + wrap;
    items.push({
      label: time,
      labelDetails: { description: o.badge },
      kind: CompletionItemKind.Event,
      detail: o.detail,
      filterText: render.plain(token),
      sortText: rank(items.length),
      preselect: items.length === 0,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: lineRange(cur.line, 0, cur.text.length), newText: render.snippet(token) },
    });
  }
  return items;
}

interface Render {
  plain(time: string): string;
  snippet(time: string): string;
}

/** A bullet shaped like `ref` (same marker, marks and separator), else `- **time**: `. */
function listItem(cur: Cursor, ref: TimelineEntry | undefined, next: boolean): Render {
  const typed = /^\s*(?:[-*+]|\d{1,9}[.)])/.exec(cur.before)?.[0];
  let prefix = `${typed ?? '-'} **`;
  let infix = '**: ';
  if (ref) {
    const line = cur.ctx.model.lines[ref.line] ?? '';
    prefix = line.slice(0, ref.timeRange.start.character).replace(/\[[xX]\]/, '[ ]');
    if (typed)
      prefix = prefix.replace(/^\s*(?:[-*+]|\d{1,9}[.)])/, typed); // what the author typed stays
    else if (next) prefix = prefix.replace(/^(\s*)(\d+)([.)])/, (_, s: string, n: string, p: string) => `${s}${Number(n) + 1}${p}`);
    infix = line.slice(ref.timeRange.end.character, ref.textRange.start.character);
    if (!/\s$/.test(infix)) infix += ' ';
  }
  return {
    plain: (t) => prefix + t + infix,
    snippet: (t) => snippetText(prefix + t + infix) + '$0',
  };
}

/** What a new table row holds in its event cell until the author writes the event. */
const EVENT_PLACEHOLDER = 'event';

/** A row with the table's columns and pipe style: the time, then tab stops for the event and owner. */
function tableRow(cur: Cursor, header: string[]): Render {
  const { model } = cur.ctx;
  // The row above, else (a table with no rows yet) the header line, sets the pipe style.
  const isRowAbove = !!atLine(model.rows, cur.line - 1);
  const sample = (isRowAbove ? model.lines[cur.line - 1] : model.lines[cur.line - 2]) ?? '';
  const { leadingPipe, trailingPipe, cells: prevCells } = splitRow(sample);
  const pad = /\|[ \t]/.test(sample) || !sample.includes('|') ? ' ' : '';
  const cols = timelineColumns(header);
  const build = (time: string, snippet: boolean) => {
    let stop = 2;
    const cells = header.map((_, i) => {
      if (i === cols.time) return snippet ? snippetText(time) : time;
      if (i === cols.event) return snippet ? `\${1:${EVENT_PLACEHOLDER}}` : EVENT_PLACEHOLDER;
      if (i === cols.owner) return snippet ? '${2:owner}' : 'owner';
      // A running number ('#', 'Step') continues; any other column gets an empty tab stop.
      const n = isRowAbove ? /^\d{1,6}$/.exec(prevCells[i]?.text ?? '') : null;
      if (n) return String(Number(n[0]) + 1);
      stop++;
      return snippet ? `\${${stop}}` : '';
    });
    return (leadingPipe ? '|' + pad : '') + cells.join(pad + '|' + pad) + (trailingPipe ? pad + '|' : '');
  };
  return { plain: (t) => build(t, false), snippet: (t) => build(t, true) };
}

/** In the event position of an entry being written: the phases the timeline lacks, in incident order,
 *  the one that follows the phases above preselected. */
export function phaseEvents(cur: Cursor): Items {
  if (!inTimeline(cur)) return [];
  const { model } = cur.ctx;
  const entries = model.timeline.entries;
  const edit = eventEdit(cur);
  if (!edit) return [];
  const present = new Set<Phase>();
  let last = -1;
  for (const e of entries) {
    if (e.line === cur.line || !e.phase) continue;
    present.add(e.phase);
    if (e.line < cur.line) last = Math.max(last, PHASES.indexOf(e.phase));
  }
  const missing = PHASE_EVENTS.filter((p) => !present.has(p.phase));
  const best = missing.find((p) => PHASES.indexOf(p.phase) > last) ?? missing[0];
  return missing.map((p, i): CompletionItem => ({
    label: p.label,
    labelDetails: { description: p.phase },
    kind: CompletionItemKind.Event,
    detail: `Marks the ${p.phase} phase`,
    sortText: rank(i),
    preselect: p === best,
    ...(edit.filterPrefix ? { filterText: edit.filterPrefix + p.label } : {}),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: edit.at(p.snippet),
  }));
}

/** Where the event text goes on the cursor line, when the cursor ends an entry's (empty or partial) event. */
function eventEdit(cur: Cursor): { at(text: string): { range: ReturnType<typeof lineRange>; newText: string }; filterPrefix: string } | null {
  const { model } = cur.ctx;
  const header = atLine(model.rows, cur.line) || cur.before.trimStart().startsWith('|') ? tableHeader(model.rows, model.lines, cur.line) : null;
  if (header) {
    const cell = cellAt(cur.text, cur.character);
    const cols = timelineColumns(header);
    const row = splitRow(cur.text);
    if (!cell || cell.index !== cols.event || !row.cells[cols.time]?.text) return null;
    if (cur.text.slice(cur.character, cell.end).trim() !== '') return null;
    const typed = cur.text.slice(cell.start, cur.character).trim();
    // The row snippet's own `event` stands selected: the phase events replace it.
    return { at: (t) => cellEdit(cur, cell, t), filterPrefix: looksLikePlaceholder(typed) || typed === EVENT_PLACEHOLDER ? typed : '' };
  }
  if (cur.after.trim() !== '') return null;
  const entry = atLine(model.timeline.entries, cur.line);
  // An entry whose event is written on the lines below (its text range is there) has its event already.
  if (!entry || entry.textRange.start.line !== cur.line) return null;
  let start = entry.textRange.start.character;
  if (cur.character < start) return null;
  while (start < cur.character && /\s/.test(cur.text[start]!)) start++;
  const pre = start > 0 && !/\s/.test(cur.text[start - 1]!) ? ' ' : '';
  const typed = cur.text.slice(start, cur.character);
  return {
    at: (t) => ({ range: lineRange(cur.line, start, cur.text.length), newText: pre + t }),
    filterPrefix: looksLikePlaceholder(typed) ? typed : '',
  };
}
