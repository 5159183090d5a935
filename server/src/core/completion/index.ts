// Completion in a post-mortem: what the author most likely writes next at the cursor. Reads the cached
// model only (no re-parse); each completer looks at the cursor line and a bounded part of the model.
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { RuleContext } from '../rules/rule';
import type { Cursor, Items } from './cursor';
import { timelineEntries, phaseEvents } from './timeline';
import { peopleCompletions } from './people';
import { fieldValues, fieldKeys } from './fields';
import { headings } from './headings';

export { PHASE_EVENTS, timelineColumns } from './timeline';
export { peopleIn } from './people';

export interface CompletionOptions {
  /** The clock for "now" items (epoch ms); injectable for tests. */
  now?: () => number;
}

/** Completers in rank order: when several apply (an empty line in a timeline whose section also has
 *  fields), the earlier group's items sort first and only its best item is preselected. */
const COMPLETERS: readonly ((cur: Cursor) => Items)[] = [headings, timelineEntries, phaseEvents, peopleCompletions, fieldValues, fieldKeys];

export function complete(ctx: RuleContext, position: Position, options: CompletionOptions = {}): CompletionItem[] {
  const { model } = ctx;
  if (!model.isPostmortem || model.codeLines.has(position.line)) return [];
  if (model.frontMatterRange && position.line <= model.frontMatterRange.end.line) return [];
  const text = model.lines[position.line];
  if (text === undefined) return [];
  const character = Math.max(0, Math.min(position.character, text.length));
  const cur: Cursor = {
    ctx,
    line: position.line,
    character,
    text,
    before: text.slice(0, character),
    after: text.slice(character),
    now: (options.now ?? Date.now)(),
  };
  const out: CompletionItem[] = [];
  let preselected = false;
  COMPLETERS.forEach((completer, group) => {
    let items: Items;
    try {
      items = completer(cur);
    } catch {
      items = []; // bad input never breaks completion as a whole
    }
    for (const item of items) {
      item.sortText = `${group}${item.sortText ?? ''}`;
      if (item.preselect && preselected) delete item.preselect;
      else if (item.preselect) preselected = true;
      if (!item.preselect) delete item.preselect;
      out.push(item);
    }
  });
  return out;
}
