// Headings -> the section tree, each matched to the template section it stands for.
import type { HeadingInfo } from '../parse/blockInfo';
import type { TemplateSpec } from '../template/schema';
import type { Section } from './types';
import { normalizeTitle, range, stripParens } from './text';
import { firstAtOrAfter } from '../sorted';

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

export function matchSection(title: string, level: number, template: TemplateSpec): string | null {
  const t = normalizeTitle(title);
  const bare = normalizeTitle(stripParens(title));
  if (level === 1) return template.sections.find((s) => s.role === 'title')?.id ?? null;
  let loose: string | null = null;
  for (const s of template.sections) {
    if (s.role === 'title') continue;
    for (const name of [s.title, ...s.aliases]) {
      const n = normalizeTitle(name);
      if (n === t && s.level === level) return s.id;
      if (loose === null && (n === t || n === bare || normalizeTitle(stripParens(name)) === bare)) loose = s.id;
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
