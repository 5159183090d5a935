// Fields from the template: values for the field under the cursor (severity, enum, yes/no, today's date,
// timestamps) and, at the start of a line, the `**Key:** ` of fields the section still lacks.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { Field } from '../model/types';
import type { FieldSpec } from '../template/schema';
import { fieldSpec } from '../model/fields';
import { sectionAt } from '../model/sections';
import { normalizeTitle, stripParens } from '../model/text';
import { atLine, lastAtOrBefore, lineRange, looksLikePlaceholder, rank, snippetChoice, snippetText, type Cursor, type Items } from './cursor';
import { isTimestampField, timestampValues } from './timestamps';

interface Value {
  text: string;
  badge?: string;
  detail?: string;
}

/** The field whose value the cursor is in, with its template spec. */
function fieldAtCursor(cur: Cursor): { field: Field; spec: FieldSpec | null } | null {
  const { model, template } = cur.ctx;
  const field = model.fields[lastAtOrBefore(model.fields, cur.line)];
  if (!field || field.line !== cur.line || cur.character < field.keyRange.end.character) return null;
  return { field, spec: fieldSpec(field, model.sections, template) };
}

function valuesFor(cur: Cursor, field: Field, spec: FieldSpec | null): Value[] {
  const { model, template, today } = cur.ctx;
  const severity = spec?.type === 'severity' || (field === model.severity && (!spec || spec.type === 'text'));
  if (severity) return (template?.severity.values ?? []).map((text) => ({ text, detail: `Severity (${template!.name})` }));
  switch (spec?.type) {
    case 'enum':
      return (spec.values ?? []).map((text) => ({ text }));
    case 'yes-no':
      return [{ text: 'Yes' }, { text: 'No' }];
    case 'date':
      return [{ text: today, badge: 'today', detail: "Today's date" }];
  }
  if (isTimestampField(field, spec, cur)) return timestampValues(cur, field, spec).map((t) => ({ text: t.text, badge: t.badge, detail: t.detail }));
  return [];
}

/** Values for the field under the cursor, replacing its current value (or placeholder). */
export function fieldValues(cur: Cursor): Items {
  const at = fieldAtCursor(cur);
  if (!at) return [];
  const values = valuesFor(cur, at.field, at.spec);
  if (!values.length) return [];
  const { valueRange } = at.field;
  const start = Math.min(valueRange.start.character, cur.character);
  const end = Math.max(valueRange.end.character, cur.character);
  const pre = start > 0 && !/\s/.test(cur.text[start - 1]!) ? ' ' : '';
  const current = at.field.raw;
  const typed = cur.text.slice(start, cur.character);
  // A placeholder such as '[Critical/High/Medium/Low]' or 'SEV-1 / SEV-2' is replaced whatever is typed.
  const placeholder = looksLikePlaceholder(current) || values.filter((v) => current.includes(v.text)).length >= 2;
  return values.map((v, i): CompletionItem => ({
    label: v.text,
    ...(v.badge ? { labelDetails: { description: v.badge } } : {}),
    kind: CompletionItemKind.Value,
    ...(v.detail ? { detail: v.detail } : {}),
    sortText: rank(i),
    preselect: i === 0,
    ...(placeholder && typed ? { filterText: typed + v.text } : {}),
    textEdit: { range: lineRange(cur.line, start, end), newText: pre + v.text },
  }));
}

const KEY_LINE = /^(\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)((?:\*\*?|__?)[^*_:]*)?$/;

const sameKey = (key: string, spec: FieldSpec) =>
  [spec.key, ...spec.aliases].some((n) => normalizeTitle(n) === normalizeTitle(key) || normalizeTitle(stripParens(n)) === normalizeTitle(stripParens(key)));

/** What follows the key in the inserted field: a choice, today's date, or an empty tab stop. */
function valueSnippet(cur: Cursor, spec: FieldSpec): string {
  const choices = spec.type === 'severity' ? cur.ctx.template?.severity.values : spec.type === 'enum' ? spec.values : spec.type === 'yes-no' ? ['Yes', 'No'] : undefined;
  if (choices?.length) return `\${1|${choices.map(snippetChoice).join(',')}|}`;
  if (spec.type === 'date') return `\${1:${snippetText(cur.ctx.today)}}`;
  return '$0';
}

/** At the start of a line in a section whose template spec has fields: the keys it still lacks, in the
 *  shape of its other fields (`- **Key:** `), the one after the field above preselected. */
export function fieldKeys(cur: Cursor): Items {
  const m = KEY_LINE.exec(cur.before);
  if (!m || cur.after.trim() !== '') return [];
  const { model, template } = cur.ctx;
  const section = sectionAt(model.sections, cur.line);
  const spec = template?.sections.find((s) => s.id === section?.templateId);
  if (!section || !spec?.fields.length || cur.line === section.headingRange.start.line) return [];
  if (atLine(model.rows, cur.line - 1)) return []; // a field typed here would become a table row
  const from = lastAtOrBefore(model.fields, section.range.start.line - 1) + 1;
  const present: Field[] = [];
  for (let i = from; i < model.fields.length && model.fields[i]!.line <= section.range.end.line; i++) {
    if (model.fields[i]!.line !== cur.line) present.push(model.fields[i]!);
  }
  const missing = spec.fields.filter((f) => !present.some((p) => sameKey(p.key, f)));
  if (!missing.length) return [];

  const typedMarker = /\S/.test(m[1]!) ? m[1]! : '';
  const neighbour = [...present].reverse().find((f) => f.line < cur.line) ?? present[0];
  const prefix = typedMarker || (neighbour ? model.lines[neighbour.line]!.slice(0, neighbour.keyRange.start.character) : skeletonPrefix(spec.skeleton));
  const above = neighbour && neighbour.line < cur.line ? spec.fields.findIndex((f) => sameKey(neighbour.key, f)) : -1;
  const best = missing.find((f) => spec.fields.indexOf(f) > above) ?? missing[0];
  return missing.map((f, i): CompletionItem => {
    const key = f.key.endsWith('?') ? `**${f.key}**` : `**${f.key}:**`;
    return {
      label: f.key,
      labelDetails: { description: f.type },
      kind: CompletionItemKind.Property,
      detail: `Field of ${section.title}${f.required ? ' (required)' : ''}`,
      ...(f.description ? { documentation: f.description } : {}),
      filterText: typedMarker + key,
      sortText: rank(i),
      preselect: f === best,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: lineRange(cur.line, 0, cur.text.length), newText: `${snippetText(prefix + key)} ${valueSnippet(cur, f)}` },
    };
  });
}

/** The list marker the template's skeleton writes its fields with ('- ', '*   '), or ''. */
function skeletonPrefix(skeleton: string | undefined): string {
  return /^([ \t]*(?:[-*+][ \t]+)?)\*\*/m.exec(skeleton ?? '')?.[1] ?? '';
}
