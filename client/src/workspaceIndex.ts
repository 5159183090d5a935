// The client's copy of the server's workspace index: loaded once, then patched from the server's
// change notifications (only the entries that changed travel). The views and Insights listen to it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WORKSPACE_CHANGED_NOTIFICATION, WORKSPACE_LIST_REQUEST, type PostmortemSummary, type WorkspaceChangedParams, type WorkspaceListResult, type WorkspaceState } from '../../server/src/protocol';

export class WorkspaceIndexClient implements vscode.Disposable {
  private readonly entries = new Map<string, PostmortemSummary>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  state: WorkspaceState = { indexing: true, done: 0, total: 0, postmortems: 0 };
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(
    private readonly client: LanguageClient,
    ready: Promise<void>,
  ) {
    void ready.then(() => this.load());
    // After a server restart the notification handler stays; the list is loaded again.
    this.disposables.push(
      client.onNotification(WORKSPACE_CHANGED_NOTIFICATION, (p: WorkspaceChangedParams) => this.patch(p)),
      client.onDidChangeState(() => {
        if (client.isRunning()) void this.load();
      }),
    );
  }

  private async load(): Promise<void> {
    if (!this.client.isRunning()) return;
    try {
      const r = await this.client.sendRequest<WorkspaceListResult>(WORKSPACE_LIST_REQUEST);
      this.entries.clear();
      for (const s of r.summaries) this.entries.set(s.uri, s);
      this.state = { indexing: r.indexing, done: r.done, total: r.total, postmortems: r.postmortems };
      this.emitter.fire();
    } catch (e) {
      this.client.warn(`${WORKSPACE_LIST_REQUEST} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private patch(p: WorkspaceChangedParams): void {
    for (const uri of p.deleted) this.entries.delete(uri);
    for (const s of p.changed) this.entries.set(s.uri, s);
    this.state = { indexing: p.indexing, done: p.done, total: p.total, postmortems: p.postmortems };
    this.emitter.fire();
  }

  get(uri: string): PostmortemSummary | undefined {
    return this.entries.get(uri);
  }

  /** Newest first, undated last (the server's order). */
  list(): PostmortemSummary[] {
    return [...this.entries.values()].sort((a, b) => (a.sortKey === b.sortKey ? a.title.localeCompare(b.title) : a.sortKey === null ? 1 : b.sortKey === null ? -1 : b.sortKey - a.sortKey));
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
