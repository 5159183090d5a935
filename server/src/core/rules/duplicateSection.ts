// The same template section twice under the same parent: readers (and tools) find only one.
import type { Finding, Rule } from './rule';
import type { Section } from '../model/types';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  defaultSeverity: 'warning',
  description: 'The same template section appears twice.',
  check({ model, template }) {
    if (!template) return [];
    const parent = new Map<Section, Section>();
    for (const s of model.sections) for (const c of s.children) parent.set(c, s);
    const first = new Map<string, Section>();
    const out: Finding[] = [];
    for (const s of model.sections) {
      if (s.templateId === null || s.level === 1) continue;
      const p = parent.get(s);
      const key = `${p ? p.headingRange.start.line : -1}:${s.level}:${s.templateId}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, s);
        continue;
      }
      out.push({
        range: s.headingRange,
        message: `Section '${s.title}' appears twice: '${earlier.title}' is on line ${earlier.headingRange.start.line + 1}. Merge them into one section.`,
        data: { first: earlier.headingRange.start.line },
      });
    }
    return out;
  },
};
