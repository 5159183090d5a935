// Date-time values: the `**Time:**` of 003-style Detection / Response / Resolution blocks and fields such
// as `**Start Time (UTC):**`, written in the format the document uses elsewhere.
import type { Field } from '../model/types';
import type { FieldSpec } from '../template/schema';
import { fieldSpec } from '../model/fields';
import { stripMarks } from '../model/text';
import { findZoneStatement, resolveZone } from '../time';
import { lastAtOrBefore, type Cursor } from './cursor';
import { detectStyle, formatWall, styleFromFormat, wallAt, type TimeStyle } from './timeStyle';

export interface Timestamp {
  text: string;
  badge: string;
  detail: string;
}

const BLOCK_TIME_KEY = /^(time|timestamp|when)$/i;
/** Fields looked at for the format, nearest the timeline first; bounded so a huge document stays cheap. */
const MAX_SAMPLES = 8;

export function isTimestampField(field: Field, spec: FieldSpec | null, cur: Cursor): boolean {
  if (spec) return spec.type === 'date-time';
  return BLOCK_TIME_KEY.test(field.key) && inTimelineBlock(cur, field.line);
}

function inTimelineBlock(cur: Cursor, line: number): boolean {
  const s = cur.ctx.model.timeline.section;
  return !!s && line > s.headingRange.start.line && line <= s.range.end.line && cur.ctx.model.timeline.shape === 'blocks';
}

/** The document's dated format: dated timeline entries, then date-time fields, then the template's. */
function datedStyle(cur: Cursor, field: Field): TimeStyle {
  const { model, template } = cur.ctx;
  const samples: string[] = [];
  const entries = model.timeline.entries;
  const near = Math.max(0, lastAtOrBefore(entries, field.line));
  for (let d = 0; d < 64 && samples.length < MAX_SAMPLES; d++) {
    for (const e of d ? [entries[near - d], entries[near + d]] : [entries[near]]) {
      if (e && e.hasDate && e.line !== field.line) samples.push(stripMarks(e.timeText));
    }
  }
  for (const f of model.fields) {
    if (samples.length >= MAX_SAMPLES * 2) break;
    if (f !== field && /time|start|end|date|when/i.test(f.key) && fieldSpec(f, model.sections, template)?.type === 'date-time') samples.push(stripMarks(f.raw));
  }
  const found = detectStyle(samples.filter((s) => /^\d{4}/.test(s)));
  if (found) return found;
  const tpl = template ? styleFromFormat(template.timeline.timeFormat) : null;
  const base = tpl?.date ? tpl : styleFromFormat('yyyy-MM-dd HH:mm')!;
  return { ...base, suffix: '' };
}

/** Timestamps for a date-time field: after the previous block's time (1, 5, 15 min later, or the same),
 *  the first or last timeline entry for a field stating the start or end, and now. */
export function timestampValues(cur: Cursor, field: Field, spec: FieldSpec | null): Timestamp[] {
  const { model } = cur.ctx;
  const style = datedStyle(cur, field);
  const suffixZone = style.suffix ? resolveZone(style.suffix.trim().replace(/^\(|\)$/g, '')) : null;
  const zone = findZoneStatement(field.key)?.zone ?? suffixZone ?? model.timeline.statedZone ?? model.zone;
  const out: Timestamp[] = [];
  const at = (ms: number, badge: string, detail: string) => out.push({ text: formatWall(style, wallAt(ms, zone)), badge, detail });
  const timed = model.timeline.entries.filter((e) => e.at !== null && e.line !== field.line);
  if (inTimelineBlock(cur, field.line)) {
    const prev = timed.filter((e) => e.line < field.line).pop();
    if (prev) {
      for (const n of [1, 5, 15]) at(prev.at! + n * 60_000, `+${n} min`, `${n} min after the previous block (${prev.timeText})`);
      at(prev.at!, 'same time', `Same time as the previous block (${prev.timeText})`);
    }
  }
  const edge = spec?.states ?? (/start|began/i.test(field.key) ? 'start' : /\bend|resolved/i.test(field.key) ? 'end' : undefined);
  if (timed.length && (edge === 'start' || edge === 'span')) {
    const first = timed.reduce((a, b) => (b.at! < a.at! ? b : a));
    at(first.at!, 'first entry', `The first timeline entry (${first.timeText})`);
  }
  if (timed.length && (edge === 'end' || edge === 'span')) {
    const last = timed.reduce((a, b) => (b.at! >= a.at! ? b : a));
    at(last.at!, 'last entry', `The last timeline entry (${last.timeText})`);
  }
  at(cur.now, 'now', `Current time (${zone})`);
  const seen = new Set<string>();
  return out.filter((t) => !seen.has(t.text) && !!seen.add(t.text));
}
