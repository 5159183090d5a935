// A template section that is present but has nothing written in it.
import type { Finding, Rule } from './rule';
import type { Postmortem, Section } from '../model/types';
import type { SectionSpec } from '../template/schema';
import { lineRange } from '../model/text';
import { visibleText } from './visibleText';

/** Whether any line under the heading (sub-sections included) is more than a heading, comment or rule. */
function hasContent(model: Postmortem, visible: (line: number) => string | undefined, section: Section, headingLines: Set<number>): boolean {
  for (let i = section.range.start.line + 1; i <= section.range.end.line; i++) {
    if (model.codeLines.has(i) && !model.commentLines.has(i)) return true;
    const t = visible(i)?.trim() ?? '';
    if (t && !headingLines.has(i) && !/^(?:[-*_]\s*){3,}$|^=+$/.test(t)) return true;
  }
  return false;
}

/** The sections the template expects to be filled: its required ones and its level-2 ones. */
const expected = (spec: SectionSpec | undefined): spec is SectionSpec => !!spec && spec.role !== 'title' && (spec.required || spec.level === 2);

export const emptySection: Rule = {
  id: 'empty-section',
  defaultSeverity: 'warning',
  description: 'A template section is present but empty.',
  check({ model, template }) {
    if (!template) return [];
    const specs = new Map(template.sections.map((s) => [s.id, s]));
    const headingLines = new Set(model.sections.map((s) => s.headingRange.start.line));
    const visible = visibleText(model);
    const empty = model.sections.filter((s) => s.templateId !== null && expected(specs.get(s.templateId)) && !hasContent(model, visible, s, headingLines));
    // Report the innermost: an empty parent whose empty sub-sections are reported is implied.
    const within = (outer: Section, inner: Section) => inner !== outer && inner.range.start.line > outer.range.start.line && inner.range.end.line <= outer.range.end.line;
    return empty
      .filter((s) => !empty.some((inner) => within(s, inner)))
      .map((s): Finding => {
        const spec = specs.get(s.templateId!)!;
        return {
          range: s.headingRange,
          message: `Section '${s.title}' is empty.${spec.description ? ` The template expects: ${spec.description}` : ''}`,
          data: { section: spec.id },
        };
      });
  },
  fix({ model, template }, finding) {
    const spec = template?.sections.find((s) => s.id === finding.data?.['section']);
    const skeleton = spec?.skeleton?.replace(/\s+$/, '');
    const line = finding.range.start.line;
    if (!spec || !skeleton || line >= model.lines.length) return [];
    return [{ title: `Insert the template's skeleton for '${spec.title}'`, edits: [insertSkeleton(model, line, skeleton)], isPreferred: true }];
  },
};

/** Insert after the heading line, keeping a blank line on each side. */
function insertSkeleton(model: Postmortem, headingLine: number, skeleton: string) {
  const end = model.lines[headingLine]!.length;
  const next = model.lines[headingLine + 1];
  const nl = model.text.includes('\r\n') ? '\r\n' : '\n';
  const tail = next === undefined || next.trim() === '' ? '' : nl;
  return { range: lineRange(headingLine, end, end), newText: nl + nl + skeleton.replace(/\n/g, nl) + tail };
}
