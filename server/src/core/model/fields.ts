// Fields (`**Key:** value`) placed in their sections, matched to the template's field specs,
// and the metrics, start and end they state.
import type { FieldInfo } from '../parse/blockInfo';
import type { FieldSpec, TemplateSpec } from '../template/schema';
import { findZoneStatement, matchLeadingTime, parseDuration, parseTime, parseTimeRange, rangeInstants, toInstant, type ParsedTime } from '../time';
import type { Field, MetricKind, Section, StatedMetric } from './types';
import { lineRange, normalizeTitle, stripMarks, stripParens } from './text';
import { sectionAt } from './sections';

export function buildFields(infos: FieldInfo[], sections: Section[]): Field[] {
  return infos.map((f) => ({
    key: f.key,
    raw: f.raw,
    line: f.line,
    keyRange: lineRange(f.line, f.keyStart, f.keyEnd),
    valueRange: lineRange(f.line, f.valueStart, f.valueEnd),
    range: lineRange(f.line, f.keyStart, f.valueEnd),
    section: sectionAt(sections, f.line)?.title ?? '',
  }));
}

const keyMatches = (key: string, spec: FieldSpec) => {
  const k = normalizeTitle(key);
  const bare = normalizeTitle(stripParens(key));
  return [spec.key, ...spec.aliases].some((n) => normalizeTitle(n) === k || normalizeTitle(stripParens(n)) === bare);
};

/** The template's spec for a field: first in its own section, then anywhere in the template. */
export function fieldSpec(field: Field, sections: Section[], template: TemplateSpec | null): FieldSpec | null {
  if (!template) return null;
  const section = sectionAt(sections, field.line);
  const own = template.sections.find((s) => s.id === section?.templateId);
  return own?.fields.find((s) => keyMatches(field.key, s)) ?? template.sections.flatMap((s) => s.fields).find((s) => keyMatches(field.key, s)) ?? null;
}

const GENERIC_METRICS: [RegExp, MetricKind][] = [
  [/^(total )?duration$|^downtime$/i, 'duration'],
  [/\b(mttd|ttd)\b|time to detect/i, 'timeToDetect'],
  [/\b(mtta|tta)\b|time to ack|time to response/i, 'timeToAcknowledge'],
  [/\bttm\b|time to mitigat/i, 'timeToMitigate'],
  [/\bmttr\b|time to resol|time to recover|time to restor/i, 'timeToResolve'],
];

export function metricOf(field: Field, spec: FieldSpec | null): MetricKind | null {
  if (spec) return spec.metric ?? null;
  const k = stripParens(field.key).trim();
  for (const [re, kind] of GENERIC_METRICS) if (re.test(k) || re.test(field.key)) return kind;
  return null;
}

export interface StatedWindow {
  start: { at: number; field: Field } | null;
  end: { at: number; field: Field } | null;
}

/** A time followed only by a note in parentheses: '2026-02-04T16:47:12Z (jobs resumed)'. */
function timeWithNote(value: string): ParsedTime | null {
  const m = matchLeadingTime(value);
  return m && /^\s*\([^)]*\)\s*$/.test(value.slice(m.length)) ? m.time : null;
}

export function readStated(fields: Field[], sections: Section[], template: TemplateSpec | null, date: string | null, zone: string): { metrics: StatedMetric[]; window: StatedWindow } {
  const metrics: StatedMetric[] = [];
  const window: StatedWindow = { start: null, end: null };
  for (const field of fields) {
    const spec = fieldSpec(field, sections, template);
    const value = stripMarks(field.raw);
    const z = findZoneStatement(field.key)?.zone ?? zone;
    const isRange = spec?.type === 'time-range' || (!spec && /\bto\b|\s[-–]\s/.test(value));
    const range = isRange || metricOf(field, spec) === 'duration' ? parseTimeRange(value) : null;
    if (range) {
      const r = rangeInstants(range, date, z);
      if (r.start !== null && !window.start) window.start = { at: r.start, field };
      if (r.end !== null && !window.end) window.end = { at: r.end, field };
    }
    const kind = metricOf(field, spec);
    if (kind) {
      let minutes: number | null = parseDuration(value, { hhmm: true });
      if (minutes === null && range) {
        const r = rangeInstants(range, date, z);
        minutes = r.start !== null && r.end !== null ? Math.round((r.end - r.start) / 60000) : null;
      }
      metrics.push({ kind, field, minutes });
      continue;
    }
    const edge = /^(incident )?(start|started|began|begin)( time| date| at)?$/i.test(stripParens(field.key))
      ? 'start'
      : /^(incident )?(end|ended|resolved|end time)( time| date| at)?$/i.test(stripParens(field.key))
        ? 'end'
        : null;
    if (edge && !window[edge]) {
      const t = parseTime(value) ?? timeWithNote(value);
      const at = t ? toInstant(t, date, z) : null;
      if (at !== null) window[edge] = { at, field };
    }
  }
  return { metrics, window };
}
