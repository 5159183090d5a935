// Timeline times written in different zones (some UTC, some PT), or a seasonal abbreviation that
// contradicts the date (PST on a summer date). The engine compares instants either way, but a
// reader comparing clock readings is misled, and a wrong abbreviation shifts the time by an hour.
import type { Rule, Finding } from './rule';
import type { Postmortem, TimelineEntry } from '../model/types';
import { formatInstant, labelOffset, matchLeadingTime, parseTime, zoneObject } from '../time';
import { stripMarks } from '../model/text';
import { keptTextMemo } from '../parse/memo';
import { memoByInstant } from '../time/instantMemo';
import { keptCarried } from './carried';
import { keptWeakMap } from '../state';

interface Seasonal {
  region: string;
  daylight: boolean;
  /** Standard time used all year somewhere (Arizona's MST, Queensland's AEST): never wrong in summer. */
  allYear?: boolean;
}

const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const std = (region: string, allYear = false): Seasonal => ({ region, daylight: false, allYear });
const dst = (region: string): Seasonal => ({ region, daylight: true });

// Abbreviations first: the first key of a region with the right offset names its actual state.
const SEASONAL: Readonly<Record<string, Seasonal>> = {
  pst: std(LA),
  pdt: dst(LA),
  est: std(NY),
  edt: dst(NY),
  cst: std(CHI),
  cdt: dst(CHI),
  mst: std(DEN, true),
  mdt: dst(DEN),
  akst: std('America/Anchorage'),
  akdt: dst('America/Anchorage'),
  hst: std('Pacific/Honolulu', true),
  cet: std('Europe/Berlin'),
  cest: dst('Europe/Berlin'),
  eet: std('Europe/Athens'),
  eest: dst('Europe/Athens'),
  wet: std('Europe/Lisbon'),
  west: dst('Europe/Lisbon'),
  bst: dst('Europe/London'),
  aest: std('Australia/Sydney', true),
  aedt: dst('Australia/Sydney'),
  nzst: std('Pacific/Auckland'),
  nzdt: dst('Pacific/Auckland'),
  'pacific standard time': std(LA),
  'pacific daylight time': dst(LA),
  'eastern standard time': std(NY),
  'eastern daylight time': dst(NY),
  'central standard time': std(CHI),
  'central daylight time': dst(CHI),
  'mountain standard time': std(DEN, true),
  'mountain daylight time': dst(DEN),
  'central european summer time': dst('Europe/Berlin'),
  'british summer time': dst('Europe/London'),
};

const seasonal = (written: string | null) => (written ? SEASONAL[written.trim().toLowerCase().replace(/\s+/g, ' ')] : undefined);

/** Zones that follow the same clocks count as one: PST, PDT and PT are all Pacific time. */
const familyOf = (zone: string, written: string | null) => seasonal(written)?.region ?? zone;

export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

const offsetOf = memoByInstant((zone, at) => zoneObject(zone)?.offset(at) ?? null);

/** The zone text the entry's own time was written with ('PT', 'UTC', 'Z'), if any. */
function writtenZone(e: TimelineEntry): string | null {
  return e.zoneSource === 'entry' ? zoneTextOf.get(e.timeText) : null;
}

// Per time text: every entry is asked on every version, and most did not change.
const zoneTextOf = keptTextMemo((timeText): string | null => {
  const text = stripMarks(timeText);
  return (parseTime(text) ?? matchLeadingTime(text)?.time)?.zoneText ?? null;
});

/** What an entry's own zone says, whatever the rest of the timeline does. */
interface EntryZone {
  written: string | null;
  family: string;
  /** The finding when its seasonal abbreviation contradicts its date. */
  contradicts: string | null;
  /** Read as the region's clock anyway: the finding is a hint, not a shifted time. */
  regional: boolean;
}

// Per entry (the model keeps an unchanged entry's object, and never changes one): only new entries are read.
const entryZones = keptWeakMap<TimelineEntry, EntryZone>();
const perEntry = keptCarried<TimelineEntry, EntryZone>();
function entryZone(e: TimelineEntry): EntryZone {
  let z = entryZones.get(e);
  if (!z) {
    const written = writtenZone(e);
    const c = written !== null && e.at !== null ? contradiction(written, e.zone, e.at) : null;
    const contradicts = c
      ? `${written} is ${kindOf(written!)} time (${offsetLabel(c.label)}), but on ${c.day} those clocks are on ${otherKind(written!)} time ` +
        `(${c.actualName}, ${offsetLabel(c.actual)}); '${e.timeText}' was read ${readAs(c)}. Write ${c.actualName} if that is what the clock showed.`
      : null;
    entryZones.set(e, (z = { written, family: familyOf(e.zone, written), contradicts, regional: c?.regional ?? false }));
  }
  return z;
}

/** The timeline's stated zone as written, without a trailing alias: 'Pacific Time (PT)' -> 'Pacific Time'. */
function statedText(model: Postmortem): string | null {
  const r = model.timeline.statedZoneRange;
  if (!r) return null;
  // (?<!\s) and [^()]: linear on long runs of spaces or '('.
  return (
    (model.lines[r.start.line] ?? '')
      .slice(r.start.character, r.end.character)
      .replace(/(?<!\s)\s*\([^()]*\)\s*$/, '')
      .trim() || null
  );
}

/** When a seasonal abbreviation contradicts the region's clocks at `at`: what they actually showed, the offset
 *  the label names, and whether the time was read as the region's clock (then it is only a hint). */
function contradiction(written: string, zone: string, at: number): { label: number; actual: number; actualName: string; day: string; regional: boolean } | null {
  const s = seasonal(written);
  if (!s || (!s.daylight && s.allYear)) return null;
  const used = offsetOf(zone, at);
  const actual = offsetOf(s.region, at);
  const named = labelOffset(written);
  const label = named ?? used;
  if (label === null || actual === null || label === actual) return null;
  const name = Object.keys(SEASONAL).find((k) => k.length <= 5 && SEASONAL[k]!.region === s.region && (labelOffset(k) ?? offsetOf(k, at)) === actual);
  return { label, actual, actualName: name ? name.toUpperCase() : offsetLabel(actual), day: formatInstant(at, s.region, 'yyyy-MM-dd'), regional: named !== null && used === actual };
}

/** How the time was read, for the message. */
const readAs = (c: { label: number; actual: number; actualName: string; regional: boolean }) =>
  c.regional ? `as the region's local time, ${c.actualName} (${offsetLabel(c.actual)}), as readers do` : `as ${offsetLabel(c.label)}`;

const kindOf = (written: string) => (seasonal(written)!.daylight ? 'daylight' : 'standard');
const otherKind = (written: string) => (seasonal(written)!.daylight ? 'standard' : 'daylight');

export const timezoneMixed: Rule = {
  id: 'timezone-mixed',
  defaultSeverity: 'warning',
  description: 'Timeline times are written in different zones, or a zone abbreviation contradicts the date (PST in summer).',
  check({ model }) {
    const out: Finding[] = [];
    const { entries, statedZone, statedZoneRange } = model.timeline;
    const zones = perEntry.map(entries, entryZone);
    const zoned: { e: TimelineEntry; z: EntryZone }[] = [];
    for (let i = 0; i < entries.length; i++) if (zones[i]!.written !== null) zoned.push({ e: entries[i]!, z: zones[i]! });

    // The zone the timeline is in: the one stated for it, else most entries' (zoneless ones are timezone-missing's).
    let reference: { family: string; name: string; basis: string } | null = null;
    if (statedZone && statedZoneRange) {
      const text = statedText(model) ?? statedZone;
      reference = { family: familyOf(statedZone, text), name: text, basis: `stated on line ${statedZoneRange.start.line + 1}` };
    } else if (zoned.length) {
      const counts = new Map<string, { n: number; name: string }>();
      for (const { z } of zoned) {
        const { family: f, written } = z;
        const c = counts.get(f);
        if (c) c.n++;
        else counts.set(f, { n: 1, name: written! });
      }
      const [family, top] = [...counts].reduce((a, b) => (b[1].n > a[1].n ? b : a));
      if (counts.size > 1) reference = { family, name: top.name, basis: `${top.n} of ${zoned.length} entries` };
    }

    for (const { e, z } of zoned) {
      const { written, family, contradicts } = z;
      if (reference && family !== reference.family) {
        const used = e.at !== null ? offsetOf(e.zone, e.at) : null;
        const read = used !== null && offsetLabel(used) !== written ? ` (read as ${offsetLabel(used)})` : '';
        out.push({
          range: e.timeRange,
          message: `'${e.timeText}' is written in ${written}${read} but the timeline is in ` + `${reference.name} (${reference.basis}): write every time in one zone so readers can compare them.`,
        });
      }
      if (contradicts) out.push({ range: e.timeRange, message: contradicts, ...(z.regional ? { severity: 'information' as const } : {}) });
    }

    // A seasonal abbreviation stated for the whole timeline: check it against the first entry it contradicts.
    const text = statedText(model);
    if (statedZone && statedZoneRange && text && seasonal(text)) {
      for (const e of entries) {
        const c = e.zoneSource === 'timeline' && e.at !== null ? contradiction(text, statedZone, e.at) : null;
        if (!c) continue;
        out.push({
          range: statedZoneRange,
          message:
            `${text} is ${kindOf(text)} time (${offsetLabel(c.label)}), but on ${c.day} (line ${e.line + 1}) those clocks are on ` +
            `${otherKind(text)} time (${c.actualName}, ${offsetLabel(c.actual)}); the timeline was read ${readAs(c)}. Write ${c.actualName} if that is what the clocks showed.`,
          ...(c.regional ? { severity: 'information' as const } : {}),
        });
        break;
      }
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line);
  },
};
