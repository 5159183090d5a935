// A section the template requires is absent.
import type { Rule } from './rule';
import { lineRange } from '../model/text';
import { insertSection } from '../template/insertSection';

export const missingSection: Rule = {
  id: 'missing-section',
  defaultSeverity: 'error',
  description: 'A section the template requires is absent.',
  check({ model, template }) {
    if (!template) return [];
    const present = new Set(model.sections.map((s) => s.templateId));
    const title = model.sections.find((s) => s.level === 1);
    const at = title ? title.headingRange : lineRange(0, 0, model.lines[0]?.length ?? 0);
    return template.sections
      .filter((s) => s.required && s.role !== 'title' && !present.has(s.id))
      .map((s) => ({
        range: at,
        message: `Missing section '${'#'.repeat(s.level)} ${s.title}' (required by the ${template.name} template).`,
        data: { section: s.id },
      }));
  },
  fix({ model, template }, finding) {
    const spec = template?.sections.find((s) => s.id === finding.data?.['section']);
    if (!template || !spec) return [];
    return [{ title: `Insert section '${spec.title}' from the template`, edits: [insertSection(model, template, spec)], isPreferred: true }];
  },
};
