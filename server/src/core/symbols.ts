// The outline: sections as a tree, timeline entries and action items inside the section that
// holds them. Every range contains its selection range, as VS Code requires.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ActionItem, Postmortem, Section, TimelineEntry } from './model/types';
import { sectionAt } from './model/sections';
import { actionItemLabel } from './navigation';
import { stripMarks } from './model/text';

export function documentSymbols(model: Postmortem): DocumentSymbol[] {
  if (!model.isPostmortem) return [];
  const bySection = new Map<Section, DocumentSymbol>();
  const roots: DocumentSymbol[] = [];
  for (const s of model.sections) {
    const sym: DocumentSymbol = { name: s.title || '(untitled section)', kind: SymbolKind.Namespace, range: s.range, selectionRange: s.headingRange, children: [] };
    bySection.set(s, sym);
  }
  for (const s of model.sections) {
    const parent = model.sections.find((p) => p.children.includes(s));
    (parent ? bySection.get(parent)!.children! : roots).push(bySection.get(s)!);
  }
  const place = (line: number, sym: DocumentSymbol) => {
    const s = sectionAt(model.sections, line);
    (s ? bySection.get(s)!.children! : roots).push(sym);
  };
  for (const e of model.timeline.entries) place(e.line, entrySymbol(e));
  for (const it of model.actionItems) place(it.line, itemSymbol(it));

  const timeline = model.timeline.section && bySection.get(model.timeline.section);
  if (timeline) timeline.detail = count(model.timeline.entries.length, 'entry', 'entries');
  const sort = (list: DocumentSymbol[]) => {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const s of list) if (s.children) sort(s.children);
  };
  sort(roots);
  return roots;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function entrySymbol(e: TimelineEntry): DocumentSymbol {
  const time = stripMarks(e.timeText);
  return {
    name: e.text ? `${time} — ${plainLabel(e.text)}` : time || '(no time)',
    kind: SymbolKind.Event,
    ...(e.phase ? { detail: e.phase } : {}),
    range: e.range,
    selectionRange: e.timeRange,
  };
}

function itemSymbol(it: ActionItem): DocumentSymbol {
  const label = plainLabel(actionItemLabel(it));
  const id = it.id ? stripMarks(it.id) : '';
  const name = id ? (label ? `${id}: ${label}` : id) : label || '(empty action item)';
  const detail = [it.owner ? stripMarks(it.owner) : '', it.dueText ? `due ${stripMarks(it.dueText)}` : '', it.status ?? ''].filter(Boolean).join(' · ');
  return {
    name,
    kind: SymbolKind.Field,
    ...(detail ? { detail } : {}),
    range: it.range,
    selectionRange: it.idRange ?? it.range,
  };
}

/** A label as it reads: links, code and emphasis marks dropped, and no dangling `(` or `-` left
 *  where the owner and due date were cut off (`Fix it (Owner: @x, Due: d)`). */
export function plainLabel(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])/g, '$2')
    .replace(/[\s(\[{,;:–—-]+$/, '')
    .trim();
}
