// An open action item nobody owns: without an owner it tends not to get done.
import type { Finding, Rule } from './rule';
import type { ActionItem } from '../model/types';
import { label, lacks, visible } from './actionItemState';
import { keptCarried } from './carried';

// Per item: lacking or not (the model keeps an unchanged item's object).
const lacking = keptCarried<ActionItem, boolean>();

export const actionItemOwner: Rule = {
  id: 'action-item-owner',
  defaultSeverity: 'warning',
  description: 'An open action item has no owner.',
  check({ model, template }) {
    const out: Finding[] = [];
    const { actionItems } = model;
    const missing = lacking.map(actionItems, (item) => lacks(item, item.owner, template), template);
    for (let i = 0; i < actionItems.length; i++) {
      if (!missing[i]) continue;
      const item = actionItems[i]!;
      const how = item.shape === 'checkbox' ? 'add "Owner: <name>" to the line' : item.ownerRange ? 'fill in its Owner cell' : 'add an Owner column';
      out.push({
        range: visible(item.ownerRange, item.range),
        message: `Action item '${label(item)}' has no owner: ${how}. Unowned follow-ups rarely get done.`,
      });
    }
    return out;
  },
};
