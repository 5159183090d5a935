// Milestones stated outside the timeline: key-event lists such as
//   - **Key events**
//     - First detected 2026-03-30 08:56
//     - Incident declared 2026-03-30 09:14
// Each names its phase and gives a full date and time, so it is as certain as a timeline entry.
import type { ListItemInfo } from '../parse/blockInfo';
import { classifyPhase, parseTime, toInstant } from '../time';
import type { Phase, Section } from './types';
import { within } from './sections';

export interface Milestone {
  phase: Phase;
  /** Epoch milliseconds. */
  at: number;
  line: number;
  /** The wording that names the phase ('First detected'). */
  label: string;
  timeText: string;
}

// A short label, an optional separator, then the date and time ending the item.
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+\\d';
const SHAPE = new RegExp(`^(\\p{L}[\\p{L}\\s'-]{2,60}?)\\s*(?:[:\\-–—]\\s*|\\s+(?:at|on)\\s+|\\s)((?:\\d|${MONTH}).*?)\\s*\\.?$`, 'iu');

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
    const phase = classifyPhase(m[1]!);
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
