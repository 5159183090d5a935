// The workspace index, fed from disk and from the editor: every markdown file under the workspace
// folders is read once in the background (a few files per turn, so requests are answered meanwhile,
// with work-done progress for the status bar), then one file at a time as it changes on disk or in
// an editor. Only summaries are kept; the models of files not open are forgotten at once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type Diagnostic, type FileEvent } from 'vscode-languageserver/node';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, WorkspaceIndex, type IndexChange, type PostmortemService, type PostmortemSummary } from '../core';
import { readText } from './files';
import { collectGarbage } from './memory';
import { WORKSPACE_CHANGED_NOTIFICATION, type WorkspaceState } from '../protocol';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
/** Larger files are left to the editor (a post-mortem is rarely above 100 KB). */
const MAX_BYTES = 5 * 1024 * 1024;
/** Time per turn spent indexing before yielding to requests. */
const SLICE_MS = 30;
/** The engine's memos are for editing; a bulk read would fill them with every line of every file. */
const FRESH_EVERY = 100;

export class WorkspaceIndexer {
  readonly index: WorkspaceIndex;
  private roots: string[] = [];
  private queue: string[] = [];
  private queued = new Set<string>();
  private total = 0;
  private done = 0;
  private running = false;
  private problems = false;
  /** Closed files whose findings we published (workspace problems mode). */
  private published = new Set<string>();
  private pending: { set: Map<string, PostmortemSummary>; deleted: Set<string> } = { set: new Map(), deleted: new Set() };
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Files not open are read by a service of their own, freed after each batch: the editor's
   *  service (and its memos for the open documents) is left as it was. */
  private bulk: PostmortemService | null = null;

  constructor(
    private connection: Connection,
    private service: PostmortemService,
    private documents: TextDocuments<TextDocument>,
    private log: (m: string) => void,
  ) {
    this.index = new WorkspaceIndex(service);
    this.index.onChange((c) => this.record(c));
  }

  setRoots(roots: string[]): void {
    this.roots = roots.filter((r) => r.startsWith('file:'));
  }

  /** (Re)reads every markdown file under the workspace folders, e.g. after the config changed. */
  indexAll(): void {
    // The config may have changed: the next file read gets a service made with the new one.
    this.bulk?.dispose();
    this.bulk = null;
    const uris = this.roots.flatMap((r) => markdownUnder(fileURLToPath(r))).map((f) => pathToFileURL(f).toString());
    const present = new Set(uris);
    for (const s of this.index.list()) if (!present.has(s.uri)) this.index.delete(s.uri);
    this.enqueue(uris, true);
  }

  /** workspace/didChangeWatchedFiles: markdown files created, changed or deleted on disk. */
  filesChanged(changes: readonly FileEvent[]): void {
    const touched: string[] = [];
    for (const c of changes) {
      if (!c.uri.startsWith('file:')) continue;
      if (c.type === FileChangeType.Deleted) {
        this.index.delete(c.uri);
        this.index.deleteUnder(c.uri);
        this.unpublish(c.uri);
      } else if (MARKDOWN.test(c.uri) && !this.documents.get(c.uri)) touched.push(c.uri);
    }
    this.enqueue(touched, false);
  }

  /** An open document was analysed (its model stays: the editor goes on using it). */
  documentAnalyzed(doc: TextDocument): void {
    if (!doc.uri.startsWith('file:') || !this.within(doc.uri)) return;
    this.guard(doc.uri, () => this.index.update({ uri: doc.uri, version: doc.version, text: doc.getText() }, { keepModel: true }));
  }

  /** A closed document: its entry comes from the file on disk again (unsaved edits are gone). */
  documentClosed(uri: string): void {
    if (uri.startsWith('file:') && this.within(uri)) this.enqueue([uri], false);
  }

  /** Workspace problems: publish the findings of every post-mortem, open or not. */
  setProblems(on: boolean): void {
    if (on === this.problems) return;
    this.problems = on;
    if (on) this.indexAll();
    else for (const uri of [...this.published]) this.unpublish(uri);
  }

  get problemsEnabled(): boolean {
    return this.problems;
  }

  state(): WorkspaceState {
    return { indexing: this.running, done: this.done, total: this.total, postmortems: this.index.size };
  }

  /** A path relative to its workspace folder, for lists and Insights. */
  label(uri: string): string {
    const root = this.roots.find((r) => uri.startsWith(r.endsWith('/') ? r : `${r}/`));
    const rel = root ? uri.slice(root.length).replace(/^\//, '') : uri;
    try {
      return decodeURIComponent(rel);
    } catch {
      return rel;
    }
  }

  private within(uri: string): boolean {
    return this.roots.some((r) => uri.startsWith(r.endsWith('/') ? r : `${r}/`));
  }

  private enqueue(uris: readonly string[], restartProgress: boolean): void {
    if (restartProgress && !this.running) {
      this.total = 0;
      this.done = 0;
    }
    for (const uri of uris) {
      if (this.queued.has(uri)) continue;
      this.queued.add(uri);
      this.queue.push(uri);
      this.total++;
    }
    if (!this.running && this.queue.length) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    const progress = this.total > 20 ? await this.connection.window.createWorkDoneProgress().catch(() => null) : null;
    progress?.begin('Indexing post-mortems', 0, `0/${this.total}`, false);
    this.flushSoon();
    let read = 0;
    try {
      while (this.queue.length) {
        const started = performance.now();
        while (this.queue.length && performance.now() - started < SLICE_MS) {
          const uri = this.queue.shift()!;
          this.queued.delete(uri);
          this.readOne(uri);
          this.done++;
          if (++read % FRESH_EVERY === 0) this.bulk?.dispose();
        }
        progress?.report(Math.round((this.done / Math.max(1, this.total)) * 100), `${this.done}/${this.total}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running = false;
      progress?.done();
      // Hand back what the bulk read allocated (summaries are all that is kept).
      this.bulk?.dispose();
      this.bulk = null;
      if (read >= FRESH_EVERY) setImmediate(collectGarbage);
      this.flushSoon(0);
    }
  }

  private readOne(uri: string): void {
    const open = this.documents.get(uri);
    if (open) return this.documentAnalyzed(open);
    let file: string;
    try {
      file = fileURLToPath(uri);
      if (fs.statSync(file).size > MAX_BYTES) return void this.index.delete(uri);
    } catch {
      this.index.delete(uri);
      return this.unpublish(uri);
    }
    const read = readText(file);
    if ('error' in read) {
      this.index.delete(uri);
      return this.unpublish(uri);
    }
    const doc = { uri, version: 0, text: read.text };
    // Same templates and config as the editor's service (it was configured last).
    const bulk = (this.bulk ??= createService({ templates: this.service.templates, config: this.service.config, log: this.log }));
    if (!this.problems) {
      this.guard(uri, () => this.index.update(doc, { using: bulk }));
      return;
    }
    // Workspace problems: the findings are published and dropped, like the model.
    let diagnostics: Diagnostic[] = [];
    this.guard(uri, () => {
      const summary = this.index.update(doc, { keepModel: true, using: bulk });
      diagnostics = summary ? bulk.diagnostics(doc) : [];
      bulk.forget(uri);
      return summary;
    });
    if (diagnostics.length || this.published.has(uri)) {
      void this.connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) this.published.add(uri);
      else this.published.delete(uri);
    }
  }

  private unpublish(uri: string): void {
    if (!this.published.delete(uri)) return;
    if (!this.documents.get(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private guard(uri: string, fn: () => unknown): void {
    try {
      fn();
    } catch (e) {
      this.log(`indexing ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      this.bulk?.forget(uri);
    }
  }

  /** Changes go to the client in batches: the views patch the entries that changed. */
  private record(change: IndexChange): void {
    if (change.kind === 'set') {
      this.pending.deleted.delete(change.summary.uri);
      this.pending.set.set(change.summary.uri, change.summary);
    } else {
      this.pending.set.delete(change.uri);
      this.pending.deleted.add(change.uri);
    }
    this.flushSoon();
  }

  private flushSoon(delay = 200): void {
    if (this.flushTimer && delay > 0) return;
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      const { set, deleted } = this.pending;
      this.pending = { set: new Map(), deleted: new Set() };
      void this.connection.sendNotification(WORKSPACE_CHANGED_NOTIFICATION, { ...this.state(), changed: [...set.values()], deleted: [...deleted] });
    }, delay);
  }
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.cache', 'dist', 'out']);

/** Markdown files under a folder (the CLI's glob machinery is not bundled into the server). */
function markdownUnder(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? (SKIP_DIRS.has(e.name) ? [] : markdownUnder(p)) : e.isFile() && MARKDOWN.test(e.name) ? [p] : [];
  });
}
