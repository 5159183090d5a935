// Milestones stated outside the timeline: key-event lists such as
//   - **Key events**
//     - First detected 2026-03-30 08:56
//     - Incident declared 2026-03-30 09:14
// Each names its phase and gives a full date and time, so it is as certain as a timeline entry.
import type { ListItemInfo } from '../parse/blockInfo';
import { classifyPhase, parseTime, toInstant } from '../time';
import type { Phase, Section, Timeline } from './types';
import { within } from './sections';

export interface Milestone {
  phase: Phase;
  /** Epoch milliseconds. */
  at: number;
  line: number;
  /** The wording that names the phase ('First detected'). */
  label: string;
  timeText: string;
  /** Stated in prose: counts only for a phase nothing else marks. */
  fillOnly?: boolean;
}

// A short label, an optional separator, then the date and time ending the item.
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+\\d';
const SHAPE = new RegExp(`^(\\p{L}[\\p{L}\\s'-]{2,60}?)\\s*(?:[:\\-–—]\\s*|\\s+(?:at|on)\\s+|\\s)((?:\\d|${MONTH}).*?)\\s*\\.?$`, 'iu');

// Key-timestamp labels of incident tools' exports (incident.io: Reported, Impact start, Fixed, Closed).
const LABELS: readonly [RegExp, Phase][] = [
  [/^(?:first\s+)?reported$/i, 'detected'],
  [/^fixed$/i, 'restored'],
  [/^closed$/i, 'resolved'],
];

export function readMilestones(items: readonly ListItemInfo[], timeline: Section | null, zone: string): Milestone[] {
  const out: Milestone[] = [];
  for (const item of items) {
    // Timeline entries are read by the timeline; a milestone must also hold a clock time.
    if (!/\d:\d\d|\d{4}\s*$/.test(item.text) || (timeline && within(timeline, item.line))) continue;
    const m = SHAPE.exec(item.text.replace(/\*\*|__|`/g, '').trim());
    if (!m || m[1]!.trim().split(/\s+/).length > 5) continue;
    const time = parseTime(m[2]!);
    // Only a full date makes it certain which day the milestone is on.
    if (!time?.date) continue;
    const phase = LABELS.find(([re]) => re.test(m[1]!.trim()))?.[1] ?? classifyPhase(m[1]!);
    const at = phase ? toInstant(time, null, zone) : null;
    if (phase && at !== null) out.push({ phase, at, line: item.line, label: m[1]!.trim(), timeText: m[2]! });
  }
  // The same phase at two instants: several incidents (an incident log), so no one of them is the document's.
  const seen = new Map<Phase, number>();
  for (const m of out)
    if ((seen.get(m.phase) ?? m.at) !== m.at) return [];
    else seen.set(m.phase, m.at);
  return out;
}

export const sameMilestones = (a: readonly Milestone[], b: readonly Milestone[]): boolean =>
  a.length === b.length && a.every((x, i) => x.at === b[i]!.at && x.phase === b[i]!.phase && x.line === b[i]!.line && x.label === b[i]!.label);

// A line in the timeline saying the entries below it come after the resolution ("Post-resolution:").
const AFTER_RESOLUTION = /^\s*(?:#{1,6}\s+)?[*_]*\s*(?:post[- ]?resolution|after\s+(?:the\s+)?resolution|post[- ]?incident|after\s+the\s+incident|aftermath)\s*[*_]*\s*:?\s*[*_]*\s*$/i;

const DIVIDER_START = /^\s*[#*_pPaA]/;

/** The author's own mark of the end: the last timed entry above a "Post-resolution:" line in the timeline. */
export function dividerMilestone(lines: readonly string[], timeline: Timeline): Milestone | null {
  const section = timeline.section;
  if (!section) return null;
  for (let i = section.range.start.line + 1; i <= section.range.end.line && i < lines.length; i++) {
    // Runs on every build over every line of a long timeline: most lines fail on their first letter.
    if (!DIVIDER_START.test(lines[i]!) || !AFTER_RESOLUTION.test(lines[i]!)) continue;
    const before = timeline.entries.filter((e) => e.at !== null && e.line < i);
    const last = before[before.length - 1];
    // Only where the timeline runs in order up to the mark: otherwise "last" is not "latest".
    if (!last || before.some((e) => e.at! > last.at!)) return null;
    return { phase: 'resolved', at: last.at!, line: last.line, label: `last entry above "${lines[i]!.trim()}" (line ${i + 1})`, timeText: last.timeText };
  }
  return null;
}

// Prose under the timeline naming what ended it: "After the domain registrar NameSilo placed the domain name
// under `clientHold` status, … Incident is considered resolved."
const RESOLVED_STATEMENT = /\b(?:incident|issue|outage)\s+(?:is|was|has\s+been)\s+(?:now\s+)?(?:considered\s+|deemed\s+)?(?:resolved|over|closed)\b/i;
const AFTER_CLAUSE = /(?:^|[.!?]\s+)(?:After|Once)\s+([^,.;]{10,200}),/;
const words = (text: string) => new Set((text.toLowerCase().match(/[\p{L}\d]{4,}/gu) ?? []).map((w) => w.replace(/(?:es|s|ed|ing)$/, '')));

/** The timeline entry the prose after the last entry says resolved the incident: the one sharing the most
 *  words (at least three, and more than any other entry) with its "After …," clause. */
export function resolutionReference(lines: readonly string[], timeline: Timeline): Milestone | null {
  const section = timeline.section;
  if (!section || !timeline.entries.length) return null;
  let from = 0;
  for (const e of timeline.entries) if (e.line >= from) from = e.line + 1;
  const prose = lines.slice(from, section.range.end.line + 1).join(' ');
  if (!RESOLVED_STATEMENT.test(prose)) return null;
  const timed = timeline.entries.filter((e) => e.at !== null);
  const clause = AFTER_CLAUSE.exec(prose.replace(/\s+/g, ' ').trim());
  if (!clause) return null;
  const want = words(clause[1]!.replace(/[`*_]/g, ''));
  const scored = timed.map((e) => ({ e, n: [...words(e.text.replace(/[`*_]/g, ''))].filter((w) => want.has(w)).length })).sort((a, b) => b.n - a.n);
  const [best, next] = scored;
  if (!best || best.n < 3 || (next && next.n === best.n)) return null;
  return { phase: 'resolved', at: best.e.at!, line: best.e.line, label: `the event the text under the timeline says resolved it (line ${from + 1}…)`, timeText: best.e.timeText };
}
