// Timelines with no timeline section, written as nested lists under a bold lead-in item, as in a running
// incident log:
//   - **Key events**                         - **Context**:
//     - First detected: 2024-09-20 11:24       - 2024-09-20 11:21: pipeline unpaused
// Each nested item with a full date and time is an entry. The timeline has no section of its own.
import type { ParsedDocument } from '../parse/document';
import { classifyPhase, parseTime, resolveStart, resolveStep } from '../time';
import type { Timeline, TimeZoneSource } from './types';
import { fromItem, type Draft } from './timeline';
import { newEntry } from './timelineEntry';
import { keptWeakMap } from '../state';

/** Lead-in timelines whose lists sit under different headings: an incident log, several incidents. */
export const severalIncidentLists = keptWeakMap<Timeline, true>();

const LEAD_IN = /^\s*(?:\*\*|__)\s*(?:key events|context|timeline|events)\s*:?\s*(?:\*\*|__)\s*:?\s*$/i;
const DOT_TIME = /(\d{4}-\d{2}-\d{2}[ T]\d{1,2})\.(\d{2})(?![\d.])/;
// Any other bold lead-in item ('- **Resolution**:') ends the list.
const BOLD_LEAD = /^\s*(?:\*\*|__)[^*_]{1,40}(?:\*\*|__)\s*:?/;
// "First detected: 2024-09-20 11:24", "Fault occurs 2020-04-15 07:15": a short label, then a full date and time.
const LABELLED = /^(\p{L}[\p{L}\s'-]{2,60}?)\s*(?::\s*|\s)(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}.*?)\s*\.?$/u;

/** The entries nested under lead-in items, or null when fewer than two are timed. */
export function leadInTimeline(doc: ParsedDocument, date: string | null, docZone: { zone: string; source: TimeZoneSource }): Timeline | null {
  const drafts: Draft[] = [];
  // Under a lead-in until the next bold lead-in or heading. Items after a code block inside the list come
  // back at depth 1 (the block ends the list), and are still its entries.
  let active = false;
  let h = 0;
  const under = new Set<number>(); // the headings above the entries' lists
  for (const item of doc.items) {
    let crossed = false;
    while (h < doc.headings.length && doc.headings[h]!.line < item.line) [h, crossed] = [h + 1, true];
    if (crossed) active = false;
    if (item.depth === 1 && (LEAD_IN.test(item.text) || BOLD_LEAD.test(item.text))) {
      active = LEAD_IN.test(item.text);
      continue;
    }
    if (!active || item.depth > 2) continue;
    // After a full date, '14.43' is 14:43 (the log writes both); same length, so every offset holds.
    const text = item.text.replace(DOT_TIME, '$1:$2');
    const d = fromItem(item.line, item.contentStart, text, doc.lines) ?? labelled(item.line, item.contentStart, text, doc.lines);
    if (d && text !== item.text) d.timeText = item.text.slice(d.timeStart - item.contentStart, d.timeStart - item.contentStart + d.timeText.length);
    if (d?.time?.date) {
      drafts.push(d);
      under.add(h);
    }
  }
  if (drafts.length < 2) return null;
  const state = resolveStart(date);
  const entries = drafts.map((d) => {
    const at = resolveStep(d.time, docZone.zone, state);
    return newEntry(d, at, d.time?.zone ?? docZone.zone, d.time?.zone ? 'entry' : docZone.source);
  });
  const timeline: Timeline = { section: null, entries, statedZone: null, statedZoneRange: null, shape: 'list', columns: [] };
  if (under.size > 1) severalIncidentLists.set(timeline, true);
  return timeline;
}

/** A key event: the label is the entry's text (it names the phase), the date and time that follow its time. */
function labelled(line: number, col: number, content: string, lines: string[]): Draft | null {
  const m = LABELLED.exec(content);
  if (!m || m[1]!.trim().split(/\s+/).length > 5) return null;
  const time = parseTime(m[2]!);
  if (!time?.date) return null;
  const text = m[1]!.trim();
  return {
    timeText: m[2]!,
    time,
    line,
    timeStart: col + content.lastIndexOf(m[2]!),
    text,
    textStart: col,
    owner: null,
    ownerStart: 0,
    phase: classifyPhase(text),
    end: (lines[line] ?? '').length,
  };
}
