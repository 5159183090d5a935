// A timeline entry earlier than the one before it. Dateless times that go backwards already roll
// to the next day (11:58 PM, 12:20 AM), so this is about dated entries, or zones, out of order.
import type { Rule, Finding, Fix } from './rule';
import type { Postmortem, Range, TimelineEntry } from '../model/types';
import { within } from '../model/sections';
import { formatAt } from '../model/displayTime';
import { instantsOf } from './carried';

const MINUTE = 60_000;
const SECONDS = /\d:\d\d:\d\d/;

export const timelineOrder: Rule = {
  id: 'timeline-order',
  defaultSeverity: 'information',
  description: 'A timeline entry is earlier than the entry before it.',
  check({ model }) {
    const out: Finding[] = [];
    const { entries } = model.timeline;
    // Entries from lists under lead-in items (an incident log, no timeline section): each list is its own
    // incident or summary, so one list's entry before another's is no disorder.
    if (!model.timeline.section) return out;
    const at = instantsOf(entries);
    let prev = -1;
    for (let i = 0; i < entries.length; i++) {
      const t = at[i] ?? null;
      if (t === null) continue;
      const e = entries[i]!;
      const p = prev >= 0 ? entries[prev]! : null;
      // '~12:24' after '12:24:05' gives the minute only: no order within it can be told.
      const sameMinute = p !== null && Math.floor(t / MINUTE) === Math.floor(at[prev]! / MINUTE);
      if (p !== null && t < at[prev]! && (!sameMinute || (SECONDS.test(e.timeText) && SECONDS.test(p.timeText)))) {
        // Within one minute the seconds tell them apart: they are shown as written.
        const shown = (x: TimelineEntry, ms: number) => (sameMinute ? x.timeText.trim() : formatAt(model, ms));
        out.push({
          range: e.timeRange,
          message: `Entry at ${shown(e, t)} is earlier than the entry before it (${shown(p, at[prev]!)}, line ${p.line + 1}).`,
        });
      }
      prev = i;
    }
    return out;
  },
  fix({ model }) {
    const edit = sortTimelineEdit(model);
    if (!edit) return [];
    // Not in fix-all: the edit only permutes whole lines (checked below), but when the odd entry's
    // time is a typo, sorting moves a correct row to a wrong place; the author should decide.
    const fix: Fix = { title: 'Sort timeline entries by time', edits: [edit], isPreferred: true, fixAll: false };
    return [fix];
  },
};

const BLANK = /^\s*$/;

/**
 * One edit that replaces the lines from the first to the last entry with the same lines, the
 * entries (whole rows or list items, with their nested lines) in time order. An entry whose time
 * cannot be read, and any other row or item, stays right after the readable entry above it; blank
 * lines stay where they are. Null when there is nothing to sort, or when the span holds anything
 * that is not part of the list or table (a heading, a paragraph, a second table).
 */
export function sortTimelineEdit(model: Postmortem): { range: Range; newText: string } | null {
  const { entries, shape, section } = model.timeline;
  if (!section || !entries.length || (shape !== 'list' && shape !== 'table')) return null;
  const first = entries[0]!.line;
  // The lines that belong to the table or list: whole rows, or top-level items with their nested lines.
  const covered = new Set<number>();
  let last: number;
  if (shape === 'table') {
    const table = model.rows.find((r) => r.line === first)?.headerLine;
    for (const r of model.rows) if (r.headerLine === table && within(section, r.line)) covered.add(r.line);
    if (table === undefined || entries.some((e) => !covered.has(e.line))) return null;
    last = entries[entries.length - 1]!.line;
  } else {
    const items = model.listItems.filter((i) => i.depth === 1 && within(section, i.line));
    for (const i of items) for (let l = i.line; l <= i.endLine; l++) covered.add(l);
    const lastItem = items.find((i) => i.line === entries[entries.length - 1]!.line);
    if (!lastItem) return null;
    last = lastItem.endLine;
  }
  const headings = new Set(model.sections.map((s) => s.headingRange.start.line));
  for (let l = first; l <= last; l++) {
    if (headings.has(l) || (!covered.has(l) && !BLANK.test(model.lines[l] ?? ''))) return null;
  }

  // Units start at each readable entry and run to the next; lines before the first stay put.
  const readable = entries.filter((e) => e.at !== null);
  if (readable.length < 2) return null;
  const lines = model.lines.slice(first, last + 1);
  const head = lines.slice(0, readable[0]!.line - first);
  const units = readable.map((e, i) => {
    const to = (readable[i + 1]?.line ?? last + 1) - first;
    const body = lines.slice(e.line - first, to);
    let keep = body.length;
    while (keep > 1 && BLANK.test(body[keep - 1]!)) keep--;
    return { at: e.at!, body: body.slice(0, keep), gap: body.slice(keep) };
  });
  const sorted = [...units].sort((a, b) => a.at - b.at); // stable: equal times keep their order
  if (sorted.every((u, i) => u === units[i])) return null;
  const out = [...head, ...sorted.flatMap((u, i) => [...u.body, ...units[i]!.gap])];
  // The edit must be a permutation of the original lines: never lose or alter a character.
  if ([...out].sort().join('\n') !== [...lines].sort().join('\n')) return null;
  const eol = /\r\n/.test(model.text) ? '\r\n' : '\n';
  return {
    range: { start: { line: first, character: 0 }, end: { line: last, character: lines[lines.length - 1]!.length } },
    newText: out.join(eol),
  };
}
