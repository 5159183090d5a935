// People in owner and responder positions: the names the document already uses (owners, responders,
// people fields, @handles), most frequent first.
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { Postmortem } from '../model/types';
import type { FieldSpec } from '../template/schema';
import type { RuleContext } from '../rules/rule';
import { fieldSpec } from '../model/fields';
import { normalizeTitle, stripMarks, stripParens } from '../model/text';
import { cellAt, cellEdit, lastAtOrBefore, lineRange, looksLikePlaceholder, rank, tableHeader, type Cursor, type Items } from './cursor';
import { keptWeakMap } from '../state';

const OWNER_HEADER = /owner|assignee|who|\bby\b|responder|responsible|actor|person|\bdri\b/i;
/** Field keys that name people when the template has no spec for them. */
const PEOPLE_KEY = /^(owners?|prepared by|authors?|incident commanders?|ic|(key |on-call )?responders|participants|reviewers?|assignees?|incident lead|scribe|communications? lead)$/i;
const SEPARATOR = /\s*(?:[,;&]|\band\b)\s*/;
const NOT_A_NAME = /^(?:\[.*\]|names?|name\(s\)|tbd|n\/a|none|unassigned|@username|owner|-+|—|\?+)$/i;
const HANDLE = /[A-Za-z0-9][\w.-]*\w|[A-Za-z0-9]/y;

export function isPeopleField(key: string, spec: FieldSpec | null): boolean {
  return spec ? spec.type === 'people' : PEOPLE_KEY.test(stripParens(key).trim());
}

const SIMPLE = /^[^,;&()*_`[\]]*$/;

/** Split a people value ('Felix Braun (search on-call), Ines Duarte') into names. */
export function namesIn(value: string): string[] {
  if (SIMPLE.test(value) && !/\band\b/.test(value)) {
    const n = value.trim();
    return n && n.length <= 60 && !NOT_A_NAME.test(n) ? [n] : [];
  }
  return stripMarks(value)
    .split(SEPARATOR)
    .map((n) => stripMarks(n.replace(/\s*\([^)]*\)/g, '').trim()))
    .filter((n) => n && n.length <= 60 && !NOT_A_NAME.test(n));
}

const cache = keptWeakMap<Postmortem, string[]>();

/** Everyone the document names, most frequent first (then first mention). Cached per model. */
export function peopleIn(ctx: RuleContext): string[] {
  const { model, template } = ctx;
  const hit = cache.get(model);
  if (hit) return hit;
  const counts = new Map<string, { name: string; count: number; first: number }>();
  const add = (name: string, handle = false) => {
    if (name.startsWith('@') && !handle) return; // @handles are counted by the scan of the text below
    const key = name.toLowerCase();
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { name, count: 1, first: counts.size });
  };
  // A cheap key check first, so only likely people fields pay for the spec lookup.
  const keys = new Set((template?.sections ?? []).flatMap((s) => s.fields.filter((f) => f.type === 'people').flatMap((f) => [f.key, ...f.aliases].map((n) => normalizeTitle(stripParens(n))))));
  for (const f of model.fields) {
    const key = normalizeTitle(stripParens(f.key));
    if ((keys.has(key) || PEOPLE_KEY.test(key)) && isPeopleField(f.key, fieldSpec(f, model.sections, template))) namesIn(f.raw).forEach((n) => add(n));
  }
  // Owner columns repeat the same few values thousands of times in a long timeline: split each once.
  const split = new Map<string, string[]>();
  const owners = (raw: string) => {
    let names = split.get(raw);
    if (!names) split.set(raw, (names = namesIn(raw)));
    names.forEach((n) => add(n));
  };
  for (const a of model.actionItems) if (a.owner) owners(a.owner);
  for (const e of model.timeline.entries) if (e.owner) owners(e.owner);
  const text = model.text;
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    if (i > 0 && /[\w.@]/.test(text[i - 1]!)) continue; // e-mail addresses
    HANDLE.lastIndex = i + 1;
    const m = HANDLE.exec(text);
    if (m && !NOT_A_NAME.test('@' + m[0])) add('@' + m[0], true);
  }
  const out = [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((c) => c.name);
  cache.set(model, out);
  return out;
}

/** `current` is the text being replaced: a half-typed name is in the document too, but is no suggestion. */
function items(names: string[], at: (name: string) => { range: Range; newText: string }, filterPrefix: string, current: string): Items {
  const typed = current.trim().toLowerCase();
  return names
    .filter((n) => n.toLowerCase() !== typed)
    .map((name, i): CompletionItem => ({
      label: name,
      kind: CompletionItemKind.Value,
      detail: 'Named in this post-mortem',
      sortText: rank(i),
      preselect: i === 0,
      ...(filterPrefix ? { filterText: filterPrefix + name } : {}),
      textEdit: at(name),
    }));
}

/** Owner column of a table, `Owner:` in a checkbox item, a people field, or an `@handle` being typed. */
export function peopleCompletions(cur: Cursor): Items {
  const { model } = cur.ctx;
  return ownerCell(cur) ?? ownerAfterLabel(cur) ?? peopleField(cur, model) ?? handle(cur) ?? [];
}

function ownerCell(cur: Cursor): Items | null {
  if (!cur.text.includes('|')) return null;
  const header = tableHeader(cur.ctx.model.rows, cur.ctx.model.lines, cur.line);
  const cell = header ? cellAt(cur.text, cur.character) : null;
  if (!header || !cell || !OWNER_HEADER.test(header[cell.index] ?? '')) return null;
  const typed = cur.text.slice(cell.start, cur.character).trim();
  return items(peopleIn(cur.ctx), (n) => cellEdit(cur, cell, n), looksLikePlaceholder(typed) ? typed : '', cell.text);
}

const OWNER_LABEL = /\b(?:owner|assignee|owned by)\s*:\s*([^,;|)\]]*)$/i;
const OWNER_REST = /^[^,;|)]*?(?=\s*(?:[,;|)]|\s[-–—]\s|$))/;

function ownerAfterLabel(cur: Cursor): Items | null {
  if (!/^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(cur.text)) return null;
  const m = OWNER_LABEL.exec(cur.before);
  if (!m) return null;
  const start = cur.character - m[1]!.length;
  const end = cur.character + OWNER_REST.exec(cur.after)![0].length;
  const typed = m[1]!;
  const pre = /\s/.test(cur.text[start - 1] ?? ' ') ? '' : ' ';
  const current = cur.text.slice(start, end);
  return items(peopleIn(cur.ctx), (n) => ({ range: lineRange(cur.line, start, end), newText: pre + n }), looksLikePlaceholder(current) ? typed : '', current);
}

function peopleField(cur: Cursor, model: Postmortem): Items | null {
  const i = lastAtOrBefore(model.fields, cur.line);
  const field = model.fields[i];
  if (!field || field.line !== cur.line || cur.character < field.keyRange.end.character) return null;
  if (!isPeopleField(field.key, fieldSpec(field, model.sections, cur.ctx.template))) return null;
  const valueStart = Math.min(field.valueRange.start.character, cur.character);
  const head = cur.text.slice(valueStart, cur.character);
  let start = valueStart;
  for (const m of head.matchAll(new RegExp(SEPARATOR.source, 'g'))) start = valueStart + m.index + m[0].length;
  const tail = cur.text.slice(cur.character, Math.max(field.valueRange.end.character, cur.character));
  const sep = SEPARATOR.exec(tail);
  const end = cur.character + (sep ? sep.index : tail.length);
  const current = cur.text.slice(start, end);
  const others = new Set(namesIn(cur.text.slice(field.valueRange.start.character, start) + ',' + cur.text.slice(end, field.valueRange.end.character)).map((n) => n.toLowerCase()));
  const pre = start > 0 && !/\s/.test(cur.text[start - 1]!) ? ' ' : '';
  const names = peopleIn(cur.ctx).filter((n) => !others.has(n.toLowerCase()));
  return items(names, (n) => ({ range: lineRange(cur.line, start, end), newText: pre + n }), looksLikePlaceholder(current) ? cur.text.slice(start, cur.character) : '', current);
}

function handle(cur: Cursor): Items | null {
  const m = /(?:^|[\s(])(@[\w.-]*)$/.exec(cur.before);
  if (!m) return null;
  const start = cur.character - m[1]!.length;
  const end = cur.character + /^[\w.-]*/.exec(cur.after)![0].length;
  return items(
    peopleIn(cur.ctx).filter((n) => n.startsWith('@')),
    (n) => ({ range: lineRange(cur.line, start, end), newText: n }),
    '',
    cur.text.slice(start, end),
  );
}
