// Hover: what an element of the post-mortem means, computed from the model. A timeline time
// shows its instant and elapsed times; a stated metric shows the computed value and its basis;
// a heading shows what the template expects there; an action item id shows the item.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { DateTime } from 'luxon';
import type { RuleContext } from './rules/rule';
import type { ActionItem, Field, Postmortem, Range, Section, StatedMetric, TimeZoneSource } from './model/types';
import type { SectionSpec, TemplateSpec } from './template/schema';
import { formatDuration, formatInstant } from './time';
import { computedMinutes, METRIC_NEEDS, metricName } from './model/metricNames';
import { fieldSpec } from './model/fields';
import { actionItemLabel, occurrenceAt } from './navigation';
import { normalizeTitle, stripMarks } from './model/text';

export function hover(ctx: RuleContext, pos: Position): Hover | null {
  const { model, template } = ctx;
  if (!model.isPostmortem) return null;
  const id = occurrenceAt(model, pos);
  if (id) {
    const item = id.item ?? model.actionItems.find((it) => it.id !== null && stripMarks(it.id) === id.id);
    if (item) return reply(actionItemHover(id.id, item), id.range);
  }
  const entries = model.timeline.entries;
  const i = entries.findIndex((e) => inside(e.timeRange, pos));
  if (i >= 0) return reply(timeHover(model, template, i), entries[i]!.timeRange);
  const metric = model.statedMetrics.find((s) => inside(s.field.range, pos));
  if (metric) return reply(metricHover(model, metric), metric.field.range);
  const field = model.fields.find((f) => inside(f.range, pos));
  if (field && template) {
    const text = fieldHover(field, model, template);
    if (text) return reply(text, field.range);
  }
  const heading = model.sections.find((s) => s.headingRange.start.line === pos.line);
  if (heading && heading.title === model.title) {
    const checking = `${template ? `Checked against the **${md(template.name)}** template` : 'A **generic** post-mortem: only the universal rules apply'} (${md(model.templateReason)}).`;
    return reply(template ? `${headingHover(heading, template)}\n\n${checking}` : checking, heading.headingRange);
  }
  if (heading && template) return reply(headingHover(heading, template), heading.headingRange);
  return null;
}

const reply = (value: string, range: Range): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range });

function inside(r: Range, p: Position): boolean {
  return r.start.line === p.line && r.end.line === p.line && r.start.character <= p.character && p.character <= r.end.character;
}

/** User text inside hover markdown: keep it literal. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

const WHEN = 'yyyy-MM-dd HH:mm ZZZZ';
const ZONE_SOURCE: Record<TimeZoneSource, string> = {
  entry: "the entry's own zone",
  timeline: 'timeline zone',
  document: 'document zone',
  config: 'configured zone',
  default: 'default zone',
};

/** `T+37m`, or `T−5m` for an entry before the start. */
export function elapsed(fromMs: number, toMs: number): string {
  const minutes = Math.round((toMs - fromMs) / 60000);
  return minutes < 0 ? `T−${formatDuration(-minutes)}` : `T+${formatDuration(minutes)}`;
}

function timeHover(model: Postmortem, template: TemplateSpec | null, i: number): string {
  const e = model.timeline.entries[i]!;
  const head = `**${md(e.timeText)}** · timeline entry, line ${e.line + 1}`;
  if (e.at === null) {
    const example = template ? ` such as \`${DateTime.fromISO('2024-03-09T23:32:00', { zone: 'UTC' }).toFormat(template.timeline.timeFormat, { locale: 'en-US' })}\`` : '';
    const why = model.date === null && !e.hasDate ? ' (and the document states no date for it)' : '';
    return `${head}\n\nThis time cannot be read yet${why}: write a time${example}.`;
  }
  const lines = [head, ''];
  if (e.zone !== 'UTC') lines.push(`- ${formatInstant(e.at, e.zone, WHEN)} (\`${e.zone}\`, ${ZONE_SOURCE[e.zoneSource]})`);
  lines.push(`- ${formatInstant(e.at, 'UTC', WHEN)}`);
  const start = model.metrics.start;
  const prev = model.timeline.entries
    .slice(0, i)
    .reverse()
    .find((p) => p.at !== null);
  const steps: string[] = [];
  if (start !== null) steps.push(`\`${elapsed(start, e.at)}\` since the start`);
  if (prev) {
    const gap = Math.round((e.at - prev.at!) / 60000);
    steps.push(`\`${gap < 0 ? '−' + formatDuration(-gap) : '+' + formatDuration(gap)}\` after previous (${md(prev.timeText)}, line ${prev.line + 1})`);
  } else steps.push('first timed entry');
  lines.push(`- ${steps.join(', ')}`);
  if (e.phase) lines.push(`- Phase: **${e.phase}**`);
  return lines.join('\n');
}

function metricHover(model: Postmortem, s: StatedMetric): string {
  const label = metricName(s.kind);
  const computed = computedMinutes(model.metrics, s.kind);
  const head = `**${md(s.field.key)}** · ${label}`;
  const why = model.metrics.basis[s.kind];
  if (computed === null) return `${head}\n\n${why ? `Not computed: ${md(why.replace(/^not computed: /, ''))}.` : `Cannot be computed yet: the timeline needs ${METRIC_NEEDS[s.kind]}.`}`;
  let verdict: string;
  if (s.minutes === null) verdict = s.field.raw ? `the stated \`${s.field.raw.replace(/`/g, "'")}\` cannot be read as a duration` : 'nothing is stated yet';
  else if (Math.abs(s.minutes - computed) <= 1) verdict = `matches the stated ${formatDuration(s.minutes)}`;
  else verdict = `differs from the stated ${formatDuration(s.minutes)} by ${formatDuration(Math.abs(s.minutes - computed))}`;
  const basis = model.metrics.basis;
  const how = s.kind === 'duration' ? 'end − start' : md(basis[s.kind] ?? '');
  const detail: string[] = [];
  if (s.kind !== 'timeToAcknowledge' && basis.start) detail.push(`- start: ${md(basis.start)}`);
  if ((s.kind === 'duration' || basis[s.kind] === 'end − start') && basis.end) detail.push(`- end: ${md(basis.end)}`);
  return [head, '', `Computed: **${formatDuration(computed)}**, ${verdict}.`, '', `Computed as ${how}${detail.length ? ':' : '.'}`, ...detail].join('\n');
}

function fieldHover(field: Field, model: Postmortem, template: TemplateSpec): string | null {
  const spec = fieldSpec(field, model.sections, template);
  if (!spec) return null;
  const values = spec.type === 'severity' ? template.severity.values : spec.values;
  const lines = [`**${md(spec.key)}** · ${spec.type}${spec.required ? ', required' : ''}`];
  if (spec.description) lines.push('', md(spec.description));
  if (values?.length && !values.every((v) => spec.description?.includes(v))) lines.push('', `One of: ${values.map((v) => `\`${v}\``).join(', ')}`);
  return lines.join('\n');
}

function headingHover(section: Section, template: TemplateSpec): string {
  const spec = template.sections.find((s) => s.id === section.templateId);
  if (!spec) return `**${md(section.title)}** is not a section of the ${md(template.name)} template.`;
  const kind = spec.role === 'title' ? 'title' : `${spec.required ? 'required' : 'optional'} section`;
  const as = spec.role !== 'title' && normalizeTitle(spec.title) !== normalizeTitle(section.title) ? `, as ${md(spec.title)}` : '';
  const lines = [`**${md(section.title)}** · ${kind} of the ${md(template.name)} template${as}`];
  if (spec.description) lines.push('', md(spec.description));
  if (spec.fields.length) {
    lines.push('', 'Expected fields:');
    for (const f of spec.fields) lines.push(`- **${md(f.key)}** (${f.type}${f.required ? ', required' : ''})${f.description ? `: ${md(f.description)}` : ''}`);
  }
  // The title's "sub-sections" are the whole document: not worth listing.
  const subs = spec.role === 'title' ? [] : subSections(template, spec);
  if (subs.length) lines.push('', `Sub-sections: ${subs.map((s) => `${md(s.title)}${s.required ? '' : ' (optional)'}`).join(', ')}`);
  return lines.join('\n');
}

/** The template sections directly under `spec` (the next level down, until a sibling). */
function subSections(template: TemplateSpec, spec: SectionSpec): SectionSpec[] {
  const out: SectionSpec[] = [];
  const all = template.sections;
  for (let i = all.indexOf(spec) + 1; i < all.length && all[i]!.level > spec.level; i++) {
    if (all[i]!.level === spec.level + 1) out.push(all[i]!);
  }
  return out;
}

function actionItemHover(id: string, item: ActionItem): string {
  const label = actionItemLabel(item);
  const text = label ? ` — ${md(label)}` : '';
  const lines = [`**${md(id)}**${text}`, ''];
  lines.push(`- Owner: ${item.owner ? md(item.owner) : '—'}`);
  lines.push(`- Due: ${item.dueText ? md(item.dueText) : '—'}`);
  lines.push(`- Status: ${item.status ? md(item.status) : '—'}`);
  if (item.priority) lines.push(`- Priority: ${md(item.priority)}`);
  lines.push(`- Line ${item.line + 1}`);
  return lines.join('\n');
}
