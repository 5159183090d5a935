// An open action item nobody owns: without an owner it tends not to get done.
import type { Finding, Rule } from './rule';
import { label, lacks, visible } from './actionItemState';

export const actionItemOwner: Rule = {
  id: 'action-item-owner',
  defaultSeverity: 'warning',
  description: 'An open action item has no owner.',
  check({ model, template }) {
    const out: Finding[] = [];
    for (const item of model.actionItems) {
      if (!lacks(item, item.owner, template)) continue;
      const how = item.shape === 'checkbox' ? 'add "Owner: <name>" to the line' : item.ownerRange ? 'fill in its Owner cell' : 'add an Owner column';
      out.push({
        range: visible(item.ownerRange, item.range),
        message: `Action item '${label(item)}' has no owner: ${how}. Unowned follow-ups rarely get done.`,
      });
    }
    return out;
  },
};
