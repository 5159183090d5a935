// The workspace report (`postmortem report --format json`, the Insights page): per post-mortem the
// figures `postmortem metrics` gives, every action item, and a summary per severity and per month.
import type { MetricKind } from '../model/types';
import { METRIC_KINDS } from '../model/types';
import { byDateDescending } from './workspaceIndex';
import type { ActionItemSummary, PostmortemSummary } from './summary';

type MetricKey = `${MetricKind}Minutes`;
const METRIC_KEYS: readonly MetricKey[] = METRIC_KINDS.map((k) => `${k}Minutes` as const);

/** What the report gives of each post-mortem besides its file, in order (the JSON keys, the CSV columns). */
export const REPORT_FIELDS = ['title', 'template', 'severity', 'status', 'start', 'end', ...METRIC_KEYS, 'errors', 'warnings'] as const;

export type ReportPostmortem = { file: string } & Pick<PostmortemSummary, (typeof REPORT_FIELDS)[number]>;

/** An action item in the report: the summary's, and the file it is in. */
export type ReportActionItem = ActionItemSummary & { file: string };

type Capitalised = `${Capitalize<MetricKind>}Minutes`;
export type MonthStats = { month: string; postmortems: number } & Record<`median${Capitalised}` | `mean${Capitalised}`, number | null>;

export interface ReportSummary {
  postmortems: number;
  /** Severity as written (`(not set)` when missing) -> count. */
  bySeverity: Record<string, number>;
  /** Oldest month first; post-mortems with no date are counted in `postmortems` only. */
  byMonth: MonthStats[];
  openActionItems: number;
  overdueActionItems: number;
}

export interface Report {
  postmortems: ReportPostmortem[];
  actionItems: ReportActionItem[];
  summary: ReportSummary;
}

export const NO_SEVERITY = '(not set)';

const capital = (k: MetricKind): Capitalize<MetricKind> => (k.charAt(0).toUpperCase() + k.slice(1)) as Capitalize<MetricKind>;

/** `file` names each document in the output: a path for the CLI, a URI or relative path in the editor. */
export function buildReport(summaries: readonly PostmortemSummary[], file: (uri: string) => string = (u) => u): Report {
  const sorted = [...summaries].sort(byDateDescending);
  const postmortems = sorted.map((s) => reportPostmortem(s, file(s.uri)));
  const actionItems = sorted.flatMap((s) => s.actionItems.map((a): ReportActionItem => ({ file: file(s.uri), ...a })));
  return { postmortems, actionItems, summary: summarizeAll(sorted) };
}

/** What sorting and the summary per severity and month read of a post-mortem: its action items only as counts. */
export type CountedSummary = Pick<PostmortemSummary, 'uri' | 'title' | 'sortKey' | 'severity' | 'month' | MetricKey> & { openActionItems: number; overdueActionItems: number };

function counted(s: PostmortemSummary): CountedSummary {
  let open = 0;
  let overdue = 0;
  for (const a of s.actionItems) {
    if (a.open) open++;
    if (a.overdue) overdue++;
  }
  const c = { uri: s.uri, title: s.title, sortKey: s.sortKey, severity: s.severity, month: s.month, openActionItems: open, overdueActionItems: overdue } as CountedSummary;
  for (const k of METRIC_KEYS) c[k] = s[k];
  return c;
}

const reportPostmortem = (s: PostmortemSummary, file: string) => Object.fromEntries([['file', file], ...REPORT_FIELDS.map((k) => [k, s[k]])]) as ReportPostmortem;

export function summarizeAll(all: readonly PostmortemSummary[]): ReportSummary {
  return summarizeCounted(all.map(counted));
}

/** 'High' and 'HIGH' are one severity: counted together, under the spelling most documents use. */
function countSeverities(values: readonly string[]): Record<string, number> {
  const groups = new Map<string, Map<string, number>>();
  for (const v of values) {
    const key = v.toLowerCase();
    let spellings = groups.get(key);
    if (!spellings) groups.set(key, (spellings = new Map()));
    spellings.set(v, (spellings.get(v) ?? 0) + 1);
  }
  const out: Record<string, number> = {};
  for (const spellings of groups.values()) {
    let label = '';
    let most = 0;
    let total = 0;
    for (const [v, n] of spellings) {
      total += n;
      if (n > most) [label, most] = [v, n];
    }
    out[label] = total;
  }
  return out;
}

function summarizeCounted(summaries: readonly CountedSummary[]): ReportSummary {
  const bySeverity = countSeverities(summaries.map((s) => s.severity ?? NO_SEVERITY));
  const months = new Map<string, CountedSummary[]>();
  for (const s of summaries) {
    if (!s.month) continue;
    const group = months.get(s.month);
    if (group) group.push(s);
    else months.set(s.month, [s]);
  }
  const byMonth = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, group]) => {
      const stats: Record<string, number | null | string> = { month, postmortems: group.length };
      for (const kind of METRIC_KINDS) {
        const values = group.map((s) => s[`${kind}Minutes`]).filter((v): v is number => v !== null);
        stats[`median${capital(kind)}Minutes`] = median(values);
        stats[`mean${capital(kind)}Minutes`] = mean(values);
      }
      return stats as MonthStats;
    });
  return {
    postmortems: summaries.length,
    bySeverity,
    byMonth,
    openActionItems: summaries.reduce((n, s) => n + s.openActionItems, 0),
    overdueActionItems: summaries.reduce((n, s) => n + s.overdueActionItems, 0),
  };
}

/**
 * A post-mortem's share of `JSON.stringify(buildReport(...), null, 2)`, made where it was read (a
 * worker thread): its entry and its action items already as JSON text, and what sorting and the
 * summary need. Joined by reportJsonParts, the pieces give the same text, byte for byte, without the
 * main thread receiving thousands of action items as objects and serialising them after the rest.
 * The CLI sends the texts as UTF-8 bytes (`Text`), which the main thread writes as they are.
 */
export interface ReportPiece<Text = string> {
  summary: CountedSummary;
  postmortem: Text;
  /** The action items' entries joined with ",\n"; null when there are none. */
  actionItems: Text | null;
}

const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(depth)}`);

/** `nested(value, 4)` for an object of plain values (the report's entries are): indented by the stringify itself, its closing brace moved in. */
const flatEntry = (value: object) => `${JSON.stringify(value, null, 6).slice(0, -1)}    }`;

export function reportPiece(s: PostmortemSummary, file: string): ReportPiece {
  return {
    summary: counted(s),
    postmortem: `    ${flatEntry(reportPostmortem(s, file))}`,
    actionItems: s.actionItems.length ? s.actionItems.map((a) => `    ${flatEntry({ file, ...a })}`).join(',\n') : null,
  };
}

/** The JSON report in parts, the pieces' texts among them as they are: joined, they are the whole (no 7 MB string made at once). */
export function reportJsonParts<Text>(pieces: readonly ReportPiece<Text>[]): (string | Text)[] {
  const sorted = [...pieces].sort((a, b) => byDateDescending(a.summary, b.summary));
  const out: (string | Text)[] = ['{\n'];
  const list = (key: string, texts: Text[]) => {
    if (!texts.length) return void out.push(`  "${key}": [],\n`);
    out.push(`  "${key}": [\n`);
    texts.forEach((t, i) => out.push(t, i < texts.length - 1 ? ',\n' : '\n'));
    out.push('  ],\n');
  };
  const entries = sorted.map((p) => p.postmortem);
  const items = sorted.flatMap((p) => (p.actionItems === null ? [] : [p.actionItems]));
  list('postmortems', entries);
  list('actionItems', items);
  out.push(`  "summary": ${nested(summarizeCounted(sorted.map((p) => p.summary)), 2)}\n}`);
  return out;
}

/** Null for no values; the middle one, or the mean of the middle two. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : round1((v[mid - 1]! + v[mid]!) / 2);
}

/** Null for no values; rounded to a tenth of a minute. */
export function mean(values: readonly number[]): number | null {
  return values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
