// The summary card: what the incident was and the numbers computed from its timeline, with any
// stated value that disagrees with the computed one marked and both shown.
import type { MetricKind, Postmortem, StatedMetric } from '../model/types';
import { METRIC_KINDS } from '../model/types';
import { findPlaceholders, isPlaceholderValue } from '../model/placeholders';
import { normalizeTitle, stripMarks } from '../model/text';
import { formatDuration, formatInstant } from '../time';
import { attrs, esc } from './html';

const LABEL: Readonly<Record<MetricKind, string>> = {
  duration: 'Duration',
  timeToDetect: 'Time to detect',
  timeToAcknowledge: 'Time to acknowledge',
  timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve',
};
const NEEDS: Readonly<Record<MetricKind, string>> = {
  duration: 'needs a start and an end',
  timeToDetect: 'needs a start and a "detected" entry',
  timeToAcknowledge: 'needs "detected" and "acknowledged" entries',
  timeToMitigate: 'needs a start and a "mitigated" entry',
  timeToResolve: 'needs a start and a "resolved" or "restored" entry (or an end)',
};
/** A stated value further than this from the computed one is a disagreement (as in the mismatch rules). */
const TOLERANCE_MINUTES = 1;

export const computedMinutes = (model: Postmortem, kind: MetricKind): number | null => model.metrics[`${kind}Minutes` as const];

/** The zone the card and chart speak in: the timeline's own, else the document's. */
export const displayZone = (model: Postmortem): string => model.timeline.statedZone ?? model.zone;

export function formatWhen(ms: number, zone: string): string {
  return formatInstant(ms, zone, 'yyyy-MM-dd HH:mm ZZZZ');
}

/** `invalidSeverity`: the invalid-severity finding's message, when there is one (the tag is marked with it). */
export function summaryCard(model: Postmortem, invalidSeverity?: string): string {
  const zone = displayZone(model);
  const when = (ms: number | null, basis: string | undefined) =>
    ms === null
      ? `<span${attrs({ class: 'pm-none', title: basis ?? 'not stated and not in the timeline' })}>—</span>`
      : `<span${attrs({ class: 'pm-value', title: basis })}>${esc(formatWhen(ms, zone))}</span>`;
  const facts = [fact('start', 'Start', when(model.metrics.start, model.metrics.basis.start)), fact('end', 'End', when(model.metrics.end, model.metrics.basis.end))].join('');
  const metrics = METRIC_KINDS.map((kind) => metric(model, kind)).join('');
  return (
    `<section class="pm-card pm-summary" aria-label="Summary">` +
    `<p class="pm-title">${esc(model.title ? stripMarks(model.title) : 'Untitled post-mortem')}</p>` +
    `<div class="pm-tags">${tag('severity', 'Severity', fieldValue(model, 'severity'), invalidSeverity)}${tag('status', 'Status', fieldValue(model, 'status'))}` +
    `<span class="pm-tag pm-zone" title="Times are shown in this zone">${esc(zone)}</span>` +
    `<span${attrs({ class: 'pm-tag', 'data-field': 'checking', title: model.templateReason })}>${model.templateId ? `Template <strong>${esc(model.templateId)}</strong>` : 'Generic post-mortem'}</span></div>` +
    `<dl class="pm-facts">${facts}</dl>` +
    `<dl class="pm-metrics">${metrics}</dl>` +
    `</section>`
  );
}

function fact(name: string, label: string, valueHtml: string): string {
  return `<div class="pm-fact" data-field="${name}"><dt>${label}</dt><dd>${valueHtml}</dd></div>`;
}

function tag(name: string, label: string, value: { text: string; line: number | null } | null, invalid?: string): string {
  const shown = !value
    ? `<strong class="pm-none">not set</strong>`
    : invalid
      ? `<strong${attrs({ class: 'pm-invalid', 'data-reveal-line': value.line, title: invalid })}>⚠ ${esc(value.text)}</strong>`
      : `<strong${attrs({ 'data-reveal-line': value.line })}>${esc(value.text)}</strong>`;
  return `<span class="pm-tag" data-field="${name}">${label} ${shown}</span>`;
}

/** Severity or status as written (a field, else front matter); null when missing or still a placeholder. */
export function fieldValue(model: Postmortem, which: 'severity' | 'status'): { text: string; line: number | null } | null {
  const field = which === 'severity' ? model.severity : (model.fields.find((f) => /^(?:incident )?status$/.test(normalizeTitle(f.key))) ?? null);
  if (field) {
    const text = stripMarks(field.raw);
    return text && !isPlaceholder(text) ? { text, line: field.line } : null;
  }
  const fm = model.frontMatter?.[which];
  return typeof fm === 'string' || typeof fm === 'number' ? { text: String(fm), line: null } : null;
}

export function isPlaceholder(text: string): boolean {
  if (isPlaceholderValue(text)) return true;
  const found = findPlaceholders(text);
  return found.length > 0 && found.reduce((n, p) => n + p.text.length, 0) >= text.replace(/\s+/g, '').length * 0.5;
}

function metric(model: Postmortem, kind: MetricKind): string {
  const computed = computedMinutes(model, kind);
  const stated = model.statedMetrics.filter((s): s is StatedMetric & { minutes: number } => s.kind === kind && s.minutes !== null);
  const disagreeing = computed === null ? [] : stated.filter((s) => Math.abs(s.minutes - computed) > TOLERANCE_MINUTES);
  const value =
    computed === null
      ? `<span${attrs({ class: 'pm-value pm-none', title: model.metrics.basis[kind] ?? NEEDS[kind] })}>—</span>`
      : `<span${attrs({ class: 'pm-value', title: model.metrics.basis[kind] })}>${esc(formatDuration(computed))}</span>`;
  // Stated values are shown when they disagree, or when there is nothing computed to compare with.
  const shownStated = computed === null ? stated : disagreeing;
  const notes = shownStated
    .map((s) => {
      const cls = computed === null ? 'pm-stated' : 'pm-stated pm-disagrees';
      const title = `${s.field.key}: ${s.field.raw} (line ${s.field.line + 1})`;
      return `<span${attrs({ class: cls, 'data-reveal-line': s.field.line, title, tabindex: 0, role: 'button' })}>${computed === null ? '' : '⚠ '}stated ${esc(formatDuration(s.minutes))}</span>`;
    })
    .join('');
  const cls = disagreeing.length ? 'pm-metric pm-mismatch' : 'pm-metric';
  return `<div class="${cls}" data-metric="${kind}"><dt>${LABEL[kind]}</dt><dd>${value}${notes}</dd></div>`;
}
