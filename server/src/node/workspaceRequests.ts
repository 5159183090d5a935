// The workspace index's LSP side: markdown file watching, the list and Insights requests, and the
// workspace problems switch. server.ts creates it and feeds it the editor's document events.
import { DidChangeWatchedFilesNotification, type Connection, type FileEvent, type InitializeParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildReport, renderInsights, type PostmortemService } from '../core';
import { cancellable } from './cancellation';
import { WorkspaceIndexer } from './workspaceIndexer';
import { INSIGHTS_REQUEST, WORKSPACE_LIST_REQUEST, WORKSPACE_PROBLEMS_REQUEST, type InsightsParams, type InsightsResult, type WorkspaceListResult, type WorkspaceProblemsParams } from '../protocol';

const CONFIG_FILE = /\/\.postmortem\.ya?ml$/;

export function workspaceIndexing(connection: Connection, service: PostmortemService, documents: TextDocuments<TextDocument>, log: (m: string) => void) {
  const indexer = new WorkspaceIndexer(connection, service, documents, log);
  let canWatch = false;

  connection.onRequest(
    WORKSPACE_LIST_REQUEST,
    cancellable(async (_: unknown, checkpoint): Promise<WorkspaceListResult> => {
      await checkpoint();
      const summaries = indexer.index.list();
      return { ...indexer.state(), summaries, labels: Object.fromEntries(summaries.map((s) => [s.uri, indexer.label(s.uri)])) };
    }),
  );
  connection.onRequest(
    INSIGHTS_REQUEST,
    cancellable(async (p: InsightsParams, checkpoint): Promise<InsightsResult> => {
      await checkpoint();
      const summaries = indexer.index.list();
      const label = (uri: string) => indexer.label(uri);
      const state = indexer.state();
      const options = {
        mode: p?.mode === 'webview' ? ('webview' as const) : ('standalone' as const),
        ...(p?.nonce ? { nonce: p.nonce } : {}),
        ...(p?.cspSource ? { cspSource: p.cspSource } : {}),
        ...(p?.scriptUri ? { scriptUri: p.scriptUri } : {}),
        ...(state.indexing ? { note: `Indexing: ${state.done} of ${state.total} files read so far.` } : {}),
      };
      const { html, body } = renderInsights(buildReport(summaries, label), summaries, label, options);
      return { html, body, postmortems: summaries.length };
    }),
  );
  connection.onRequest(WORKSPACE_PROBLEMS_REQUEST, (p: WorkspaceProblemsParams) => {
    indexer.setProblems(p?.enabled === true);
    return { enabled: indexer.problemsEnabled };
  });

  return {
    indexer,
    initialize(params: InitializeParams): void {
      const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
      indexer.setRoots(folders);
      canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    },
    /** Markdown files on disk: the client watches them for us when it can. */
    initialized(): void {
      if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,markdown,mdown,mkd}' }] });
    },
    /** Splits watched-file events: config files reload the config, markdown files update the index. */
    filesChanged(changes: readonly FileEvent[], reloadConfig: () => void): void {
      if (changes.some((c) => CONFIG_FILE.test(c.uri))) reloadConfig();
      indexer.filesChanged(changes.filter((c) => !CONFIG_FILE.test(c.uri)));
    },
  };
}
