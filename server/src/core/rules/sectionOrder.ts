// Sections out of the template's order: readers of many post-mortems look for things in place.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Finding, Fix, Rule } from './rule';
import type { Postmortem, Section } from '../model/types';
import type { TemplateSpec } from '../template/schema';
import { lineRange, range } from '../model/text';

interface Misplaced {
  section: Section;
  /** The in-order section it belongs after, and the one it belongs before. */
  after: Section | null;
  before: Section | null;
}

/**
 * Keep the longest run of sections already in template order (preferring the earliest ones, so a
 * section pasted late is the one reported) and report every other section once.
 */
export function misplacedSections(model: Postmortem, template: TemplateSpec): Misplaced[] {
  const order = new Map(template.sections.map((s, i) => [s.id, i]));
  const seen = new Set<string>();
  const present: { section: Section; at: number }[] = [];
  for (const s of model.sections) {
    if (s.level === 1 || s.templateId === null || seen.has(s.templateId)) continue; // repeats are duplicate-section's
    seen.add(s.templateId);
    present.push({ section: s, at: order.get(s.templateId)! });
  }
  const n = present.length;
  // longest[i]: length of the longest in-order run starting at i.
  const longest = new Array<number>(n).fill(1);
  for (let i = n - 1; i >= 0; i--) for (let j = i + 1; j < n; j++) if (present[j]!.at > present[i]!.at) longest[i] = Math.max(longest[i]!, longest[j]! + 1);
  const kept = new Set<number>();
  let need = Math.max(0, ...longest);
  let last = -1;
  for (let i = 0; i < n && need > 0; i++) {
    if (longest[i] === need && (last < 0 || present[i]!.at > present[last]!.at)) {
      kept.add(i);
      last = i;
      need--;
    }
  }
  const inOrder = present.filter((_, i) => kept.has(i));
  return present
    .filter((_, i) => !kept.has(i))
    .map(({ section, at }) => ({
      section,
      after: [...inOrder].reverse().find((p) => p.at < at)?.section ?? null,
      before: inOrder.find((p) => p.at > at)?.section ?? null,
    }));
}

const heading = (s: Section) => `${'#'.repeat(s.level)} ${s.title}`;

export const sectionOrder: Rule = {
  id: 'section-order',
  defaultSeverity: 'information',
  description: "A section is out of the template's order.",
  check({ model, template }) {
    if (!template) return [];
    return misplacedSections(model, template).map(({ section, after, before }): Finding => {
      const title = model.sections.find((s) => s.level === 1);
      const where = after ? `it should follow '${heading(after)}'` : before ? `it should come before '${heading(before)}'${title ? `, right after the title` : ''}` : 'it should come earlier';
      return { range: section.headingRange, message: `Section '${heading(section)}' is out of the template's order: ${where}.` };
    });
  },
  fix({ model, template }, finding) {
    if (!template) return [];
    const m = misplacedSections(model, template).find((x) => x.section.headingRange.start.line === finding.range.start.line);
    const move = m && moveSection(model, m);
    return move ? [move] : [];
  },
};

/**
 * Move the section with its sub-sections, line for line, before the next in-order section of the
 * same level, or after the previous one. Offered only where that keeps the heading levels intact.
 */
function moveSection(model: Postmortem, { section, after, before }: Misplaced): Fix | null {
  const lines = model.lines;
  const last = lines.length - 1;
  const from = section.range.start.line;
  const to = section.range.end.line;
  if (from === 0) return null;
  const block = lines.slice(from, to + 1);
  while (block.length > 1 && block[block.length - 1]!.trim() === '') block.pop();
  const nl = model.text.includes('\r\n') ? '\r\n' : '\n';
  const body = block.join(nl);
  // Cut the block with its line break; at the end of the document, with the break before it.
  const cut: TextEdit = { range: to < last ? range(from, 0, to + 1, 0) : range(from - 1, lines[from - 1]!.length, to, lines[to]!.length), newText: '' };

  let insert: TextEdit;
  let title: string;
  if (before && before.level === section.level) {
    insert = { range: lineRange(before.headingRange.start.line, 0, 0), newText: body + nl + nl };
    title = `Move '${section.title}' before '${before.title}'`;
  } else if (after && after.level === section.level) {
    const end = after.range.end.line;
    if (end < last) {
      insert = { range: lineRange(end + 1, 0, 0), newText: (lines[end]!.trim() ? nl : '') + body + nl + nl };
    } else {
      // Appending at the end of the document: keep one blank line before and the final newline.
      const lead = lines[end]!.trim() ? nl + nl : lines[end - 1]?.trim() ? nl : '';
      insert = { range: lineRange(end, lines[end]!.length, lines[end]!.length), newText: lead + body + (lines[end] === '' ? nl : '') };
    }
    title = `Move '${section.title}' after '${after.title}'`;
  } else {
    return null;
  }
  const at = insert.range.start.line;
  if (at >= from && at <= to + 1) return null; // already there: nothing to move
  return { title, edits: [cut, insert] };
}
