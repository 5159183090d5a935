// After `## ` (or the #s of another level the template uses): the template's sections not yet present,
// in template order, each as its heading alone and as the heading with the template's skeleton.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { SectionSpec, TemplateSpec } from '../template/schema';
import type { Section } from '../model/types';
import { lineRange, rank, type Cursor, type Items } from './cursor';

const TYPED_HEADING = /^(#{1,6})(?:[ \t]+.*)?$/;

/** The id of the template section each section nests under (the nearest earlier one of a lower level). */
function parentIds(template: TemplateSpec): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const stack: SectionSpec[] = [];
  for (const s of template.sections) {
    while (stack.length && stack[stack.length - 1]!.level >= s.level) stack.pop();
    out.set(s.id, stack[stack.length - 1]?.id ?? null);
    stack.push(s);
  }
  return out;
}

export function headings(cur: Cursor): Items {
  const m = TYPED_HEADING.exec(cur.before);
  const { model, template } = cur.ctx;
  if (!m || !template || cur.after.trim() !== '') return [];
  const level = m[1]!.length;
  const others = model.sections.filter((s) => s.headingRange.start.line !== cur.line);
  const present = new Set(others.map((s) => s.templateId));
  let candidates = template.sections.filter((s) => s.level === level && s.role !== 'title' && !present.has(s.id));
  const above = others.filter((s) => s.headingRange.start.line < cur.line);
  if (level > 2) {
    // Sub-sections of the section the cursor is in, when the template nests any under it.
    const enclosing = [...above].reverse().find((s) => s.level < level && s.range.end.line >= cur.line);
    const parents = parentIds(template);
    const own = candidates.filter((s) => enclosing?.templateId && parents.get(s.id) === enclosing.templateId);
    if (own.length) candidates = own;
  }
  if (!candidates.length) return [];

  const order = template.sections.map((s) => s.id);
  const previous = [...above].reverse().find((s) => s.templateId !== null && s.level <= level);
  const after = previous ? order.indexOf(previous.templateId!) : -1;
  const best = candidates.find((s) => order.indexOf(s.id) > after) ?? candidates[0];
  const number = template.numberedSections && level === 2 ? nextNumber(above) : null;
  const hashes = m[1]!;
  const items: Items = [];
  candidates.forEach((s, i) => {
    const heading = `${hashes} ${number !== null ? `${number}. ` : ''}${s.title}`;
    const base: CompletionItem = {
      label: s.title,
      kind: CompletionItemKind.Module,
      detail: `${s.required ? 'Required' : 'Optional'} section of the ${template.name} template`,
      ...(s.description ? { documentation: s.description } : {}),
      filterText: heading,
      insertTextFormat: InsertTextFormat.PlainText,
    };
    items.push({ ...base, sortText: rank(2 * i), preselect: s === best, textEdit: { range: lineRange(cur.line, 0, cur.text.length), newText: heading } });
    const skeleton = s.skeleton?.trim();
    if (skeleton) {
      items.push({
        ...base,
        labelDetails: { description: 'with skeleton' },
        sortText: rank(2 * i + 1),
        textEdit: { range: lineRange(cur.line, 0, cur.text.length), newText: `${heading}\n\n${skeleton}\n` },
      });
    }
  });
  return items;
}

/** Numbered templates: one more than the number of the level-2 heading above, else their count plus one. */
function nextNumber(above: Section[]): number {
  const level2 = above.filter((s) => s.level === 2);
  const last = level2[level2.length - 1];
  const n = last ? /^\s*(\d+)[.)]/.exec(last.title) : null;
  return n ? Number(n[1]) + 1 : level2.length + 1;
}
