// Two action items with the same id: trackers and references to the id become ambiguous.
import type { Finding, Fix, Rule } from './rule';
import type { ActionItem, Range } from '../model/types';
import { lineRange, stripMarks } from '../model/text';
import { isBlankValue, isSampleItem } from './actionItemState';

/** The id without surrounding marks (`**AI-2**` -> `AI-2`) and its exact range. */
function idOf(item: ActionItem): { id: string; range: Range } | null {
  if (!item.id || !item.idRange) return null;
  const id = stripMarks(item.id);
  const at = item.idRange.start.character + Math.max(0, item.id.indexOf(id));
  return { id, range: lineRange(item.idRange.start.line, at, at + id.length) };
}

export const actionItemDuplicateId: Rule = {
  id: 'action-item-duplicate-id',
  defaultSeverity: 'error',
  description: 'Two action items have the same id.',
  check({ model, template }) {
    const out: Finding[] = [];
    const first = new Map<string, number>();
    for (const item of model.actionItems) {
      const found = idOf(item);
      if (!found || isBlankValue(found.id, template) || isSampleItem(item, template)) continue;
      const key = found.id.toLowerCase();
      const line = first.get(key);
      if (line === undefined) {
        first.set(key, item.line);
        continue;
      }
      out.push({
        range: found.range,
        message: `Action item id '${found.id}' is already used on line ${line + 1}: give each action item its own id.`,
        data: { id: found.id },
      });
    }
    return out;
  },
  fix({ model }, finding) {
    const id = finding.data?.['id'];
    const written = model.lines[finding.range.start.line]?.slice(finding.range.start.character, finding.range.end.character);
    const m = typeof id === 'string' ? /^(.*?)(\d+)$/.exec(id) : null;
    if (!m) return [];
    const [, prefix, digits] = m as unknown as [string, string, string];
    let max = 0;
    for (const item of model.actionItems) {
      const found = idOf(item);
      const other = found ? /^(.*?)(\d+)$/.exec(found.id) : null;
      if (other && other[1]!.toLowerCase() === prefix.toLowerCase()) max = Math.max(max, Number(other[2]));
    }
    const next = `${prefix}${String(max + 1).padStart(digits.length, '0')}`;
    // The title names the id it replaces: a quick fix only ever replaces text it names.
    const fix: Fix = { title: `Change id '${written ?? id}' to ${next} (the next free id)`, edits: [{ range: finding.range, newText: next }], isPreferred: true };
    return [fix];
  },
};
