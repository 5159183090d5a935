// The metrics by name: how each is labelled, what the timeline must hold to compute it, and the
// common definitions it can be computed by. The preview, hover, the rules and Insights all say a
// metric's name from here.
import type { MetricKind, Metrics } from './types';

/** As a heading or label: "Time to detect". */
export const METRIC_LABEL: Readonly<Record<MetricKind, string>> = {
  duration: 'Duration',
  timeToDetect: 'Time to detect',
  timeToAcknowledge: 'Time to acknowledge',
  timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve',
};

/** Inside a sentence: "time to detect". */
export const metricName = (kind: MetricKind): string => METRIC_LABEL[kind].toLowerCase();

/** The usual abbreviation ("TTD"); the duration has none. */
export const METRIC_SHORT: Readonly<Record<MetricKind, string>> = {
  duration: 'duration',
  timeToDetect: 'TTD',
  timeToAcknowledge: 'TTA',
  timeToMitigate: 'TTM',
  timeToResolve: 'TTR',
};

/** What the timeline must hold for the metric to be computed. */
export const METRIC_NEEDS: Readonly<Record<MetricKind, string>> = {
  duration: 'a start and an end (a "resolved" or "restored" entry, or a stated end)',
  timeToDetect: 'a start and a "detected" entry',
  timeToAcknowledge: 'a "detected" and an "acknowledged" entry',
  timeToMitigate: 'a start and a "mitigated" entry',
  timeToResolve: 'a start and a "resolved" or "restored" entry (or an end)',
};

/** The definition each metric is computed by unless a template declares another (template `metrics`). */
export const DEFAULT_DEFINITION: Readonly<Record<MetricKind, string>> = {
  duration: 'to-end',
  timeToDetect: 'from-start',
  timeToAcknowledge: 'from-detection',
  timeToMitigate: 'from-start',
  timeToResolve: 'from-start',
};

/** A definition in words, for messages. */
export const DEFINITION_WORDS: Readonly<Record<string, string>> = {
  'from-start': 'measured from the start',
  'from-detection': 'measured from detection',
  'to-end': 'measured to the end',
  'to-mitigation': 'measured to mitigation',
  'to-restoration': 'measured to the fix (service restored)',
};

/** The computed value of a metric in minutes, null when it could not be computed. */
export const computedMinutes = (metrics: Metrics, kind: MetricKind): number | null => metrics[`${kind}Minutes` as const];
