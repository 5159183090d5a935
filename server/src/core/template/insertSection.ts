// A template's section put into a document: its skeleton, inserted where the template's order puts
// it (the missing-section fix and the insert-all-missing-sections action).
import type { SectionSpec, TemplateSpec } from './schema';
import type { Postmortem } from '../model/types';
import { lineRange } from '../model/text';

export function sectionSkeleton(spec: SectionSpec): string {
  const body = spec.skeleton?.trim() ?? '';
  return `${'#'.repeat(spec.level)} ${spec.title}\n\n${body ? body + '\n\n' : ''}`;
}

/** Insert before the first present section that follows it in template order, else at the end. */
export function insertSection(model: Postmortem, template: TemplateSpec, spec: SectionSpec) {
  const order = template.sections.map((s) => s.id);
  const idx = order.indexOf(spec.id);
  const later = model.sections.find((s) => s.templateId !== null && s.level <= spec.level && order.indexOf(s.templateId) > idx);
  if (later) {
    const line = later.headingRange.start.line;
    return { range: lineRange(line, 0, 0), newText: sectionSkeleton(spec) };
  }
  // A code fence left open runs to the end: a section appended there would be code, so it goes before the fence.
  const fence = unclosedFence(model);
  if (fence !== null) return { range: lineRange(fence, 0, 0), newText: sectionSkeleton(spec) };
  const last = model.lines.length - 1;
  const end = model.lines[last]!.length;
  const lead = model.lines[last] === '' ? (model.lines[last - 1] === '' ? '' : '\n') : '\n\n';
  return { range: lineRange(last, end, end), newText: lead + sectionSkeleton(spec).replace(/\n+$/, '\n') };
}

/** The opening line of a fenced code block that is never closed, if the document ends in one. */
function unclosedFence(model: Postmortem): number | null {
  if (!model.codeLines.has(model.lines.length - 1)) return null;
  let open: { line: number; marker: string } | null = null;
  for (const line of [...model.codeLines].sort((a, b) => a - b)) {
    const text = model.lines[line]!;
    if (!open) {
      open = { line, marker: /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1] ?? '```' };
      continue;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text)?.[1];
    if (close && close[0] === open.marker[0] && close.length >= open.marker.length) open = null;
  }
  return open?.line ?? null;
}
