import type { ListItemInfo } from '../parse/blockInfo';
import type { DocRow } from '../parse/document';
import type { StatedWindow } from './fields';
import type { Milestone } from './milestones';

// The post-mortem as the author wrote it. Every element carries its exact source range
// (0-based LSP positions) so diagnostics and fixes can be precise.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The timeline's phases in the order an incident goes through them (the template schema's too). */
export const PHASES = ['started', 'detected', 'acknowledged', 'mitigated', 'restored', 'resolved'] as const;
export type Phase = (typeof PHASES)[number];

export interface Section {
  title: string;
  level: number;
  /** The heading line. */
  headingRange: Range;
  /** From the heading to just before the next heading of the same or higher level. */
  range: Range;
  /** Id of the template section this heading matches, when any. */
  templateId: string | null;
  children: Section[];
}

export interface Field {
  key: string;
  /** The value text as written (trimmed). */
  raw: string;
  line: number;
  keyRange: Range;
  valueRange: Range;
  range: Range;
  /** Title of the innermost section the field lies in ('' before the first heading). */
  section: string;
}

export type TimeZoneSource = 'entry' | 'timeline' | 'document' | 'config' | 'default';

export interface TimelineEntry {
  /** Raw time text as written, e.g. `11:44 PM` or `2024-03-10 02:30`. */
  timeText: string;
  timeRange: Range;
  /** The instant in epoch milliseconds, or null when the time cannot be read. */
  at: number | null;
  /** IANA zone (or fixed offset such as `UTC+02:00`) used to read the time. */
  zone: string;
  zoneSource: TimeZoneSource;
  /** True when the entry's time text had its own date. */
  hasDate: boolean;
  text: string;
  textRange: Range;
  owner: string | null;
  ownerRange: Range | null;
  phase: Phase | null;
  /** Whole line (list item or table row, or 003-style block). */
  range: Range;
  line: number;
}

export interface ActionItem {
  id: string | null;
  idRange: Range | null;
  text: string;
  owner: string | null;
  ownerRange: Range | null;
  dueText: string | null;
  dueRange: Range | null;
  /** ISO date (YYYY-MM-DD) when the due text reads as a date. */
  due: string | null;
  priority: string | null;
  status: string | null;
  statusRange: Range | null;
  done: boolean;
  range: Range;
  line: number;
  shape: 'table' | 'checkbox';
}

/** The computed metrics (the template schema's too); their labels are in metricNames.ts. */
export const METRIC_KINDS = ['duration', 'timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** A metric the author stated in a field, e.g. `**Time to Acknowledge (TTA):** 00:07`. */
export interface StatedMetric {
  kind: MetricKind;
  field: Field;
  /** Minutes read from the value; null when it is a placeholder or unreadable. */
  minutes: number | null;
}

export interface Metrics {
  start: number | null;
  end: number | null;
  durationMinutes: number | null;
  timeToDetectMinutes: number | null;
  timeToAcknowledgeMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  /** How each value was derived, for hover and the preview. */
  basis: Partial<Record<MetricKind | 'start' | 'end', string>>;
  /** The same metric under the other common definitions (time to acknowledge from the start, a duration
   *  that ends at mitigation, time to resolve to the fix), when they can be computed: a stated value may use one. */
  alternatives: Partial<Record<MetricKind, MetricAlternative[]>>;
}

export interface MetricAlternative {
  minutes: number;
  /** The definition's id as a template declares it ('from-start'). */
  definition: string;
  /** The computation, e.g. 'acknowledged line 12 (…) − start'. */
  basis: string;
}

export interface Timeline {
  /** The section holding the timeline, when there is one. */
  section: Section | null;
  entries: TimelineEntry[];
  /** Zone stated for the whole timeline (statement line, heading or column header). */
  statedZone: string | null;
  statedZoneRange: Range | null;
  shape: 'list' | 'table' | 'blocks' | null;
  /** For tables: the header cells, to complete rows in the same shape. */
  columns: string[];
}

export interface Postmortem {
  uri: string;
  version: number;
  text: string;
  lines: string[];
  isPostmortem: boolean;
  /** Why it was recognised (or not), for the CLI and hover. */
  detection: string;
  /** The template whose conformance rules apply (null: a generic post-mortem). */
  templateId: string | null;
  /** Why that template applies, or why none does (hover on the title, CLI, preview). */
  templateReason: string;
  /** The template was chosen (front matter, the configured default), not recognised by the document's shape. */
  templateChosen: boolean;
  /** The nearest template when none applies, offered as "Check against template X". */
  closestTemplateId: string | null;
  frontMatter: Record<string, unknown> | null;
  frontMatterRange: Range | null;
  title: string | null;
  sections: Section[]; // flat, document order
  fields: Field[];
  timeline: Timeline;
  actionItems: ActionItem[];
  statedMetrics: StatedMetric[];
  /** Start and end the author stated in fields (not computed from the timeline). */
  statedWindow: StatedWindow;
  severity: Field | null;
  /** Document date (YYYY-MM-DD) from the date fields or front matter. */
  date: string | null;
  /** Zone used for times with no zone of their own. */
  zone: string;
  zoneSource: TimeZoneSource;
  /** Phases stated outside the timeline with a full date and time (key-event lists). */
  milestones: Milestone[];
  metrics: Metrics;
  /** Inline comment directives: rules disabled for the file / per line. */
  disabled: { file: Set<string>; lines: Map<number, Set<string>> };
  /** Every list item and table row, for rules that look at whole values. */
  listItems: ListItemInfo[];
  rows: DocRow[];
  /** True when the document was too large for more than structure-only analysis. */
  degraded: boolean;
  /** Lines inside fenced code or a comment spanning lines, where nothing is read or linted. */
  codeLines: Set<number>;
  /** The comments' lines among them (an empty section may hold a comment, not code). */
  commentLines: Set<number>;
}
