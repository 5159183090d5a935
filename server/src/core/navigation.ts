// Action item ids as links: "see AI-002" in prose goes to AI-002's row, and the row finds every
// mention. Only ids that read as identifiers (a letter and a digit) are linked, so an ID column
// of bare numbers does not turn every "1" in the document into a reference.
import type { Location, Position } from 'vscode-languageserver-types';
import type { ActionItem, Postmortem, Range } from './model/types';
import { lineRange, stripMarks } from './model/text';

export interface IdOccurrence {
  id: string;
  range: Range;
  /** The item this occurrence declares (its id cell or lead), or null for a mention. */
  item: ActionItem | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const linkable = (id: string) => /[A-Za-z]/.test(id) && /\d/.test(id) && id.length >= 3;

/** Every declaration and mention of every action item id, in document order. */
export function idOccurrences(model: Postmortem): IdOccurrence[] {
  if (!model.isPostmortem) return [];
  const declared = new Map<string, ActionItem[]>();
  for (const item of model.actionItems) {
    if (!item.id || !item.idRange) continue;
    const id = stripMarks(item.id);
    if (!linkable(id)) continue;
    declared.set(id, [...(declared.get(id) ?? []), item]);
  }
  if (!declared.size) return [];
  // Longest first, so AI-0012 is not read as AI-001 followed by "2".
  const ids = [...declared.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\w-])(?:${ids.map(escape).join('|')})(?![\\w]|-\\w)`, 'g');
  const fmEnd = model.frontMatterRange?.end.line ?? -1;
  const out: IdOccurrence[] = [];
  model.lines.forEach((line, i) => {
    if (i <= fmEnd || model.codeLines.has(i)) return;
    for (const m of line.matchAll(pattern)) {
      const range = lineRange(i, m.index, m.index + m[0].length);
      const item = declared.get(m[0])!.find((it) => contains(it.idRange!, range.start)) ?? null;
      out.push({ id: m[0], range, item });
    }
  });
  return out;
}

/** The occurrence under the cursor (its end counts, so a cursor right after the id works). */
export function occurrenceAt(model: Postmortem, pos: Position): IdOccurrence | null {
  return idOccurrences(model).find((o) => o.range.start.line === pos.line && o.range.start.character <= pos.character && pos.character <= o.range.end.character) ?? null;
}

/** From a mention or the declaration itself to the item's row (its id). */
export function definition(model: Postmortem, pos: Position): Location[] {
  const at = occurrenceAt(model, pos);
  if (!at) return [];
  return idOccurrences(model)
    .filter((o) => o.id === at.id && o.item)
    .map((o) => ({ uri: model.uri, range: o.range }));
}

/** Every mention of the id under the cursor, plus its declaration(s) when asked. */
export function references(model: Postmortem, pos: Position, includeDeclaration: boolean): Location[] {
  const at = occurrenceAt(model, pos);
  if (!at) return [];
  return idOccurrences(model)
    .filter((o) => o.id === at.id && (includeDeclaration || !o.item))
    .map((o) => ({ uri: model.uri, range: o.range }));
}

function contains(r: Range, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

/** An item's text without its leading id (`**AI-001**: text`, `AI-001: text`). */
export function actionItemLabel(item: ActionItem): string {
  const text = item.text.trim();
  if (!item.id || item.shape === 'table') return text;
  const id = stripMarks(item.id);
  const lead = new RegExp(`^(?:\\*\\*${escape(id)}\\*\\*|${escape(id)})\\s*:?\\s*`);
  return text.replace(lead, '');
}
