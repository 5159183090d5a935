// Events into the document: each written in the timeline's shape, placed in time order among the author's
// entries, exact duplicates left out. Only insertions; the caller checks the result reads back right.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Postmortem, TimelineEntry } from '../model/types';
import { stripMarks } from '../model/text';
import { formatWall, wallAt, type TimeStyle } from '../completion/timeStyle';
import { BLOCKS, tableHead, tableRow, type Shape } from './shape';
import type { ImportedEvent } from './types';

export interface Placed {
  event: ImportedEvent;
  time: string;
  text: string;
  /** Line of the entry's time in the new text. */
  line: number;
}

export interface Placement {
  edits: TextEdit[];
  placed: Placed[];
  /** New line of each old line. */
  mapLine: (line: number) => number;
  duplicates: number;
  skipped: Record<string, number>;
}

interface Insert {
  before: number;
  /** One line per entry, or a block's lines. */
  rows: (string | string[])[];
  items: Omit<Placed, 'line'>[];
}

const TAG = /^\[(?:phase:\s*)?[a-z]+\]\s*/i;
const norm = (s: string) =>
  stripMarks(s)
    .replace(TAG, '')
    .replace(/\\\|/g, '|')
    .replace(/\s+/g, ' ')
    .replace(/[.!\s]+$/, '')
    .trim()
    .toLowerCase();
const minute = (ms: number) => Math.floor(ms / 60_000);

export function keyOf(at: number | null, text: string): string {
  return `${at === null ? '-' : minute(at)}|${norm(text)}`;
}

/** The text written for an event: `who: text` for chat messages when no column holds who. */
function body(ev: ImportedEvent, ownerColumn: boolean): string {
  return ev.whoInText && ev.who && !ownerColumn ? `${ev.who}: ${ev.text}` : ev.text;
}

/** When a new entry's time carries its date: never (the document's style), where the day changes from the
 *  entry before it (or from the document's date), or always. */
export type Dates = 'style' | 'day-change' | 'always';

const withDate = (style: TimeStyle): TimeStyle => (style.date ? style : { ...style, date: { sep: '-', pad: true }, between: ' ' });

export function place(model: Postmortem, shape: Shape, events: ImportedEvent[], style: TimeStyle, dates: Dates = 'style'): Placement {
  const lines = model.lines;
  const { layout, entries } = shape;
  const skipped: Record<string, number> = {};
  const skip = (why: string, n = 1) => void (skipped[why] = (skipped[why] ?? 0) + n);
  const seen = new Set(entries.map((e) => keyOf(e.at, e.owner && layout.kind !== 'table' ? `${e.owner}: ${e.text}` : e.text)));
  for (const e of entries) if (e.owner) seen.add(keyOf(e.at, `${e.owner}: ${e.text}`));
  let duplicates = 0;
  const inserts = new Map<number, Insert>();
  const insertAt = (before: number) => {
    let ins = inserts.get(before);
    if (!ins) inserts.set(before, (ins = { before, rows: [], items: [] }));
    return ins;
  };
  const timed = entries.filter((e): e is TimelineEntry & { at: number } => e.at !== null);
  const day = (at: number) => {
    const w = wallAt(at, shape.zone);
    return `${w.year}-${w.month}-${w.day}`;
  };
  const docDay = model.date ? model.date.split('-').map(Number).join('-') : null;
  const allAts = [...timed.map((e) => e.at), ...events.map((e) => e.at)].sort((a, b) => a - b);
  const time = (at: number) => {
    let dated = dates === 'always';
    if (dates === 'day-change') {
      const i = allAts.indexOf(at);
      dated = day(at) !== (i > 0 ? day(allAts[i - 1]!) : docDay);
    }
    return formatWall(dated ? withDate(style) : style, wallAt(at, shape.zone));
  };
  const ownerColumn = layout.kind === 'table' && /owner|who|\bby\b|responder|actor|person|assignee/i.test(layout.header.join('\u0000'));
  let sorted = [...events].sort((a, b) => a.at - b.at);
  if (layout.kind === 'blocks') {
    // One block per phase: the first detection or response, the last recovery or resolution.
    const keep = new Set<ImportedEvent>();
    for (const b of BLOCKS) {
      const of = sorted.filter((e) => e.phase === b.phase);
      const pick = b.phase === 'restored' || b.phase === 'resolved' ? of.at(-1) : of[0];
      if (pick) keep.add(pick);
      if (of.length > 1) skip(`one ${b.title} block: ${b.phase === 'restored' || b.phase === 'resolved' ? 'the last' : 'the first'} of ${of.length} ${b.phase} events kept`, of.length - 1);
    }
    sorted = sorted.filter((e) => keep.has(e) || !e.phase || !BLOCKS.some((b) => b.phase === e.phase));
  }
  const placedPhases = new Set(layout.kind === 'blocks' ? layout.blocks.map((b) => b.phase) : []);

  for (const ev of sorted) {
    const text = body(ev, ownerColumn);
    const key = keyOf(ev.at, text);
    if (seen.has(key) || seen.has(keyOf(ev.at, ev.text))) {
      duplicates++;
      continue;
    }
    seen.add(key);
    if (layout.kind === 'blocks') {
      const block = BLOCKS.find((b) => b.phase === ev.phase);
      if (!block) {
        skip('not a phase (a blocks timeline holds one block per phase)');
        continue;
      }
      if (placedPhases.has(block.phase)) {
        skip(`the timeline already has a ${block.title} block`);
        continue;
      }
      placedPhases.add(block.phase);
      const order = BLOCKS.indexOf(block);
      const next = layout.blocks.filter((b) => BLOCKS.findIndex((x) => x.phase === b.phase) > order).sort((a, b) => a.line - b.line)[0];
      const before = next ? next.line : shape.tail + 1;
      const ins = insertAt(before);
      const field = (name: string, value: string) => `${layout.fieldPrefix}${name}${layout.fieldInfix}${value}`;
      const t = time(ev.at);
      const detail = ev.text.replace(TAG, '');
      ins.items.push({ event: ev, time: t, text: detail });
      const lines_ = [`${'#'.repeat(layout.level)} ${block.title}`, field('Time', t), field(block.detail, detail)];
      if (block.owner && ev.who) lines_.push(field(block.owner, ev.who));
      ins.rows.push(lines_);
      continue;
    }
    // After the last entry at or before it (document order), else before the first timed entry.
    let i = -1;
    for (let j = 0; j < entries.length; j++) if (entries[j]!.at !== null && entries[j]!.at! <= ev.at) i = j;
    let before: number;
    if (i >= 0) before = i + 1 < entries.length ? entries[i + 1]!.line : shape.tail + 1;
    else before = timed.length ? timed[0]!.line : shape.tail + 1;
    const t = time(ev.at);
    const ins = insertAt(before);
    ins.items.push({ event: ev, time: t, text });
    ins.rows.push(layout.kind === 'table' ? tableRow(layout, t, ev.text, ev.who) : `${layout.prefix}${t}${layout.infix}${text}`);
  }

  // Lay each insertion out: blocks apart with blank lines; a new table gets its head; blank lines where
  // a list or table would otherwise join the paragraph beside it.
  const done: { before: number; lines: string[]; items: { p: Omit<Placed, 'line'>; index: number }[] }[] = [];
  for (const ins of [...inserts.values()].sort((a, b) => a.before - b.before)) {
    const out: string[] = [];
    const items: { p: Omit<Placed, 'line'>; index: number }[] = [];
    const prev = lines[ins.before - 1] ?? '';
    const nextLine = lines[ins.before];
    if (layout.kind === 'blocks') {
      if (prev.trim()) out.push('');
      ins.rows.forEach((block, k) => {
        items.push({ p: ins.items[k]!, index: out.length + 1 }); // the heading, then the time
        out.push(...block, '');
      });
      if (nextLine === undefined || !nextLine.trim()) out.pop();
    } else {
      const startsStructure = (layout.kind === 'table' && layout.headerLine === -1) || !entries.length;
      if (startsStructure && prev.trim() && !(layout.kind === 'table' && prev.includes('|'))) out.push('');
      if (layout.kind === 'table' && layout.headerLine === -1) out.push(...tableHead(layout.header));
      ins.rows.forEach((row, k) => {
        items.push({ p: ins.items[k]!, index: out.length });
        out.push(...(typeof row === 'string' ? [row] : row));
      });
      if (ins.before === shape.tail + 1 && nextLine !== undefined && nextLine.trim()) out.push('');
    }
    done.push({ before: ins.before, lines: out, items });
  }

  const placed: Placed[] = [];
  const edits: TextEdit[] = [];
  let shift = 0;
  for (const d of done) {
    for (const it of d.items) placed.push({ ...it.p, line: d.before + shift + it.index });
    shift += d.lines.length;
    if (d.before < lines.length) {
      const pos = { line: d.before, character: 0 };
      edits.push({ range: { start: pos, end: pos }, newText: d.lines.join(shape.eol) + shape.eol });
    } else {
      const last = lines.length - 1;
      const pos = { line: last, character: (lines[last] ?? '').length };
      edits.push({ range: { start: pos, end: pos }, newText: shape.eol + d.lines.join(shape.eol) });
    }
  }
  const mapLine = (line: number) => line + done.filter((d) => d.before <= line).reduce((n, d) => n + d.lines.length, 0);
  return { edits, placed, mapLine, duplicates, skipped };
}
