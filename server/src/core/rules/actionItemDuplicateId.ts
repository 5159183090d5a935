// Two action items with the same id: trackers and references to the id become ambiguous.
import type { Finding, Fix, Rule } from './rule';
import type { ActionItem, Range } from '../model/types';
import { lineRange, stripMarks } from '../model/text';
import { keptTextMemo } from '../parse/memo';
import { isBlankValue, isSampleItem } from './actionItemState';
import { keptCarried } from './carried';

// Per id as written: the bare id, where it starts in the written text, and its case-folded key.
const bareIds = keptTextMemo((written) => {
  const id = stripMarks(written);
  return { id, offset: Math.max(0, written.indexOf(id)), key: id.toLowerCase() };
});

// Per item: the id it claims, or null when it claims none (the model keeps an unchanged item's object).
const idKeys = keptCarried<ActionItem, string | null>();

/** The id without surrounding marks (`**AI-2**` -> `AI-2`) and its exact range. */
function idOf(item: ActionItem): { id: string; range: Range } | null {
  if (!item.id || !item.idRange) return null;
  const { id, offset } = bareIds.get(item.id);
  const at = item.idRange.start.character + offset;
  return { id, range: lineRange(item.idRange.start.line, at, at + id.length) };
}

export const actionItemDuplicateId: Rule = {
  id: 'action-item-duplicate-id',
  defaultSeverity: 'error',
  description: 'Two action items have the same id.',
  check({ model, template }) {
    const out: Finding[] = [];
    const first = new Map<string, number>();
    const { actionItems } = model;
    const keys = idKeys.map(
      actionItems,
      (item) => {
        if (!item.id || !item.idRange) return null;
        const { id, key } = bareIds.get(item.id);
        return isBlankValue(id, template) || isSampleItem(item, template) ? null : key;
      },
      template,
    );
    for (let i = 0; i < actionItems.length; i++) {
      const key = keys[i] ?? null;
      if (key === null) continue;
      const item = actionItems[i]!;
      const line = first.get(key);
      if (line === undefined) {
        first.set(key, item.line);
        continue;
      }
      const found = idOf(item)!;
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
