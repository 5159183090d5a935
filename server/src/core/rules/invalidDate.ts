// A date that cannot be read or does not exist (2024-02-30, 2024-13-01) where a date is expected:
// date fields, dated start/end fields, action item due dates, dated timeline times and the front
// matter's date. Unfilled placeholders (YYYY-MM-DD, [DATE]) are the placeholder rule's business.
import type { Rule, RuleContext, Finding, Fix } from './rule';
import type { ActionItem, Field, TimelineEntry } from '../model/types';
import { fieldSpec } from '../model/fields';
import { findPlaceholders, isPlaceholderValue } from '../model/placeholders';
import { within } from '../model/sections';
import { lineRange, normalizeTitle, stripMarks, stripParens } from '../model/text';
import { isBlankValue, isSampleItem } from './actionItemState';
import { dayOf, parseDate, parseTime } from '../time';
import { dateProblems, readingsOf, scanDates, type DateToken } from '../time/dateTokens';
import { memoByPatterns } from './templateMemo';
import { keptCarried } from './carried';
import type { ListItemInfo } from '../parse/blockInfo';

const DATE_KEY =
  /^(?:(?:incident|review|report|start|end|due|target|completion|resolution|publication) )?date$|^date of (?:the )?incident$|^(?:due|deadline|last updated|updated|next review|\d+[- ]day review)$/;
const DATED_KEY = /\b(?:date|time|timestamp|start|started|end|ended|due|deadline|updated|review|when|detected|resolved|began)\b/i;
const NOT_A_DATE_YET = /^(?:n\/?a|none|-+|–|—|tbd|tba|tbc|unknown|ongoing|pending)$/i;

/** A value that must be a date but holds none and is not a placeholder: the text to name (marks stripped), else ''. */
const unreadableDate = memoByPatterns((raw, extra) => {
  const v = stripMarks(raw);
  // An ISO date-time ('2020-04-29T00:04:35+02:00', a static site's front matter) holds its date.
  if (!v || NOT_A_DATE_YET.test(v) || isPlaceholderValue(v) || findPlaceholders(v, extra).length || scanDates(v).length || parseDate(v) || parseTime(v)?.date) return '';
  return v;
});

/** 'date' when the whole value must be a date; 'dated' when it may hold dates (start time, time range). */
function dateKind(ctx: RuleContext, f: Field): 'date' | 'dated' | null {
  const spec = fieldSpec(f, ctx.model.sections, ctx.template);
  if (spec) return spec.type === 'date' ? 'date' : ['date-time', 'time-range', 'duration'].includes(spec.type) ? 'dated' : null;
  const key = normalizeTitle(stripParens(f.key));
  return DATE_KEY.test(key) ? 'date' : DATED_KEY.test(key) ? 'dated' : null;
}

/** The bad date a list item starts with (after an opening mark), if any. */
function leadingProblem(text: string): DateToken | null {
  const lead = /^(?:\*\*|__|`)?/.exec(text)![0].length;
  return scanDates(text).find((x) => x.start === lead && x.problem !== null) ?? null;
}
const itemLeads = keptCarried<ListItemInfo, DateToken | null>();

/** A date read for certain (16/03/2020, or 03/04/2024 where the document settles the order) is only
 *  not in the portable form: a hint with its rewrite. One either way round is a warning: the author's
 *  locale may make it plain to its readers. Only a date that does not exist is an error. */
const tokenLevel = (t: DateToken, settled: boolean): Finding['severity'] => (t.iso !== null || (t.ambiguous && settled) ? 'hint' : t.ambiguous ? 'warning' : undefined);

// Whether an action item's due date, or an entry's time, has something to report (most have not).
const itemsToCheck = keptCarried<ActionItem, boolean>();
const entriesToCheck = keptCarried<TimelineEntry, boolean>();

export const invalidDate: Rule = {
  id: 'invalid-date',
  defaultSeverity: 'error',
  description: 'A date that cannot be read or does not exist, such as 2024-02-30.',
  check(ctx) {
    const { model, template } = ctx;
    const unreadable = unreadableDate(template);
    const out: Finding[] = [];
    const seen = new Set<string>();
    const push = (line: number, start: number, end: number, message: string, data?: Record<string, unknown>, severity?: Finding['severity']) => {
      if (seen.has(`${line}:${start}`) || model.codeLines.has(line)) return;
      seen.add(`${line}:${start}`);
      out.push({ range: lineRange(line, start, end), message, ...(data ? { data } : {}), ...(severity ? { severity } : {}) });
    };
    /** `settled`: the text was read as a date (a timeline time placed by the document's other dates). */
    const problems = (line: number, offset: number, text: string, settled = false) => {
      for (const t of dateProblems(text)) {
        const message = t.ambiguous && settled ? `Date '${t.text}' reads either way round; the document's other dates settle it. YYYY-MM-DD reads the same everywhere.` : t.problem!;
        push(line, offset + t.start, offset + t.end, message, t.rewrite ? { text: t.text, rewrite: t.rewrite } : undefined, tokenLevel(t, settled));
      }
    };
    /** A value that must be a date: its bad tokens, or the whole value when it holds no date at all. */
    const wholeDate = (line: number, offset: number, raw: string, what: string) => {
      problems(line, offset, raw);
      const v = unreadable.get(raw);
      // A date that does not exist is certain; a value not read may be a form the reader does not know
      // ('January 14-19, 2026'): a warning.
      if (v) push(line, offset, offset + raw.length, `Cannot read ${what} '${v}': write it as YYYY-MM-DD.`, undefined, 'warning');
    };

    // The days the timeline's entries are on ('### 03-10-2021' under '#### 29-09-2021': day first).
    let days: Set<string> | null = null;
    const entryDays = () => (days ??= new Set(model.timeline.entries.flatMap((e) => (e.at === null ? [] : [dayOf(e.at, e.zone)]))));
    /** One reading of an either-way-round date is the document's date, or the only one its timeline is on. */
    const settledDate = (raw: string) =>
      scanDates(raw).some((t) => {
        const r = readingsOf(t);
        return r.length === 2 && ((model.date !== null && r.includes(model.date)) || r.filter((x) => entryDays().has(x)).length === 1);
      });
    for (const f of model.fields) {
      const kind = dateKind(ctx, f);
      // The document date settled by the text's days in words ('3rd of August' for 03.08.2023), or by the timeline.
      if (kind === 'date' && settledDate(f.raw)) problems(f.line, f.valueRange.start.character, f.raw, true);
      else if (kind === 'date') wholeDate(f.line, f.valueRange.start.character, f.raw, 'date');
      else if (kind === 'dated') problems(f.line, f.valueRange.start.character, f.raw);
    }
    const { actionItems } = model;
    const dueToCheck = itemsToCheck.map(
      actionItems,
      (item) => {
        if (!item.dueText || !item.dueRange || isBlankValue(item.dueText, template) || isSampleItem(item, template)) return false;
        return dateProblems(item.dueText).length > 0 || unreadable.get(item.dueText) !== '';
      },
      template,
    );
    for (let i = 0; i < actionItems.length; i++) {
      const item = actionItems[i]!;
      if (dueToCheck[i]) wholeDate(item.dueRange!.start.line, item.dueRange!.start.character, item.dueText!, 'due date');
    }
    const { entries, section } = model.timeline;
    const entryDates = entriesToCheck.map(entries, (e) => dateProblems(e.timeText).length > 0);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (entryDates[i]) problems(e.line, e.timeRange.start.character, e.timeText, e.at !== null);
    }
    // A list item led by a date that does not exist is not read as an entry at all.
    if (section) {
      const { listItems } = model;
      const leads = itemLeads.map(listItems, (it) => leadingProblem(it.text));
      let entryLines: Set<number> | null = null;
      for (let i = 0; i < listItems.length; i++) {
        const t = leads[i];
        const it = listItems[i]!;
        if (!t || it.depth !== 1 || !within(section, it.line)) continue;
        entryLines ??= new Set(entries.map((e) => e.line));
        if (entryLines.has(it.line)) continue;
        push(it.line, it.contentStart + t.start, it.contentStart + t.end, t.problem!, t.rewrite ? { text: t.text, rewrite: t.rewrite } : undefined, tokenLevel(t, false));
      }
    }
    if (model.frontMatterRange) {
      for (let l = model.frontMatterRange.start.line + 1; l < model.frontMatterRange.end.line; l++) {
        const m = /^(date\s*:\s*)(["']?)(.*?)\2\s*(?:#.*)?$/i.exec(model.lines[l] ?? '');
        if (m && m[3]) wholeDate(l, m[1]!.length + m[2]!.length, m[3], 'date');
      }
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
  fix(_ctx, finding) {
    const rewrite = finding.data?.['rewrite'];
    if (typeof rewrite !== 'string') return [];
    // Safe unattended: the written date has exactly one reading that exists.
    const fix: Fix = { title: `Rewrite '${String(finding.data?.['text'])}' as ${rewrite}`, edits: [{ range: finding.range, newText: rewrite }], isPreferred: true, fixAll: true };
    return [fix];
  },
};
