// The timeline after a one-line edit (a row or item typed, added or removed; see parse/patch.ts):
// the last build's drafts with the edited one replaced and those below shifted, and times
// resolved again from the edit only until resolution is back in step with the last build.
import type { ParsedDocument } from '../parse/document';
import type { TemplateSpec } from '../template/schema';
import { resolveStart, resolveStep, sameState, type ResolveState } from '../time';
import type { Section, Timeline, TimelineEntry, TimeZoneSource } from './types';
import { lastBuilds, fromRow, fromItem, findTimelineSection, statedZone, type Draft } from './timeline';
import { newEntry } from './timelineEntry';
import { within } from './sections';
import { newestFirst, orderOf, readsAsShape } from './timelineShapes';
import { lineRange } from './text';
import { firstAtOrAfter, lineOf, replaced } from '../sorted';

/** The updated timeline, or null when it must be built afresh (the caller then does). */
export function updateTimeline(
  prev: Timeline,
  doc: ParsedDocument,
  sections: Section[],
  template: TemplateSpec | null,
  date: string | null,
  docZone: { zone: string; source: TimeZoneSource },
): Timeline | null {
  const e = doc.edit;
  const last = lastBuilds.get(prev);
  const section = findTimelineSection(sections, template, doc);
  if (!e || !last || !section || !prev.section) return null;
  const h = e.line;
  const delta = e.added - e.removed;
  const moved = (line: number) => (line >= h ? line + delta : line);
  if (section.title !== prev.section.title || section.headingRange.start.line !== moved(prev.section.headingRange.start.line)) return null;
  const stated = statedZone(doc, section);
  if ((stated?.zone ?? null) !== prev.statedZone) return null;
  const zone = stated ? { zone: stated.zone, source: 'timeline' as TimeZoneSource } : docZone;
  if (date !== last.date || zone.zone !== last.zone || zone.source !== last.zoneSource) return null;
  const wasInside = !!e.removed && within(prev.section, h);
  const isInside = !!e.added && within(section, h);
  if (e.removed && e.added && wasInside !== isInside) return null;
  // A wrapped item is read whole (its later lines name its phase too): the full build reads it.
  if (doc.items.some((it) => it.line <= h + e.added && it.endLine >= h && it.endLine > it.line)) return null;

  const k = firstAtOrAfter(last.drafts, h, lineOf);
  const removed = wasInside && last.drafts[k]?.line === h ? 1 : 0;
  let added: Draft | null = null;
  if (isInside && e.kind === 'table-row') {
    const r = doc.rows[firstAtOrAfter(doc.rows, h, lineOf)];
    if (r?.line === h) {
      added = fromRow(r, doc.lines);
      if (readsAsShape('row', added, '', { header: r.header.map((c) => c.text), cells: r.cells })) return null;
    }
  } else if (isInside) {
    let i = firstAtOrAfter(doc.items, h, lineOf);
    while (doc.items[i]?.line === h && doc.items[i]!.depth !== 1) i++; // items nested on the same line
    const item = doc.items[i];
    if (item?.line === h) {
      added = fromItem(h, item.contentStart, item.text, doc.lines);
      if (readsAsShape('item', added, item.text)) return null;
    }
  }
  const rows = last.rows + (e.kind === 'table-row' ? (isInside ? e.rowsAdded : 0) - (wasInside ? e.rowsRemoved : 0) : 0);

  // Drafts and entries above the edit stay; the edited one is new; those below move by delta.
  const drafts = replaced(last.drafts, k, removed, added ? [added] : [], delta ? (d) => moveDraft(d, delta) : null);
  // Only the pairs around the edit change: the others' times and order are the last build's.
  const order = orderOf(last.drafts, k - 1, k + removed, { ...last.order }, -1);
  orderOf(drafts, k - 1, k + (added ? 1 : 0), order);
  if (newestFirst(order)) return null;
  // Filled at their final length, as replaced() does (they are thousands long).
  const list: TimelineEntry[] = new Array(drafts.length);
  const states: ResolveState[] = new Array(drafts.length);
  for (let j = 0; j < k; j++) {
    list[j] = prev.entries[j]!;
    states[j] = last.states[j]!;
  }
  const s = k > 0 ? { ...last.states[k - 1]! } : resolveStart(date);
  const entryFor = (d: Draft, at: number | null) => newEntry(d, at, d.time?.zone ?? zone.zone, d.time?.zone ? 'entry' : zone.source);
  let i = k;
  for (; i < drafts.length; i++) {
    const d = drafts[i]!;
    const at = resolveStep(d.time, zone.zone, s);
    states[i] = { running: s.running, prev: s.prev };
    if (added && i === k) {
      list[i] = entryFor(d, at);
      continue;
    }
    const j = i - (added ? 1 : 0) + removed; // the same draft in the last build
    const old = prev.entries[j]!;
    list[i] = !delta && old.at === at ? old : entryFor(d, at);
    // Back in step: every later instant is the last build's.
    if (sameState(s, last.states[j]!)) {
      i++;
      break;
    }
  }
  for (; i < drafts.length; i++) {
    const j = i - (added ? 1 : 0) + removed;
    const old = prev.entries[j]!;
    list[i] = delta ? entryFor(drafts[i]!, old.at) : old;
    states[i] = last.states[j]!;
  }

  const first = rows ? doc.rows[firstAtOrAfter(doc.rows, section.headingRange.start.line, lineOf)] : undefined;
  const columns = first && within(section, first.line) ? first.header.map((c) => c.text) : [];
  const timeline: Timeline = {
    section,
    entries: list,
    statedZone: stated?.zone ?? null,
    statedZoneRange: stated ? lineRange(stated.line, stated.start, stated.end) : null,
    shape: rows ? 'table' : drafts.length ? 'list' : null,
    columns: columns.length === prev.columns.length && columns.every((c, x) => c === prev.columns[x]) ? prev.columns : columns,
  };
  lastBuilds.set(timeline, { drafts, order, states, rows, date, zone: zone.zone, zoneSource: zone.source });
  return timeline;
}

/** Spelled out: a spread (`{ ...d, line }`) takes a slow path in V8, and this runs for every entry below an edit. */
function moveDraft(d: Draft, delta: number): Draft {
  return {
    timeText: d.timeText,
    time: d.time,
    line: d.line + delta,
    timeStart: d.timeStart,
    text: d.text,
    textStart: d.textStart,
    owner: d.owner,
    ownerStart: d.ownerStart,
    phase: d.phase,
    end: d.end,
    reading: d.reading,
  };
}
