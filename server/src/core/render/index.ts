// The preview and the exported report, rendered from the model: a summary card, the timeline
// chart, the action items, the problem count and the document itself. Pure: the same HTML backs
// the webview (VS Code theme, our script), `Export HTML` and `postmortem render` (light theme, no script).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Metrics, Postmortem } from '../model/types';
import type { RuleContext } from '../rules/rule';
import { stripMarks } from '../model/text';
import { actionSummary } from './actions';
import { timelineChart } from './chart';
import { count, esc } from './html';
import { renderMarkdown, type ReadResource } from './markdown';
import { page, validBase, type RenderMode } from './page';
import { summaryCard } from './summary';

export type { ReadResource, RenderMode };

export interface RenderOptions {
  mode: RenderMode;
  /** Nonce for our <style> and <script>; a fresh one is made when missing or malformed. */
  nonce?: string;
  /** The webview's `cspSource` (webview mode). */
  cspSource?: string;
  /** Webview URI of the document's folder, for relative images (webview mode). */
  resourceBase?: string;
  /** Webview URI of media/preview.js (webview mode; without it the page has no script). */
  scriptUri?: string;
  /** The document's diagnostics, for the problem count (webview mode). */
  diagnostics?: readonly Diagnostic[];
  /** Reads small local images to inline them (standalone mode, Node side). */
  readResource?: ReadResource;
}

export interface RenderResult {
  /** A whole page with its Content-Security-Policy. */
  html: string;
  /** What goes inside #pm-root: the webview swaps it in place on each change. */
  body: string;
  metrics: Metrics;
  diagnosticsCount: number;
  isPostmortem: boolean;
  title: string;
}

export function render(ctx: RuleContext, options: RenderOptions): RenderResult {
  const { model } = ctx;
  const mode = options.mode === 'webview' ? 'webview' : 'standalone';
  const diagnostics = options.diagnostics ?? [];
  const title = displayTitle(model);
  const parts: string[] = [];
  if (!model.isPostmortem) {
    parts.push(
      `<section class="pm-card pm-notice" aria-label="Not a post-mortem"><p class="pm-empty">This document is not recognised as a post-mortem (${esc(model.detection)}), so it has no summary.</p></section>`,
    );
  } else {
    const invalidSeverity = diagnostics.find((d) => d.code === 'invalid-severity')?.message;
    parts.push(summaryCard(model, typeof invalidSeverity === 'string' ? invalidSeverity : undefined), timelineChart(model), actionSummary(model.actionItems, ctx.today));
    if (mode === 'webview') parts.push(diagnosticsBar(diagnostics));
  }
  const doc = renderMarkdown(model.text, {
    mode,
    docUri: model.uri,
    resourceBase: mode === 'webview' ? validBase(options.resourceBase) : null,
    ...(options.readResource ? { readResource: options.readResource } : {}),
  });
  parts.push(`<article class="pm-doc">${doc}</article>`);
  const body = parts.join('\n');
  return {
    html: page({ title, body, mode, nonce: options.nonce, cspSource: options.cspSource, scriptUri: options.scriptUri, version: model.version }),
    body,
    metrics: model.metrics,
    diagnosticsCount: diagnostics.length,
    isPostmortem: model.isPostmortem,
    title,
  };
}

function diagnosticsBar(diagnostics: readonly Diagnostic[]): string {
  const by = (s: number) => diagnostics.filter((d) => (d.severity ?? 1) === s).length;
  const detail = [count(by(1), 'error'), count(by(2), 'warning'), by(3) + by(4) ? `${by(3) + by(4)} other` : ''].filter((s) => s && !s.startsWith('0 ')).join(', ');
  const summary = diagnostics.length ? `${count(diagnostics.length, 'problem')} (${detail})` : 'No problems';
  return (
    `<section class="pm-card pm-diagnostics" aria-label="Problems" data-count="${diagnostics.length}">` +
    `<span class="pm-diagnostics-count">${esc(summary)}</span>` +
    `<button type="button" class="pm-link" data-command="problems">Show in Problems panel</button></section>`
  );
}

/** The document's title as the preview shows it (without emphasis marks). */
export function displayTitle(model: Postmortem): string {
  return model.title ? stripMarks(model.title) : 'Post-mortem';
}
