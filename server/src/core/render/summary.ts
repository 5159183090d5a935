// The summary card: what the incident was and the numbers computed from its timeline, with any
// stated value that disagrees with the computed one marked and both shown.
import type { MetricKind, Postmortem, StatedMetric } from '../model/types';
import { METRIC_KINDS } from '../model/types';
import { computedMinutes, METRIC_LABEL, METRIC_NEEDS } from '../model/metricNames';
import { displayZone, formatAt } from '../model/displayTime';
import { fieldValue } from '../model/fieldValue';
import { stripMarks } from '../model/text';
import { formatDuration } from '../time';
import { attrs, esc } from './html';

/** A stated value further than this from the computed one is a disagreement (as in the mismatch rules). */
const TOLERANCE_MINUTES = 1;

/** `invalidSeverity`: the invalid-severity finding's message, when there is one (the tag is marked with it). */
export function summaryCard(model: Postmortem, invalidSeverity?: string): string {
  const zone = displayZone(model);
  const when = (ms: number | null, basis: string | undefined) =>
    ms === null
      ? `<span${attrs({ class: 'pm-none', title: basis ?? 'not stated and not in the timeline' })}>—</span>`
      : `<span${attrs({ class: 'pm-value', title: basis })}>${esc(formatAt(model, ms))}</span>`;
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

function metric(model: Postmortem, kind: MetricKind): string {
  const computed = computedMinutes(model.metrics, kind);
  const stated = model.statedMetrics.filter((s): s is StatedMetric & { minutes: number } => s.kind === kind && s.minutes !== null);
  const disagreeing = computed === null ? [] : stated.filter((s) => Math.abs(s.minutes - computed) > TOLERANCE_MINUTES);
  const value =
    computed === null
      ? `<span${attrs({ class: 'pm-value pm-none', title: model.metrics.basis[kind] ?? `needs ${METRIC_NEEDS[kind]}` })}>—</span>`
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
  return `<div class="${cls}" data-metric="${kind}"><dt>${METRIC_LABEL[kind]}</dt><dd>${value}${notes}</dd></div>`;
}
