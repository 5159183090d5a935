// Action items: rows of the action table(s) and checkbox lines under the action-items section.
import type { DocRow, ParsedDocument } from '../parse/document';
import type { TemplateSpec } from '../template/schema';
import { parseDate } from '../time';
import type { ActionItem, Section } from './types';
import { stripMarks } from './text';
import { firstAtOrAfter, lineOf, replaced } from '../sorted';
import { within } from './sections';
import type { CellInfo } from '../parse/blockInfo';
import { keptTextMemo } from '../parse/memo';
import { keptWeakMap } from '../state';
import { Item } from './actionItem';

const COLS = {
  id: /^(id|#|ticket|key|ref)$/i,
  text: /action|description|item|task|what|title/i,
  owner: /owner|assignee|who|responsible|dri/i,
  due: /due|target|deadline|eta|by when|date/i,
  priority: /priority|prio|^p$/i,
  status: /status|state|done|outcome|progress/i,
};
const DEFAULT_DONE = ['done', 'closed', 'complete', 'completed', 'resolved', 'fixed', 'shipped'];

export function findActionSections(sections: Section[], template: TemplateSpec | null): Section[] {
  const ids = new Set(template?.sections.filter((s) => s.role === 'actionItems').map((s) => s.id) ?? []);
  const found = sections.filter((s) => s.templateId !== null && ids.has(s.templateId));
  if (found.length) return found;
  return sections.filter((s) => s.level > 1 && /action items?|follow[- ]?ups?|remediation|corrective actions/i.test(s.title));
}

const doneStatuses = (template: TemplateSpec | null) => new Set((template?.actionItems.doneStatuses ?? []).map((s) => s.toLowerCase()).concat(DEFAULT_DONE));

export function buildActionItems(doc: ParsedDocument, sections: Section[], template: TemplateSpec | null): ActionItem[] {
  const areas = findActionSections(sections, template);
  if (!areas.length) return [];
  const inside = (line: number) => areas.some((s) => within(s, line));
  const done = doneStatuses(template);
  const items: ActionItem[] = [];

  for (const r of doc.rows) {
    if (inside(r.line)) items.push(rowItem(r, doc.lines, done));
  }

  for (const item of doc.items) {
    if (item.checked === null || !inside(item.line)) continue;
    items.push(fromCheckbox(item.line, item.contentStart, item.text, item.checked, doc.lines[item.line]!.length));
  }
  return items.sort((a, b) => a.line - b.line);
}

/**
 * The items after a one-line edit (parse/patch.ts): the last version's, with the one on the edited
 * line read again and those below moved. Null when they must be built afresh.
 */
export function updateActionItems(prev: ActionItem[], prevSections: Section[], doc: ParsedDocument, sections: Section[], template: TemplateSpec | null): ActionItem[] | null {
  const e = doc.edit;
  if (!e) return null;
  const areas = findActionSections(sections, template);
  const before = findActionSections(prevSections, template);
  if (areas.length !== before.length || areas.some((a, i) => a.title !== before[i]!.title)) return null;
  if (!areas.length) return prev;
  const h = e.line;
  const delta = e.added - e.removed;
  const k = firstAtOrAfter(prev, h, lineOf);
  const placed: ActionItem[] = [];
  if (e.added && areas.some((s) => within(s, h))) {
    if (e.kind === 'table-row') {
      const r = doc.rows[firstAtOrAfter(doc.rows, h, lineOf)];
      if (r?.line === h) placed.push(rowItem(r, doc.lines, doneStatuses(template)));
    } else {
      for (let i = firstAtOrAfter(doc.items, h, lineOf); doc.items[i]?.line === h; i++) {
        const item = doc.items[i]!;
        if (item.checked !== null) placed.push(fromCheckbox(h, item.contentStart, item.text, item.checked, doc.lines[h]!.length));
      }
    }
  }
  let removed = 0;
  if (e.removed) while (prev[k + removed]?.line === h) removed++;
  return replaced(prev, k, removed, placed, delta ? (a) => (a as Item).moved(delta) : null);
}

/** A table row's item: the last version's while its line, columns and status reading hold. */
function rowItem(r: DocRow, lines: string[], done: Set<string>): ActionItem {
  const cols = columnsOf(r.header);
  const lineLength = lines[r.line]!.length;
  const statusCol = cols.status >= 0 ? cols.status : statusCell(r.cells, cols, done);
  const statusText = (statusCol >= 0 ? r.cells[statusCol]?.text : undefined) || null;
  const isDone = statusText ? isDoneStatus(statusText, done) : false;
  const old = rowItems.get(r.cells);
  if (old && old.cols === cols && old.item.line === r.line && old.item.end === lineLength && old.item.done === isDone) return old.item;
  const { id, text, owner, due, priority } = cols;
  const status = statusCol;
  const cell = (i: number) => (i >= 0 ? r.cells[i] : undefined);
  const dueText = cell(due)?.text ?? null;
  // Moved by lines added or removed above it: what the cells say is unchanged, only the columns' line.
  const same = old && old.cols === cols && old.item.done === isDone ? old.item : null;
  const item = new Item();
  item.id = cell(id)?.text || null;
  item.text = cell(text >= 0 ? text : 0)?.text ?? '';
  item.owner = cell(owner)?.text ?? null;
  item.dueText = dueText;
  item.due = same ? same.due : dueText ? parseDate(stripMarks(dueText)) : null;
  item.priority = cell(priority)?.text || null;
  item.status = statusText;
  item.done = isDone;
  item.line = r.line;
  item.shape = 'table';
  item.end = lineLength;
  // Each part's columns on the line; -1 (no such part) where the row has no cell for it.
  item.idStart = cell(id)?.start ?? -1;
  item.idEnd = cell(id)?.end ?? -1;
  item.ownerStart = cell(owner)?.start ?? -1;
  item.ownerEnd = cell(owner)?.end ?? -1;
  item.dueStart = cell(due)?.start ?? -1;
  item.dueEnd = cell(due)?.end ?? -1;
  item.statusStart = cell(status)?.start ?? -1;
  item.statusEnd = cell(status)?.end ?? -1;
  rowItems.set(r.cells, { cols, item });
  return item;
}

// A check mark, or a done word leading the cell ('✅ Done', 'Resolved by PR #47', 'done (merged 2026-09-25)').
const CHECK = /^(?:✅|✔️?|☑️?|\[x\])\s*/iu;
const doneLead = keptTextMemo((text) => stripMarks(text).trim().toLowerCase());

/** Whether a status cell says the item is done. */
function isDoneStatus(text: string, done: Set<string>): boolean {
  const t = doneLead.get(text);
  const c = CHECK.exec(t);
  if (c && c[0].length === t.length) return true;
  const rest = c ? t.slice(c[0].length) : t;
  if (done.has(rest)) return true;
  for (const d of done) if (rest.startsWith(d) && /^(?:$|[\s(:,.;–—-])/.test(rest.slice(d.length))) return true;
  return false;
}

const OPEN_STATUSES: ReadonlySet<string> = new Set(['todo', 'to do', 'open', 'in progress', 'wip', 'pending', 'blocked', 'not started']);

/** No Status column: a cell holding only a status word ('**DONE**' under 'Reference') says it. */
function statusCell(cells: CellInfo[], cols: Columns, done: Set<string>): number {
  return cells.findIndex((c, i) => {
    if (i === cols.id || i === cols.text || i === cols.owner || i === cols.due) return false;
    const word = stripMarks(c.text).toLowerCase();
    return done.has(word) || OPEN_STATUSES.has(word);
  });
}

const ID_LEAD = /^\*\*([A-Z][A-Z0-9]*-\d+(?:-\d+)*)\*\*:?\s*|^([A-Z][A-Z0-9]*-\d+(?:-\d+)*)[:\s]\s*/;
// A bracketed placeholder owner ('[Name, Team]') is taken whole, so it reads as one.
const OWNER = /\b(?:owner|assignee|owned by)\s*[:=]\s*(\[[^\]\n]*\]|[^,;|)\]]+?)(?=\s*(?:[,;|)\]]|\s-\s|\bdue\b|$))|(?:^|\s)(@[\w.-]+)/i;
// 'due: 2025-04-01', 'due=2025-04-01', and 'due 2025-04-01' when an ISO date follows the word.
const DUE = /\b(?:due(?: date)?|target(?: date)?|by)(?:\s*[:=]\s*|\s+(?=\d{4}-\d{2}-\d{2}\b))([^,;|)]+?)(?=\s*(?:[,;|)]|$))/i;

type Columns = Record<keyof typeof COLS, number>;
// Per header (the same object while the table's header text is unchanged), not per row.
const columns = keptWeakMap<CellInfo[], Columns>();

function columnsOf(cells: CellInfo[]): Columns {
  let c = columns.get(cells);
  if (c) return c;
  const header = cells.map((x) => x.text);
  const col = (re: RegExp, not: number[] = []) => header.findIndex((h, i) => !not.includes(i) && re.test(h));
  const id = col(COLS.id);
  const text = col(COLS.text, [id]);
  const owner = col(COLS.owner, [id, text]);
  const due = col(COLS.due, [id, text, owner]);
  const priority = col(COLS.priority, [id, text, owner, due]);
  const status = col(COLS.status, [id, text, owner, due, priority]);
  columns.set(cells, (c = { id, text, owner, due, priority, status }));
  return c;
}

/** What a checkbox line's text says, with offsets into it: reused while the text is unchanged. */
const checkboxReadings = keptTextMemo(readCheckbox);
// Items by the cached row cells / checkbox reading they came from, reused while still exact.
const rowItems = keptWeakMap<CellInfo[], { cols: Columns; item: Item }>();
const checkboxItems = keptWeakMap<object, { start: number; item: Item }>();

function readCheckbox(content: string) {
  const idm = ID_LEAD.exec(content);
  const id = idm ? (idm[1] ?? idm[2]!) : null;
  const idOffset = idm ? content.indexOf(id!) : -1;
  const om = OWNER.exec(content);
  const owner = om ? (om[1] ?? om[2]!).trim() : null;
  const ownerOffset = om ? om.index + om[0].lastIndexOf(owner!) : -1;
  const dm = DUE.exec(content);
  const dueText = dm ? dm[1]!.trim() : null;
  const dueOffset = dm ? dm.index + dm[0].lastIndexOf(dueText!) : -1;
  let text = content;
  const cut = [om?.index, dm?.index].filter((x): x is number => x !== undefined && x > 0);
  // (?<!\s): the match starts only where a run of spaces starts (linear on long runs).
  if (cut.length) text = content.slice(0, Math.min(...cut)).replace(/(?<!\s)\s*[-–—,]\s*$/, '');
  return { id, idOffset, owner, ownerOffset, dueText, dueOffset, text: text.trim(), due: dueText ? parseDate(dueText) : null };
}

function fromCheckbox(line: number, start: number, content: string, checked: boolean, lineEnd: number): ActionItem {
  const reading = checkboxReadings.get(content);
  const old = checkboxItems.get(reading);
  if (old && old.start === start && old.item.line === line && old.item.done === checked && old.item.end === lineEnd) return old.item;
  const { id, idOffset, owner, ownerOffset, dueText, dueOffset, text, due } = reading;
  const item = new Item();
  item.id = id;
  item.text = text;
  item.owner = owner;
  item.dueText = dueText;
  item.due = due;
  item.status = checked ? 'done' : 'open';
  item.done = checked;
  item.line = line;
  item.shape = 'checkbox';
  item.end = lineEnd;
  if (id) {
    item.idStart = start + idOffset;
    item.idEnd = item.idStart + id.length;
  }
  if (owner) {
    item.ownerStart = start + ownerOffset;
    item.ownerEnd = item.ownerStart + owner.length;
  }
  if (dueText) {
    item.dueStart = start + dueOffset;
    item.dueEnd = item.dueStart + dueText.length;
  }
  checkboxItems.set(reading, { start, item });
  return item;
}
