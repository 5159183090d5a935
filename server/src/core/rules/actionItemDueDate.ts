// An open action item with no due date: nobody can tell when it is late.
import type { Finding, Rule } from './rule';
import type { ActionItem } from '../model/types';
import { label, lacks, visible } from './actionItemState';
import { keptCarried } from './carried';

// Per item: lacking or not (the model keeps an unchanged item's object).
const lacking = keptCarried<ActionItem, boolean>();

export const actionItemDueDate: Rule = {
  id: 'action-item-due-date',
  defaultSeverity: 'warning',
  description: 'An open action item has no due date.',
  check({ model, template }) {
    const out: Finding[] = [];
    const { actionItems } = model;
    const missing = lacking.map(actionItems, (item) => lacks(item, item.dueText, template), template);
    for (let i = 0; i < actionItems.length; i++) {
      if (!missing[i]) continue;
      const item = actionItems[i]!;
      const how = item.shape === 'checkbox' ? 'add "Due: YYYY-MM-DD" to the line' : item.dueRange ? 'fill in its due date' : 'add a due date column';
      out.push({
        range: visible(item.dueRange, item.range),
        message: `Action item '${label(item)}' has no due date: ${how}.`,
      });
    }
    return out;
  },
};
