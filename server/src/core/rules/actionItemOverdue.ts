// An open action item whose due date has passed.
import type { Finding, Rule } from './rule';
import { isOpen, isSampleItem, label } from './actionItemState';

export const actionItemOverdue: Rule = {
  id: 'action-item-overdue',
  defaultSeverity: 'warning',
  description: 'An open action item is past its due date.',
  check({ model, template, today }) {
    const out: Finding[] = [];
    for (const item of model.actionItems) {
      // ISO dates compare correctly as strings.
      if (!item.due || !item.dueRange || item.due >= today || !isOpen(item) || isSampleItem(item, template)) continue;
      const status = item.status && item.shape === 'table' ? ` (status '${item.status}')` : '';
      out.push({
        range: item.dueRange,
        message: `Action item '${label(item)}' was due ${item.due} and is still open${status}: mark it done or agree a new date.`,
        data: { due: item.due },
      });
    }
    return out;
  },
};
