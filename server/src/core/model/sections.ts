// Headings -> the section tree, each matched to the template section it stands for.
import type { HeadingInfo } from '../parse/blockInfo';
import type { TemplateSpec } from '../template/schema';
import type { Section } from './types';
import { normalizeTitle, range, stripParens } from './text';
import { firstAtOrAfter } from '../sorted';
import { keptTextMemo } from '../parse/memo';
import { keptWeakMap } from '../state';

export function buildSections(headings: HeadingInfo[], lines: string[], template: TemplateSpec | null): Section[] {
  const lastLine = lines.length - 1;
  const flat: Section[] = headings.map((h, i) => {
    let endLine = lastLine;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.depth <= h.depth) {
        endLine = headings[j]!.line - 1;
        break;
      }
    }
    return {
      title: h.text,
      level: h.depth,
      headingRange: range(h.line, 0, h.line, lines[h.line]!.length),
      range: range(h.line, 0, endLine, lines[endLine]?.length ?? 0),
      templateId: template ? matchSection(h.text, h.depth, template) : null,
      children: [],
    };
  });
  const stack: Section[] = [];
  for (const s of flat) {
    while (stack.length && stack[stack.length - 1]!.level >= s.level) stack.pop();
    stack[stack.length - 1]?.children.push(s);
    stack.push(s);
  }
  return flat;
}

/** A template's section names (title and aliases), normalised as written and without their parenthesised part. */
interface SectionNames {
  id: string;
  level: number;
  exact: string[];
  bare: string[];
}

// Detection compares every heading with every template's names on each analysis (each keystroke):
// the names are normalised once per template, the headings once per text.
const namesOf = keptWeakMap<TemplateSpec, SectionNames[]>();
const bareTitle = keptTextMemo((title) => normalizeTitle(stripParens(title)));

function sectionNames(template: TemplateSpec): SectionNames[] {
  let names = namesOf.get(template);
  if (!names) {
    names = template.sections
      .filter((s) => s.role !== 'title')
      .map((s) => {
        const all = [s.title, ...s.aliases];
        return { id: s.id, level: s.level, exact: all.map(normalizeTitle), bare: all.map((n) => normalizeTitle(stripParens(n))) };
      });
    namesOf.set(template, names);
  }
  return names;
}

export function matchSection(title: string, level: number, template: TemplateSpec): string | null {
  if (level === 1) return template.sections.find((s) => s.role === 'title')?.id ?? null;
  const t = normalizeTitle(title);
  const bare = bareTitle.get(title);
  let loose: string | null = null;
  for (const s of sectionNames(template)) {
    for (let i = 0; i < s.exact.length; i++) {
      const n = s.exact[i]!;
      if (n === t && s.level === level) return s.id;
      if (loose === null && (n === t || n === bare || s.bare[i] === bare)) loose = s.id;
    }
  }
  return loose;
}

/** The innermost section containing a line, or null before the first heading. */
export function sectionAt(sections: Section[], line: number): Section | null {
  // Sections are in document order: find the last one starting at or before the line, then walk
  // back to the first that still contains it (called per field, so no scan of every section).
  const after = firstAtOrAfter(sections, line + 1, (s) => s.range.start.line);
  for (let i = after - 1; i >= 0; i--) if (sections[i]!.range.end.line >= line) return sections[i]!;
  return null;
}

export function within(section: Section, line: number): boolean {
  return line >= section.range.start.line && line <= section.range.end.line;
}
