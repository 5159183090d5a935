// The action items summary: open, done and overdue (due before today and not done), per owner.
import { isPlaceholder } from '../model/fieldValue';
import type { ActionItem } from '../model/types';
import { attrs, count, esc } from './html';

export interface ActionCounts {
  total: number;
  open: number;
  done: number;
  overdue: number;
}

export interface OwnerCounts extends ActionCounts {
  owner: string | null;
}

export const isOverdue = (item: ActionItem, today: string): boolean => !item.done && item.due !== null && item.due < today;

export function countActions(items: readonly ActionItem[], today: string): ActionCounts {
  const done = items.filter((i) => i.done).length;
  return { total: items.length, open: items.length - done, done, overdue: items.filter((i) => isOverdue(i, today)).length };
}

/** Per owner (case-insensitive, '@' ignored), owners by name and the unassigned last. */
export function countByOwner(items: readonly ActionItem[], today: string): OwnerCounts[] {
  const groups = new Map<string, { owner: string | null; items: ActionItem[] }>();
  for (const item of items) {
    // A template's sample owner (`Name`, `@username`, `[Owner]`) is nobody yet.
    const written = item.owner?.trim() || null;
    const owner = written && !isPlaceholder(written) ? written : null;
    const key = owner === null ? '' : owner.replace(/^@/, '').toLowerCase();
    const g = groups.get(key) ?? { owner, items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))).map(([, g]) => ({ owner: g.owner, ...countActions(g.items, today) }));
}

export function actionSummary(items: readonly ActionItem[], today: string): string {
  const heading = `<h2 class="pm-card-title">Action items</h2>`;
  if (items.length === 0) return `<section class="pm-card pm-actions" aria-label="Action items">${heading}<p class="pm-empty">No action items found.</p></section>`;
  const c = countActions(items, today);
  const totals =
    `<dl class="pm-counts">` +
    [
      ['open', 'Open', c.open],
      ['done', 'Done', c.done],
      ['overdue', 'Overdue', c.overdue],
    ]
      .map(([k, label, n]) => `<div${attrs({ class: `pm-count pm-count-${k}${k === 'overdue' && n ? ' pm-alert' : ''}`, 'data-count': k })}><dt>${label}</dt><dd>${n}</dd></div>`)
      .join('') +
    `</dl>`;
  const rows = countByOwner(items, today)
    .map(
      (o) =>
        `<tr><td>${o.owner === null ? '<span class="pm-none">no owner</span>' : esc(o.owner)}</td><td>${o.open}</td><td>${o.done}</td><td${o.overdue ? ' class="pm-alert"' : ''}>${o.overdue}</td></tr>`,
    )
    .join('');
  const table = `<table class="pm-owners"><thead><tr><th>Owner</th><th>Open</th><th>Done</th><th>Overdue</th></tr></thead><tbody>${rows}</tbody></table>`;
  const overdue = items.filter((i) => isOverdue(i, today));
  const list = overdue.length
    ? `<ul class="pm-overdue">${overdue
        .map(
          (i) =>
            `<li${attrs({ 'data-reveal-line': i.line, tabindex: 0, role: 'button', title: `Line ${i.line + 1}` })}>${esc(i.text || i.id || 'Action')} <span class="pm-muted">${esc(
              [i.owner, `due ${i.due}`].filter(Boolean).join(' · '),
            )}</span></li>`,
        )
        .join('')}</ul>`
    : '';
  return `<section class="pm-card pm-actions" aria-label="Action items">${heading}<p class="pm-note">${count(c.total, 'item')}</p>${totals}${table}${list}</section>`;
}
