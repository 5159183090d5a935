// What the import readers produce: events with absolute instants, before they take the document's shape.
import type { Phase } from '../model/types';

export const SOURCES = ['slack-export', 'slack-text', 'pagerduty', 'opsgenie', 'alertmanager', 'git', 'lines'] as const;
export type SourceId = (typeof SOURCES)[number];

export interface ImportedEvent {
  /** Epoch milliseconds. */
  at: number;
  /** One line of text, markdown-safe except for table pipes (escaped when placed in a row). */
  text: string;
  /** Who did or said it, for an owner column. */
  who: string | null;
  /** Written before the text as `who: text` when the timeline has no owner column (chat messages). */
  whoInText: boolean;
  /** The phase the source itself states (a PagerDuty trigger, an alert firing); null to leave it to the wording. */
  phase: Phase | null;
  source: SourceId;
}

/** A line (1-based) of an input the reader could not read, and why. */
export interface Unreadable {
  line: number;
  text: string;
  reason: string;
}

export interface ReadResult {
  source: SourceId;
  events: ImportedEvent[];
  unreadable: Unreadable[];
  /** Items read and deliberately left out (joins, bot noise), with a count per reason. */
  skipped: Record<string, number>;
}

/** What a reader may need from the document: the zone and date its dateless times are read in. */
export interface ReadContext {
  zone: string;
  date: string | null;
  /** Today's date (YYYY-MM-DD) in `zone`, for Slack's "Today" and "Yesterday". */
  today: string | null;
  /** Slack users.json text, to turn user ids into names. */
  users?: string;
}

/** Input that is not the format (or is broken): the whole input is refused with this message. */
export class ImportFormatError extends Error {}
