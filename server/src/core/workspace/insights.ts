// Insights: the workspace report as a page. Rendered here like the preview (same CSP with a nonce,
// every text escaped, no document content as HTML), for the webview (VS Code theme, a click script)
// and as standalone HTML (light theme, no script).
import { METRIC_KINDS, type MetricKind } from '../model/types';
import { METRIC_LABEL, METRIC_SHORT } from '../model/metricNames';
import { page, type RenderMode } from '../render/page';
import { attrs, count, esc } from '../render/html';
import { formatDuration } from '../time';
import { barChart, lineChart } from './charts';
import { NO_SEVERITY, type MonthStats, type Report } from './report';
import { byDateDescending } from './workspaceIndex';
import type { PostmortemSummary } from './summary';

export interface InsightsOptions {
  mode: RenderMode;
  nonce?: string;
  cspSource?: string;
  /** Webview URI of media/insights.js (webview mode; without it the page has no script). */
  scriptUri?: string;
  /** Shown under the title, e.g. "12 of 40 files indexed". */
  note?: string;
}

/** `file` names a document for display; `summaries` give the mismatches (the report has no room for them). */
export function renderInsights(report: Report, summaries: readonly PostmortemSummary[], file: (uri: string) => string, options: InsightsOptions): { html: string; body: string } {
  const s = report.summary;
  const months = s.byMonth.map((m) => m.month);
  const severities = Object.entries(s.bySeverity).sort(([a, x], [b, y]) => (a === NO_SEVERITY ? 1 : b === NO_SEVERITY ? -1 : y - x || a.localeCompare(b)));
  const parts: string[] = [];
  parts.push(
    `<section class="pm-card" aria-label="Overview"><p class="pm-title">Post-mortem insights</p>` +
      (options.mode === 'webview' ? `<p><button type="button" class="pm-link" data-command="export">Export HTML</button></p>` : '') +
      (options.note ? `<p class="pm-note">${esc(options.note)}</p>` : '') +
      `<dl class="pm-counts">${fact('postmortems', 'Post-mortems', s.postmortems)}${fact('open', 'Open action items', s.openActionItems)}${fact('overdue', 'Overdue action items', s.overdueActionItems)}${fact('mismatched', 'Stated numbers disagree', summaries.filter((x) => x.mismatches.length).length)}</dl></section>`,
  );
  if (!s.postmortems) {
    parts.push(`<section class="pm-card"><p class="pm-empty">No post-mortems found in the workspace.</p></section>`);
  } else {
    parts.push(
      card(
        'per-month',
        'Post-mortems per month',
        barChart(
          'per-month',
          'Post-mortems per month',
          s.byMonth.map((m) => ({ label: m.month, value: m.postmortems })),
        ),
      ),
    );
    parts.push(
      card(
        'per-severity',
        'Post-mortems per severity',
        barChart(
          'per-severity',
          'Post-mortems per severity',
          severities.map(([label, value]) => ({ label, value })),
        ),
      ),
    );
    for (const kind of METRIC_KINDS.filter((k) => k !== 'duration')) parts.push(metricCard(kind, months, s.byMonth));
    parts.push(ownersCard(report));
    parts.push(mismatchCard(summaries, file, options.mode));
  }
  const body = parts.join('\n');
  const html = page({
    title: 'Post-mortem insights',
    body,
    mode: options.mode === 'webview' ? 'webview' : 'standalone',
    nonce: options.nonce,
    cspSource: options.cspSource,
    scriptUri: options.scriptUri,
    css: INSIGHTS_CSS,
    rootClass: 'pm-insights',
  });
  return { html, body };
}

function fact(name: string, label: string, n: number): string {
  return `<div data-count="${name}"><dt>${esc(label)}</dt><dd>${n}</dd></div>`;
}

function card(name: string, title: string, inner: string): string {
  return `<section class="pm-card" data-card="${esc(name)}" aria-label="${esc(title)}"><h2 class="pm-card-title">${esc(title)}</h2>${inner}</section>`;
}

function metricCard(kind: MetricKind, months: readonly string[], byMonth: readonly MonthStats[]): string {
  const cap = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}` as Capitalize<MetricKind>;
  const [long, short] = [METRIC_LABEL[kind], METRIC_SHORT[kind]];
  const median = byMonth.map((m) => m[`median${cap}Minutes`]);
  const mean = byMonth.map((m) => m[`mean${cap}Minutes`]);
  const latest = [...byMonth].reverse().find((m) => m[`median${cap}Minutes`] !== null);
  const note = latest
    ? `<p class="pm-note">Latest (${esc(latest.month)}): median ${esc(formatDuration(latest[`median${cap}Minutes`] ?? 0))}, mean ${esc(formatDuration(latest[`mean${cap}Minutes`] ?? 0))}. Months without a computed ${esc(short)} leave a gap.</p>`
    : '';
  return card(
    `metric-${kind}`,
    `${long} (${short}) per month`,
    lineChart(`metric-${kind}`, `Median and mean ${long.toLowerCase()} per month`, months, [
      { name: 'median', cls: 'pm-s-median', values: median },
      { name: 'mean', cls: 'pm-s-mean', values: mean },
    ]) + note,
  );
}

function ownersCard(report: Report): string {
  const owners = new Map<string, { label: string; open: number; overdue: number }>();
  for (const a of report.actionItems) {
    if (!a.open) continue;
    const label = a.owner ?? '(no owner)';
    const key = a.owner === null ? '' : a.owner.replace(/^@/, '').toLowerCase();
    const o = owners.get(key) ?? { label, open: 0, overdue: 0 };
    o.open++;
    if (a.overdue) o.overdue++;
    owners.set(key, o);
  }
  const rows = [...owners.entries()].sort(([ka, a], [kb, b]) => (ka === '' ? 1 : kb === '' ? -1 : b.overdue - a.overdue || b.open - a.open || a.label.localeCompare(b.label)));
  const inner = rows.length
    ? barChart(
        'owners',
        'Open and overdue action items by owner',
        rows.map(([, o]) => ({ label: o.label, value: o.open, highlight: o.overdue })),
        ['open', 'overdue'],
      )
    : `<p class="pm-empty">No open action items.</p>`;
  return card('owners', 'Open action items by owner', inner);
}

function mismatchCard(summaries: readonly PostmortemSummary[], file: (uri: string) => string, mode: RenderMode): string {
  const list = summaries.filter((s) => s.mismatches.length).sort(byDateDescending);
  if (!list.length) return card('mismatches', 'Stated numbers that disagree with the timeline', `<p class="pm-empty">None: every stated duration and metric agrees with its timeline.</p>`);
  const link = (uri: string, line: number, text: string) => (mode === 'webview' ? `<a href="#"${attrs({ 'data-open-uri': uri, 'data-open-line': line - 1 })}>${esc(text)}</a>` : esc(text));
  const items = list
    .map(
      (s) =>
        `<li data-mismatch="${esc(file(s.uri))}">${link(s.uri, 1, s.title)} <span class="pm-muted">${esc(file(s.uri))}</span><ul>` +
        s.mismatches.map((m) => `<li>${link(s.uri, m.line, `line ${m.line}`)}: ${esc(m.message)}</li>`).join('') +
        `</ul></li>`,
    )
    .join('');
  return card('mismatches', `Stated numbers that disagree with the timeline (${count(list.length, 'post-mortem')})`, `<ul class="pm-mismatches">${items}</ul>`);
}

const INSIGHTS_CSS = `
body { max-width: 1100px; }
#pm-root { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 0 14px; align-items: start; }
#pm-root > .pm-card:first-child, #pm-root > [data-card="mismatches"] { grid-column: 1 / -1; }
.pm-chart { display: block; overflow: visible; }
.pm-chart text { fill: var(--pm-muted); font-size: 11px; font-family: var(--pm-font); stroke: none; }
.pm-bar { fill: var(--pm-c-restored); background: var(--pm-c-restored); }
.pm-bar-hot { fill: var(--pm-c-detected); background: var(--pm-c-detected); }
.pm-grid { stroke: var(--pm-border); stroke-width: 1; }
.pm-line { fill: none; stroke-width: 2; }
.pm-s-median { stroke: var(--pm-c-restored); fill: var(--pm-c-restored); background: var(--pm-c-restored); }
.pm-s-mean { stroke: var(--pm-c-acknowledged); fill: var(--pm-c-acknowledged); background: var(--pm-c-acknowledged); }
.pm-line.pm-s-mean { stroke-dasharray: 5 3; fill: none; }
.pm-line.pm-s-median { fill: none; }
.pm-mismatches { margin: 0; padding-left: 20px; }
`;
