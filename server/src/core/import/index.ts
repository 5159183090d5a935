// Timeline import: inputs from Slack, PagerDuty, Opsgenie, Alertmanager, git or timestamped lines become
// entries in the document's own timeline shape. Pure: text in, insert-only edits and a preview out.
// The result is read back with the engine before it is offered: every new entry must read at its instant
// with its phase and every entry the author wrote must read as before, else nothing is offered.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Phase, Postmortem } from '../model/types';
import type { TemplateSpec } from '../template/schema';
import { applyTextEdits } from '../textEdits';
import { within } from '../model/sections';
import { formatWall, wallAt, type TimeStyle } from '../completion/timeStyle';
import { readInput } from './read';
import { readShape, type Shape } from './shape';
import { place, type Dates, type Placement } from './place';
import type { ImportedEvent, SourceId, Unreadable } from './types';

export { SOURCES, type SourceId, type ImportedEvent, type Unreadable } from './types';
export { detectSource } from './detect';

export interface ImportInput {
  text: string;
  /** Shown in messages (a file name, or 'clipboard'). */
  name: string;
  source?: SourceId | 'auto';
}

export interface ImportOptions {
  /** Slack users.json text. */
  users?: string;
  /** Today (YYYY-MM-DD), for Slack's "Today" and "Yesterday". */
  today?: string | null;
  /** Where the input was pasted (0-based line): outside the timeline section nothing is read. */
  line?: number;
}

export interface ImportEntry {
  /** The time as written into the document. */
  time: string;
  text: string;
  /** The phase the engine reads for the entry once inserted. */
  phase: Phase | null;
  at: number;
  /** 0-based line in the new text. */
  line: number;
  source: SourceId;
}

export interface ImportResult {
  /** Insertions only; empty when nothing can be placed. */
  edits: TextEdit[];
  entries: ImportEntry[];
  /** First and last new entry, with their date and zone, for the preview. */
  first: string | null;
  last: string | null;
  zone: string;
  duplicates: number;
  skipped: { reason: string; count: number }[];
  unreadable: (Unreadable & { input: string })[];
  /** Inputs refused as a whole (not the format, broken). */
  errors: { input: string; message: string }[];
  sources: { input: string; source: SourceId }[];
  /** Why nothing could be placed in this document, when so. */
  problem: string | null;
  /** True when times were written with their date because time-only ones would read differently. */
  datesAdded: boolean;
  /** True when `line` was given and is not inside the timeline section (a paste elsewhere). */
  outside: boolean;
}

/** Re-reads a text with the engine (the service analyses a scratch document). */
export type Analyze = (text: string) => Postmortem;

const dated = (style: TimeStyle): TimeStyle => (style.date ? style : { ...style, date: { sep: '-', pad: true }, between: ' ' });

export function importTimeline(model: Postmortem, template: TemplateSpec | null, inputs: ImportInput[], options: ImportOptions, analyze: Analyze): ImportResult {
  const shape = readShape(model, template);
  const zone = 'problem' in shape ? (model.timeline.statedZone ?? model.zone) : shape.zone;
  const result: ImportResult = {
    edits: [],
    entries: [],
    first: null,
    last: null,
    zone,
    duplicates: 0,
    skipped: [],
    unreadable: [],
    errors: [],
    sources: [],
    problem: null,
    datesAdded: false,
    outside: false,
  };
  const section = model.timeline.section;
  if (options.line !== undefined && !(section && options.line > section.headingRange.start.line && within(section, options.line))) {
    result.outside = true;
    result.problem = 'not inside the Timeline section';
    return result;
  }
  const ctx = { zone, date: model.date, today: options.today ?? null, ...(options.users !== undefined ? { users: options.users } : {}) };
  const events: ImportedEvent[] = [];
  const skipped: Record<string, number> = {};
  for (const input of inputs) {
    const r = readInput(input.text, input.source ?? 'auto', ctx);
    if ('error' in r) {
      result.errors.push({ input: input.name, message: r.error });
      continue;
    }
    result.sources.push({ input: input.name, source: r.source });
    events.push(...r.events);
    for (const u of r.unreadable) result.unreadable.push({ ...u, input: input.name });
    for (const [why, n] of Object.entries(r.skipped)) skipped[why] = (skipped[why] ?? 0) + n;
  }
  if ('problem' in shape) {
    result.problem = shape.problem;
    return result;
  }
  if (!events.length) return withSkipped(result, skipped);

  // The document's own time format first; where a time alone would read on another day, with its date
  // where the day changes; else every new time with its date.
  let attempt = tryPlace(model, shape, events, shape.style, 'style', analyze);
  for (const dates of shape.style.date ? [] : (['day-change', 'always'] as const)) {
    if (attempt.ok) break;
    const again = tryPlace(model, shape, events, shape.style, dates, analyze);
    if (again.ok) [attempt, result.datesAdded] = [again, true];
  }
  const p = attempt.placement;
  result.duplicates = p.duplicates;
  for (const [why, n] of Object.entries(p.skipped)) skipped[why] = (skipped[why] ?? 0) + n;
  if (!attempt.ok) {
    result.problem = attempt.why;
    return withSkipped(result, skipped);
  }
  result.edits = p.edits;
  result.entries = attempt.entries;
  const previewStyle = { ...dated(shape.style), seconds: false };
  const when = (at: number) => formatWall(previewStyle, wallAt(at, shape.zone)) + (previewStyle.suffix ? '' : ` ${shape.zone}`);
  const ats = attempt.entries.map((e) => e.at);
  if (ats.length) [result.first, result.last] = [when(Math.min(...ats)), when(Math.max(...ats))];
  return withSkipped(result, skipped);
}

function withSkipped(result: ImportResult, skipped: Record<string, number>): ImportResult {
  result.skipped = Object.entries(skipped).map(([reason, count]) => ({ reason, count }));
  return result;
}

type Attempt = { ok: true; placement: Placement; entries: ImportEntry[] } | { ok: false; placement: Placement; why: string };

function tryPlace(model: Postmortem, shape: Shape, events: ImportedEvent[], style: TimeStyle, dates: Dates, analyze: Analyze): Attempt {
  const placement = place(model, shape, events, style, dates);
  if (!placement.edits.length) return { ok: true, placement, entries: [] };
  const next = analyze(applyTextEdits(model.text, placement.edits));
  const byLine = new Map(next.timeline.entries.map((e) => [e.line, e]));
  const same = (a: number | null, b: number) => a !== null && (style.seconds ? Math.floor(a / 1000) === Math.floor(b / 1000) : Math.floor(a / 60_000) === Math.floor(b / 60_000));
  for (const old of shape.entries) {
    const now = byLine.get(placement.mapLine(old.line));
    if (!now || now.at !== old.at) return { ok: false, placement, why: `the new entries would change how the entry on line ${old.line + 1} (${old.timeText}) reads` };
  }
  const entries: ImportEntry[] = [];
  for (const p of placement.placed) {
    const e = byLine.get(p.line);
    if (!e || !same(e.at, p.event.at)) return { ok: false, placement, why: `'${p.time}' would not read as ${new Date(p.event.at).toISOString()} in this timeline` };
    if (p.event.phase && e.phase !== p.event.phase) return { ok: false, placement, why: `'${p.text}' would not read as ${p.event.phase}` };
    entries.push({ time: p.time, text: p.text, phase: e.phase, at: p.event.at, line: p.line, source: p.event.source });
  }
  return { ok: true, placement, entries };
}
