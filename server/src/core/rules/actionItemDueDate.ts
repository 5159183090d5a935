// An open action item with no due date: nobody can tell when it is late.
import type { Finding, Rule } from './rule';
import { label, lacks, visible } from './actionItemState';

export const actionItemDueDate: Rule = {
  id: 'action-item-due-date',
  defaultSeverity: 'warning',
  description: 'An open action item has no due date.',
  check({ model, template }) {
    const out: Finding[] = [];
    for (const item of model.actionItems) {
      if (!lacks(item, item.dueText, template)) continue;
      const how = item.shape === 'checkbox' ? 'add "Due: YYYY-MM-DD" to the line' : item.dueRange ? 'fill in its due date' : 'add a due date column';
      out.push({
        range: visible(item.dueRange, item.range),
        message: `Action item '${label(item)}' has no due date: ${how}.`,
      });
    }
    return out;
  },
};
