// A field the template requires is absent or has no value.
import type { Rule, Finding } from './rule';
import type { FieldSpec } from '../template/schema';
import { normalizeTitle, stripParens, lineRange } from '../model/text';
import { within } from '../model/sections';

const same = (key: string, spec: FieldSpec) =>
  [spec.key, ...spec.aliases].some((n) => normalizeTitle(n) === normalizeTitle(key) || normalizeTitle(stripParens(n)) === normalizeTitle(stripParens(key)));

const frontMatterHas = (fm: Record<string, unknown> | null, spec: FieldSpec): boolean =>
  !!fm && Object.entries(fm).some(([k, v]) => v !== null && v !== undefined && String(v).trim() !== '' && same(k.replace(/[_-]+/g, ' '), spec));

export const missingField: Rule = {
  id: 'missing-field',
  defaultSeverity: 'warning',
  description: 'A field the template requires is absent or empty.',
  check({ model, template }) {
    if (!template) return [];
    const findings: Finding[] = [];
    for (const spec of template.sections) {
      const section = model.sections.find((s) => s.templateId === spec.id);
      if (!section) continue;
      for (const f of spec.fields.filter((x) => x.required)) {
        const found = model.fields.find((x) => same(x.key, f) && within(section, x.line)) ?? model.fields.find((x) => same(x.key, f));
        // Front matter that gives it (`date: "2026-10-02"`) is the field, stated once for tools and readers.
        if (!found && frontMatterHas(model.frontMatter, f)) continue;
        if (!found) {
          findings.push({
            range: section.headingRange,
            message: `Missing field '${f.key}' in '${section.title}'.`,
            data: { section: spec.id, field: f.key, type: f.type },
          });
        } else if (!found.raw) {
          findings.push({ range: found.keyRange, message: `Field '${found.key}' has no value.` });
        }
      }
    }
    return findings;
  },
  fix({ model, today }, finding) {
    const key = finding.data?.['field'];
    if (typeof key !== 'string') return [];
    const section = model.sections.find((s) => s.templateId === finding.data?.['section']);
    if (!section) return [];
    const fields = model.fields.filter((f) => within(section, f.line));
    const last = fields[fields.length - 1];
    const isDate = finding.data?.['type'] === 'date';
    const value = isDate ? today : `[${key}]`;
    // Match the neighbours' shape: a bullet field if they are bullets.
    const prefix = last ? model.lines[last.line]!.slice(0, last.keyRange.start.character) : '';
    const line = last ? last.line : section.headingRange.start.line;
    const end = model.lines[line]!.length;
    // Under a heading, the field is a paragraph of its own: joined to the text below, that text's
    // setext underline (`===`) would make it part of a heading.
    const below = model.lines[line + 1];
    const text = last ? `\n${prefix}**${key}:** ${value}` : `\n\n**${key}:** ${value}${below !== undefined && below.trim() !== '' ? '\n' : ''}`;
    // Today's date is a guess at the incident's date (it moves every computed time): never unattended.
    return [{ title: `Insert field '**${key}:**'`, edits: [{ range: lineRange(line, end, end), newText: text }], isPreferred: true, fixAll: !isDate }];
  },
};
