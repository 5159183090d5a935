// One post-mortem reduced to what the workspace views, Insights and `postmortem report` need. The
// index keeps these (a few hundred bytes each) instead of models, so 1,000 documents stay small.
// Every figure is read from the same model as `postmortem metrics`, never computed again here.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Postmortem } from '../model/types';
import { stripMarks } from '../model/text';
import { isOverdue } from '../render/actions';
import { displayZone } from '../model/displayTime';
import { fieldValue } from '../model/fieldValue';
import { monthOf } from '../time';
import type { TemplateSpec } from '../template/schema';
import { isBlankValue, isSampleItem } from '../rules/actionItemState';

export interface ActionItemSummary {
  /** 1-based, as editors and `postmortem lint` show it. */
  line: number;
  id: string | null;
  text: string;
  owner: string | null;
  due: string | null;
  /** The status as written; a checkbox item without one reads as `done` or `open`. */
  status: string | null;
  open: boolean;
  overdue: boolean;
}

/** A stated number that disagrees with the timeline (a duration-mismatch or metric-mismatch finding). */
export interface Mismatch {
  line: number;
  code: string;
  message: string;
}

export interface PostmortemSummary {
  uri: string;
  title: string;
  template: string | null;
  severity: string | null;
  status: string | null;
  /** ISO instants as `postmortem metrics --format json` writes them. */
  start: string | null;
  end: string | null;
  /** YYYY-MM of the start in the document's zone, else of its stated date; null when undated. */
  month: string | null;
  /** Sort key: the start (epoch ms), else the stated date at midnight UTC. */
  sortKey: number | null;
  durationMinutes: number | null;
  timeToDetectMinutes: number | null;
  timeToAcknowledgeMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  errors: number;
  warnings: number;
  /** All findings, including information and hints. */
  problems: number;
  mismatches: Mismatch[];
  actionItems: ActionItemSummary[];
}

export const isoInstant = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));

/** The item's words without bold around some of them ('**Runbook**: write it'), as a list shows them. */
const plainText = (text: string): string => stripMarks(text.replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'));

const MISMATCH_CODES: ReadonlySet<string> = new Set(['duration-mismatch', 'metric-mismatch']);

/** The summary of a post-mortem; null for a document that is not one. */
export function summarize(model: Postmortem, diagnostics: readonly Diagnostic[], today: string, template: TemplateSpec | null): PostmortemSummary | null {
  if (!model.isPostmortem) return null;
  const m = model.metrics;
  const month = m.start !== null ? monthOf(m.start, displayZone(model)) : (model.date?.slice(0, 7) ?? null);
  const sortKey = m.start ?? (model.date ? Date.parse(`${model.date}T00:00:00Z`) : null);
  return {
    uri: model.uri,
    title: model.title ? stripMarks(model.title) : 'Untitled post-mortem',
    template: model.templateId,
    severity: fieldValue(model, 'severity')?.text ?? null,
    status: fieldValue(model, 'status')?.text ?? null,
    start: isoInstant(m.start),
    end: isoInstant(m.end),
    month,
    sortKey: sortKey !== null && Number.isFinite(sortKey) ? sortKey : null,
    durationMinutes: m.durationMinutes,
    timeToDetectMinutes: m.timeToDetectMinutes,
    timeToAcknowledgeMinutes: m.timeToAcknowledgeMinutes,
    timeToMitigateMinutes: m.timeToMitigateMinutes,
    timeToResolveMinutes: m.timeToResolveMinutes,
    errors: diagnostics.filter((d) => (d.severity ?? 1) === 1).length,
    warnings: diagnostics.filter((d) => d.severity === 2).length,
    problems: diagnostics.length,
    mismatches: diagnostics
      .filter((d) => typeof d.code === 'string' && MISMATCH_CODES.has(d.code))
      .map((d) => ({ line: d.range.start.line + 1, code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value })),
    // A template's sample rows are no follow-ups, and a placeholder owner or date is none.
    actionItems: model.actionItems
      .filter((item) => !isSampleItem(item, template))
      .map((item) => ({
        line: item.line + 1,
        id: item.id,
        text: plainText(item.text),
        owner: isBlankValue(item.owner, template) ? null : item.owner!.trim(),
        due: item.due ?? (isBlankValue(item.dueText, template) ? null : item.dueText),
        status: item.status ?? (item.shape === 'checkbox' ? (item.done ? 'done' : 'open') : null),
        open: !item.done,
        overdue: isOverdue(item, today),
      })),
  };
}
