// What the action-item rules agree on: which items are still open, which are only the
// template's sample rows (left to the placeholder rule), and when a value says nothing.
import type { ActionItem, Range } from '../model/types';
import type { TemplateSpec } from '../template/schema';
import { findPlaceholders, isPlaceholderValue } from '../model/placeholders';
import { stripMarks } from '../model/text';
import { keptTextMemo } from '../parse/memo';
import { memoByPatterns } from './templateMemo';

/** Statuses that close an item without it being done: nobody owes anything on it. */
const DROPPED = /^(cancell?ed|won'?t (?:do|fix)|wontfix|dropped|obsolete|duplicate|n\/a)$/i;

// Every rule asks about every item on every version: the answers are remembered per text.
const dropped = keptTextMemo((status) => DROPPED.test(stripMarks(status)));

export function isOpen(item: ActionItem): boolean {
  return !item.done && !(item.status && dropped.get(item.status));
}

const sampleText = memoByPatterns((raw, extra) => {
  const text = raw.trim();
  if (!text || isPlaceholderValue(stripMarks(text))) return true;
  let rest = text;
  for (const p of findPlaceholders(text, extra).reverse()) rest = rest.slice(0, p.start) + rest.slice(p.end);
  return !/[\p{L}\p{N}]/u.test(rest);
});

/**
 * A row or checkbox whose action text is nothing but placeholders and markup, such as
 * `[Specific action]` or `**[Action Item]**: [Description of task]`: the template's sample,
 * not an action yet. The placeholder rule already reports it.
 */
export const isSampleItem = (item: ActionItem, template: TemplateSpec | null): boolean => sampleText(template).get(item.text);

const blankText = memoByPatterns((value, extra) => {
  const v = stripMarks(value).trim();
  if (!v || /^(?:[-–—?]+|tbd|tba|n\/a|none|unassigned|unknown|name|owner|@?username|date|due date)$/i.test(v)) return true;
  if (isPlaceholderValue(v)) return true;
  return findPlaceholders(v, extra).some((p) => p.start === 0 && p.end === v.length);
});

/** No real value: empty, a dash, TBD, or a template placeholder such as `Name` or `@username`. */
export const isBlankValue = (value: string | null, template: TemplateSpec | null): boolean => value === null || blankText(template).get(value);

const holdsPlaceholder = memoByPatterns((value, extra) => findPlaceholders(value, extra).length > 0);

/** Whether the placeholder rule already reports this value (same spot, as an error). */
export function isFlaggedPlaceholder(item: ActionItem, value: string | null, template: TemplateSpec | null): boolean {
  if (!value?.trim()) return false;
  if (holdsPlaceholder(template).get(value)) return true;
  // The placeholder rule tests whole table cells (`TBD`, `Name`), not parts of a checkbox line.
  return item.shape === 'table' && isPlaceholderValue(value);
}

/**
 * The owner or due date is missing and nothing else says so yet. A placeholder left in the cell
 * (`@username`, `YYYY-MM-DD`) is already an error from the placeholder rule on the same text, so
 * repeating it here would only add noise.
 */
export function lacks(item: ActionItem, value: string | null, template: TemplateSpec | null): boolean {
  return isOpen(item) && !isSampleItem(item, template) && isBlankValue(value, template) && !isFlaggedPlaceholder(item, value, template);
}

/** A short label for messages: the id, else the first words of the action. */
export function label(item: ActionItem): string {
  if (item.id) return stripMarks(item.id);
  // The model cuts the text where "Owner:"/"Due:" start, which can leave a "(" behind.
  // The lookbehind starts the match only where the run starts (linear on long runs).
  const text = item.text
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<![\s([{,;:–—-])[\s([{,;:–—-]+$/, '')
    .trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The cell's range when it has text to underline, else the fallback (the whole line). */
export function visible(range: Range | null, fallback: Range): Range {
  return range && (range.start.line !== range.end.line || range.start.character < range.end.character) ? range : fallback;
}
