// The severity is not one of the template's values, so dashboards and reviews cannot rank it.
import type { Finding, Fix, Rule } from './rule';
import type { Field } from '../model/types';
import type { TemplateSpec } from '../template/schema';
import { findPlaceholders, isPlaceholderValue } from '../model/placeholders';
import { lineRange, normalizeTitle, stripMarks } from '../model/text';
import { extraPlaceholders } from './templateMemo';

/** Where an explanation after the value starts: `SEV-2 (major)`, `P1 - customer facing`, `High: ...`. */
const SUFFIX = /\s*\(|\s+[-–—]\s+|\s*—|\s*[:;,]\s/;

/** Peel `**`, `_` and backticks off, keeping track of where the inner text starts. */
function unwrap(text: string, offset: number): { text: string; offset: number } {
  for (;;) {
    const inner = stripMarks(text);
    if (inner === text || !inner) return { text, offset };
    offset += text.indexOf(inner);
    text = inner;
  }
}

/** The chosen value inside a severity field, without marks or explanation, with its exact range. */
export function severityValue(field: Field): { text: string; start: number } | null {
  if (!field.raw) return null;
  const outer = unwrap(field.raw, field.valueRange.start.character);
  const cut = outer.text.search(SUFFIX);
  const token = cut > 0 ? outer.text.slice(0, cut) : outer.text;
  const inner = unwrap(token.trim(), outer.offset + (token.length - token.trimStart().length));
  return inner.text ? { text: inner.text, start: inner.offset } : null;
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const digits = (s: string) => s.replace(/\D/g, '');
const letters = (s: string) => norm(s).replace(/\d/g, '');

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Lower is closer: same after normalising, same number, a prefix ('crit'), then edit distance. */
function distance(value: string, allowed: string): number {
  const v = norm(value);
  const a = norm(allowed);
  if (v === a) return 0;
  if (digits(v) && digits(v) === digits(a) && letters(a).startsWith(letters(v))) return 1;
  if (v.length >= 2 && (a.startsWith(v) || v.startsWith(a))) return 2;
  if (digits(v) && digits(v) === digits(a)) return 3;
  return 4 + editDistance(v, a);
}

/** The template's values, closest to what the author wrote first (ties keep the template order). */
export function rankSeverities(value: string, allowed: string[]): string[] {
  return allowed
    .map((a, i) => ({ a, i, d: distance(value, a) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map((x) => x.a);
}

/** Values of the common severity scales (High, SEV-2, P1, S3, Critical, Minor …). */
const COMMON_SCALE = /^(?:critical|high|medium|moderate|low|major|minor|severe|urgent|blocker|trivial|(?:sev|severity|p|s|level)[\s-]?\d)$/i;

const isSeverityField = (field: Field, template: TemplateSpec) => normalizeTitle(field.key) === normalizeTitle(template.severity.field) || /^(severity|sev)( level)?$/.test(normalizeTitle(field.key));

export const invalidSeverity: Rule = {
  id: 'invalid-severity',
  defaultSeverity: 'error',
  description: "The severity is not one of the template's values.",
  check({ model, template }) {
    const field = model.severity;
    if (!template || !field || !isSeverityField(field, template)) return [];
    const extra = extraPlaceholders(template);
    // An unchosen list or sample value is the placeholder rule's.
    if (isPlaceholderValue(stripMarks(field.raw)) || findPlaceholders(field.raw, extra).length) return [];
    const value = severityValue(field);
    const allowed = template.severity.values;
    if (!value || allowed.some((a) => a.toLowerCase() === value.text.toLowerCase())) return [];
    // A value of another common scale in a document only shaped like the template: its team may use that scale.
    // ('SEV2' or 'SEV-7' against SEV-1..SEV-4 is the template's own scale, mistyped or out of range: still an error.)
    const otherScale = !model.templateChosen && COMMON_SCALE.test(value.text) && !allowed.some((a) => letters(a) === letters(value.text));
    const finding: Finding = {
      range: lineRange(field.line, value.start, value.start + value.text.length),
      message: otherScale
        ? `Severity '${value.text}' is not one of the ${template.name} template's values (${allowed.join(', ')}); this document is checked against that template because of its shape. Name the template in front matter to make this an error, or another to stop it.`
        : `Severity '${value.text}' is not one of this template's values: ${allowed.join(', ')}.`,
      data: { value: value.text },
      ...(otherScale ? { severity: 'information' as const } : {}),
    };
    return [finding];
  },
  fix({ template }, finding) {
    const value = finding.data?.['value'];
    if (!template || typeof value !== 'string') return [];
    return rankSeverities(value, template.severity.values).map(
      // The title names the value it replaces: a quick fix only ever replaces text it names.
      (v, i): Fix => ({ title: `Change severity '${value}' to ${v}`, edits: [{ range: finding.range, newText: v }], isPreferred: i === 0 }),
    );
  },
};
