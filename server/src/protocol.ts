// Custom requests between the extension and the language server. Names and shapes only (no
// runtime dependencies), so both sides import it.
import type { ImportInput, ImportResult, Metrics, PostmortemSummary, RenderMode } from './core';

/** `postmortem/templates` -> TemplateSummary[]: built-in and workspace (.postmortem.yaml) templates. */
export const TEMPLATES_REQUEST = 'postmortem/templates';

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
}

/** `postmortem/newDocument` {templateId} -> {text, snippet}; an unknown id is an InvalidParams error. */
export const NEW_DOCUMENT_REQUEST = 'postmortem/newDocument';

export interface NewDocumentParams {
  templateId: string;
  /** Used as written instead of the template's id shape filled with today's date. */
  incidentId?: string;
}

export interface NewDocumentResult {
  text: string;
  /** The same document as a snippet (tab stops through what is left to fill, choices for fixed vocabularies). */
  snippet?: string;
}

/** `postmortem/render` {uri, mode, part?, nonce?, cspSource?, resourceBase?, scriptUri?} -> {html | body, metrics,
 *  version, ...} (or null for a document the server does not have): the preview and the exported report. */
export const RENDER_REQUEST = 'postmortem/render';

export interface RenderParams {
  uri: string;
  mode: RenderMode;
  /** 'html' a whole page, 'body' the part the webview swaps in, 'metrics' no HTML (default: body for webview, html for standalone). */
  part?: 'html' | 'body' | 'metrics';
  nonce?: string;
  cspSource?: string;
  resourceBase?: string;
  scriptUri?: string;
}

export interface RenderResponse {
  uri: string;
  version: number;
  isPostmortem: boolean;
  title: string;
  metrics: Metrics;
  diagnosticsCount: number;
  html?: string;
  body?: string;
}

/** `postmortem/importTimeline` {uri, version, inputs, users?, line?} -> ImportTimelineResult (or null for a document
 *  the server does not have): timeline entries read from Slack, PagerDuty, Opsgenie, Alertmanager, git log or
 *  timestamped lines, as insert-only edits for the server's `version` of the document, with a preview. With `line`
 *  (a paste), `outside` says the line is not in the timeline and nothing was read. */
export const IMPORT_TIMELINE_REQUEST = 'postmortem/importTimeline';

export interface ImportTimelineParams {
  uri: string;
  /** The client's version; the answer says which version its edits are for. */
  version: number;
  inputs: ImportInput[];
  /** Slack users.json text. */
  users?: string;
  line?: number;
}

export interface ImportTimelineResult extends ImportResult {
  version: number;
}

// --- the workspace index (Post-mortems and Action items views, Insights, workspace problems) ---

export type { PostmortemSummary, ActionItemSummary } from './core';

export interface WorkspaceState {
  /** True while files are being read in the background. */
  indexing: boolean;
  done: number;
  total: number;
  postmortems: number;
}

/** `postmortem/workspace/list` -> every post-mortem's summary, newest first. */
export const WORKSPACE_LIST_REQUEST = 'postmortem/workspace/list';
export interface WorkspaceListResult extends WorkspaceState {
  postmortems: number;
  summaries: PostmortemSummary[];
  /** Each summary's path relative to its workspace folder, by URI. */
  labels: Record<string, string>;
}

/** Server -> client: summaries that changed or left since the last notification. */
export const WORKSPACE_CHANGED_NOTIFICATION = 'postmortem/workspace/didChange';
export interface WorkspaceChangedParams extends WorkspaceState {
  changed: PostmortemSummary[];
  deleted: string[];
}

/** `postmortem/insights` {mode, nonce?, cspSource?, scriptUri?} -> {html, body, postmortems}. */
export const INSIGHTS_REQUEST = 'postmortem/insights';
export interface InsightsParams {
  mode: 'webview' | 'standalone';
  nonce?: string;
  cspSource?: string;
  scriptUri?: string;
}
export interface InsightsResult {
  html: string;
  body: string;
  postmortems: number;
}

/** `postmortem/workspace/problems` {enabled} -> {enabled}: publish the findings of every post-mortem in the workspace. */
export const WORKSPACE_PROBLEMS_REQUEST = 'postmortem/workspace/problems';
export interface WorkspaceProblemsParams {
  enabled: boolean;
}
