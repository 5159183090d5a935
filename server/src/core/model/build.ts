// Text -> Postmortem. Parsing is per block and reuses the previous version's blocks.
import { parse as parseYaml } from 'yaml';
import { parseDocument, type BlockCache, type Last, type ParsedDocument } from '../parse/document';
import type { Config, TemplateSpec } from '../template/schema';
import { findZoneStatement, parseDate, resolveZone } from '../time';
import { scanDates, settleByNamedDays } from '../time/dateTokens';
import type { Postmortem, TimeZoneSource } from './types';
import { detect } from './detect';
import { buildSections } from './sections';
import { buildFields, readStated } from './fields';
import { frontMatterFields, plainFields, tableFields } from './plainFields';
import { buildTimeline, findTimelineSection, statedZone } from './timeline';
import { severalIncidentLists } from './timelineLeadIn';
import { buildActionItems, updateActionItems } from './actionItems';
import { updateTimeline } from './timelineUpdate';
import { computeMetrics, metricsStillHold } from './metrics';
import { keptWeakMap, resumable } from '../state';
import { timelineBaseDate } from './timelineDate';
import { dateIn, openingZone, proseMilestones, statedSentence } from './statedSentence';
import { statedHeadings } from './statedHeading';
import { dividerMilestone, readMilestones, resolutionReference, sameMilestones } from './milestones';
import { readDirectives } from './directives';
import { normalizeTitle, range, stripMarks } from './text';

export interface DocumentInput {
  uri: string;
  version: number;
  text: string;
}

/** What settle() makes when first asked for. */
interface Late {
  window: Postmortem['statedWindow'];
  milestones: Postmortem['milestones'];
  metrics: Postmortem['metrics'];
}
const lateParts = keptWeakMap<Postmortem, Late>();
/** The last version's model, kept when this version took the parser's general path: the next
 *  edit may be read from that version instead (see Last.before). Never written on the typing path. */
const modelOf = keptWeakMap<Last, Postmortem>();

export function buildModel(
  input: DocumentInput,
  templates: TemplateSpec[],
  config: Config,
  previous?: BlockCache,
  /** The model built with `previous` (the last version): a one-line edit then updates it. */
  prevModel?: Postmortem,
): { model: Postmortem; cache: BlockCache } {
  const beforeLast = previous?.last?.before?.last;
  const { doc, cache } = parseDocument(input.text, previous);
  const before = cache.last?.before?.last;
  if (before && prevModel) modelOf.set(before, prevModel);
  const base = doc.editFromBefore ? beforeLast && modelOf.get(beforeLast) : prevModel;
  const prev = doc.edit && base?.lines.length === doc.lines.length - doc.edit.added + doc.edit.removed ? base : undefined;
  const frontMatter = doc.frontMatter?.toml ? readToml(doc.frontMatter.text) : readFrontMatter(doc.frontMatter?.text);
  const plain = [...frontMatterFields(doc), ...plainFields(doc), ...tableFields(doc)];
  const fieldInfos = plain.length ? [...doc.fields, ...plain].sort((a, b) => a.line - b.line) : doc.fields;
  const detection = config.enable
    ? detect({ uri: input.uri, frontMatter, headings: doc.headings, fields: fieldInfos, lines: doc.lines }, templates, config.files, config.defaultTemplate)
    : { isPostmortem: false, template: null, reason: 'disabled by configuration', templateReason: 'disabled by configuration', templateChosen: false, closest: null };
  const template = detection.template;
  const sections = buildSections(doc.headings, doc.lines, template);
  const fields = buildFields(fieldInfos, sections);

  const date = documentDate(fields, frontMatter, doc);
  const zone = documentZone(fields, frontMatter, config, doc);
  // Stated start/end fields are read in the document's zone, else the timeline's stated one.
  const timelineSection = findTimelineSection(sections, template, doc);
  const timelineZone = (zone.source === 'document' && !zone.fromProse) || !timelineSection ? null : statedZone(doc, timelineSection);
  const stated = readStated(fields, sections, template, date, timelineZone?.zone ?? zone.zone);
  const sameTemplate = prev?.templateId === (template?.id ?? null);
  const day = timelineBaseDate(doc, fields, input.uri, date);
  const timeline = (sameTemplate && updateTimeline(prev!.timeline, doc, sections, template, day, zone)) || buildTimeline(doc, sections, fields, template, day, zone);
  // Prose outside code and the timeline, and the dates it may be checked against.
  // The range first: in a long document most lines are the timeline's, and this runs for each line.
  const skip = (l: number) => (!!timelineSection && l >= timelineSection.range.start.line && l <= timelineSection.range.end.line) || doc.codeLines.has(l);
  const anchors = () => {
    const titleDate = dateIn(doc.headings.find((h) => h.depth === 1)?.text ?? '');
    return [...(titleDate ? [Date.parse(`${titleDate}T12:00:00Z`)] : []), ...timeline.entries.flatMap((e) => (e.at === null ? [] : [e.at]))];
  };
  const actionItems = (sameTemplate && updateActionItems(prev!.actionItems, prev!.sections, doc, sections, template)) || buildActionItems(doc, sections, template);
  // What prose states of the window and milestones, and the metrics: made when first asked for (completion
  // while typing never asks), from the last version's when an edit leaves them standing.
  const prevLate = prev && lateParts.get(prev);
  let last = prevLate ? { late: prevLate, entries: prev!.timeline.entries, several: severalIncidentLists.has(prev!.timeline) } : undefined;
  let late: Late | undefined;
  const inState = resumable();
  const settle = (): Late => late ?? inState(settleNow);
  const settleNow = (): Late => {
    const several = severalIncidentLists.has(timeline);
    let window = stated.window;
    // No start or end field: a heading may state them, with the date and time under it.
    if (!window.start || !window.end) {
      const h = statedHeadings(doc.headings, doc.lines, timelineZone?.zone ?? zone.zone);
      window = { start: window.start ?? h.start, end: window.end ?? h.end };
    }
    // Neither: a sentence may state the window ("Between approximately … and …").
    if (!window.start && !window.end && !several) {
      window = statedSentence(doc.lines, skip, day, timelineZone?.zone ?? zone.zone, anchors);
    }
    const milestones = readMilestones(doc.items, timeline.section, timelineZone?.zone ?? zone.zone);
    // The author's own marks of the end: a "Post-resolution:" line, or prose naming the resolving event.
    const end = dividerMilestone(doc.lines, timeline) ?? resolutionReference(doc.lines, timeline);
    if (end) milestones.push(end);
    // Detection or acknowledgement the timeline leaves unmarked may be stated in a sentence.
    const marked = new Set([...timeline.entries.map((e) => e.phase), ...milestones.map((m) => m.phase)]);
    if (detection.isPostmortem && !several && (!marked.has('detected') || !marked.has('acknowledged'))) {
      milestones.push(...proseMilestones(doc.lines, skip, day, anchors).filter((m) => !marked.has(m.phase)));
    }
    const metrics =
      last &&
      sameWindow(window, last.late.window) &&
      sameMilestones(milestones, last.late.milestones) &&
      several === last.several &&
      (timeline.entries === last.entries || metricsStillHold(last.late.metrics, last.entries, timeline.entries))
        ? last.late.metrics
        : // An incident log's lists (one per incident, newest first): no entry is the document's start or end.
          computeMetrics(several ? [] : timeline.entries, window, milestones, template?.metrics);
    late = { window, milestones, metrics };
    last = undefined; // the last version's entries are no longer needed
    lateParts.set(model, late);
    return late;
  };
  const severityKey = normalizeTitle(template?.severity.field ?? 'Severity');
  const model: Postmortem = {
    uri: input.uri,
    version: input.version,
    text: input.text,
    lines: doc.lines,
    isPostmortem: detection.isPostmortem,
    detection: detection.reason,
    templateReason: detection.templateReason,
    templateChosen: detection.templateChosen,
    closestTemplateId: detection.closest?.id ?? null,
    templateId: template?.id ?? null,
    frontMatter,
    frontMatterRange: doc.frontMatter ? range(doc.frontMatter.start, 0, doc.frontMatter.end, 3) : null,
    title: doc.headings.find((h) => h.depth === 1)?.text ?? null,
    sections,
    fields,
    timeline,
    actionItems,
    statedMetrics: stated.metrics,
    get statedWindow() {
      return settle().window;
    },
    severity: fields.find((f) => normalizeTitle(f.key) === severityKey) ?? fields.find((f) => /^(severity|sev|priority)$/i.test(f.key)) ?? null,
    date,
    zone: zone.zone,
    zoneSource: zone.source,
    get milestones() {
      return settle().milestones;
    },
    get metrics() {
      return settle().metrics;
    },
    disabled: (prev && sameDirectives(prev, doc.lines, doc.edit!)) || readDirectives(doc.lines, frontMatter),
    listItems: doc.items,
    rows: doc.rows,
    codeLines: doc.codeLines,
    commentLines: doc.commentLines,
    degraded: doc.degraded ?? false,
  };
  return { model, cache };
}

function readFrontMatter(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  try {
    // Errors still throw (caught below); warnings must not reach the process's stderr.
    const v: unknown = parseYaml(text, { logLevel: 'error' });
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** TOML front matter: only top-level `key = "string"` pairs matter here (title, template, type). */
function readToml(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    if (/^\s*\[/.test(line)) break;
    const m = /^\s*([\w-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** Front matter keys holding an instant of the incident itself ('detected_at', 'incident_start', 'resolved_at'). */
const INCIDENT_INSTANT_KEY = /^(?:incident[_ ]?)?(?:detected|resolved|start|started|end|ended)(?:[_ ]?at|[_ ]?time)?$/i;

const DATE_KEYS: ReadonlySet<string> = new Set(['date', 'incident date', 'date of incident', 'date and time', 'date and time (utc)']);

function documentDate(fields: Postmortem['fields'], fm: Record<string, unknown> | null, doc: ParsedDocument): string | null {
  for (const f of fields) {
    if (!DATE_KEYS.has(normalizeTitle(f.key))) continue;
    // A numeric date with one reading ('16/03/2020 3am UTC') is that date.
    const d = parseDate(stripMarks(f.raw)) ?? parseDate(stripMarks(f.raw).slice(0, 10)) ?? scanDates(f.raw).find((t) => t.iso !== null)?.iso;
    if (d) return d;
    // One either way round ('03.08.2023') that the text's days in words settle ('the afternoon of 3rd of August').
    const either = scanDates(f.raw).find((t) => t.ambiguous);
    const settled = either ? settleByNamedDays(either, doc.lines.filter((_, l) => !doc.codeLines.has(l)).join('\n')) : null;
    if (settled) return settled;
  }
  // A day the front matter's title names ('Incident Report: June 6th, 2025') is the incident's; its
  // `date` may be when the page was published.
  const title = fm?.['title'];
  const titled = typeof title === 'string' ? scanDates(title).find((t) => t.iso !== null)?.iso : undefined;
  if (titled) return titled;
  const v = fm?.['date'];
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // A date, or an ISO date-time ('2025-06-20T17:00:00Z', as static sites write it).
  if (typeof v === 'string') {
    const d = parseDate(v) ?? (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v.trim()) ? parseDate(v.trim().slice(0, 10)) : null);
    if (d) return d;
  }
  for (const f of fields) {
    if (!/start/i.test(f.key)) continue;
    const d = parseDate(stripMarks(f.raw).slice(0, 10));
    if (d) return d;
  }
  return null;
}

/** `fromProse`: only the opening prose's times say it, so a zone the timeline states comes first. */
function documentZone(fields: Postmortem['fields'], fm: Record<string, unknown> | null, config: Config, doc: ParsedDocument): { zone: string; source: TimeZoneSource; fromProse?: true } {
  for (const key of ['timezone', 'timeZone', 'time_zone', 'tz']) {
    const v = fm?.[key];
    const z = typeof v === 'string' ? resolveZone(v) : null;
    if (z) return { zone: z, source: 'document' };
  }
  for (const f of fields) {
    if (!/time|date|start|end/i.test(f.key)) continue;
    const z = findZoneStatement(f.key);
    if (z) return { zone: z.zone, source: 'document' };
  }
  // The incident's instants in front matter with their offset ('detected_at: 2026-09-09T18:40:00-03:00').
  const offsets = new Set<string>();
  for (const [k, v] of Object.entries(fm ?? {})) {
    const m = typeof v === 'string' && INCIDENT_INSTANT_KEY.test(k) ? /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?([+-]\d{2}:?\d{2})$/.exec(v.trim()) : null;
    if (m) offsets.add(m[1]!);
  }
  const offset = offsets.size === 1 ? resolveZone(`UTC${[...offsets][0]!}`) : null;
  if (offset) return { zone: offset, source: 'document' };
  // "All times in PDT (UTC-7)." stated for the whole document, above its first section.
  const firstSection = doc.headings.find((h) => h.depth > 1)?.line ?? doc.lines.length;
  for (let l = 0; l < Math.min(firstSection, 60); l++) {
    const line = doc.lines[l]!;
    if (doc.codeLines.has(l) || !/^\W*(?:all\s+)?(?:times|timestamps)\b/i.test(line)) continue;
    const z = findZoneStatement(line);
    if (z) return { zone: z.zone, source: 'document' };
  }
  // The zone every clock time of the opening prose gives ('At 6:50PM CDT on July 15, 2023 our monitoring …').
  const opening = openingZone(doc.lines, (l) => doc.codeLines.has(l), Math.min(firstSection, 60));
  if (opening) return { zone: opening, source: 'document', fromProse: true };
  const configured = config.timeZone ? resolveZone(config.timeZone) : null;
  if (configured) return { zone: configured, source: 'config' };
  return { zone: 'UTC', source: 'default' };
}

/** The same stated start and end (fields are rebuilt each version, so compare what they say). */
function sameWindow(a: Postmortem['statedWindow'], b: Postmortem['statedWindow']): boolean {
  const same = (x: typeof a.start, y: typeof a.start) => x === y || (!!x && !!y && x.at === y.at && x.field.line === y.field.line && x.field.key === y.field.key);
  return same(a.start, b.start) && same(a.end, b.end);
}

/** The last version's directives still hold when neither edited line holds one and none moved. */
function sameDirectives(prev: Postmortem, lines: string[], e: NonNullable<ParsedDocument['edit']>): Postmortem['disabled'] | null {
  const touched = (e.removed && prev.lines[e.line]!.includes('postmortem-disable')) || (e.added && lines[e.line]!.includes('postmortem-disable'));
  return touched || (e.added !== e.removed && prev.disabled.lines.size) ? null : prev.disabled;
}
