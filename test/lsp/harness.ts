// Starts the bundled language server over stdio and speaks LSP to it, as another editor would.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  ConfigurationRequest,
  RegistrationRequest,
  CodeActionRequest,
  type CodeAction,
  type Command,
  type ProtocolConnection,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/** A fixture's text, by its path under test/fixtures. */
export const fixture = (rel: string): string => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', rel), 'utf8');

/** The engine's diagnostics of one rule. */
export const ofRule = (d: Diagnostic[], code: string): Diagnostic[] => d.filter((x) => x.code === code && x.source === 'postmortem');

export interface LspSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Latest published diagnostics per uri, with their document version. */
  diagnostics: Map<string, PublishDiagnosticsParams>;
  open(uri: string, text: string): Promise<Diagnostic[]>;
  change(uri: string, text: string): Promise<Diagnostic[]>;
  stop(): Promise<void>;
  stderr: string[];
  /** The server's window/logMessage messages, in order. */
  logs: string[];
  /** Wait for a publish for `uri` that `accept`s (checks the latest one first). Use this, not
   *  connection.onNotification: jsonrpc keeps one handler per method, so that would replace ours. */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
}

/** Start `node dist/server.js --stdio` (build first: `npm run build`). */
export async function startServer(options: { rootUri?: string | null; settings?: Record<string, unknown>; initializationOptions?: unknown } = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; version: number; resolve: (d: Diagnostic[]) => void }[] = [];
  const listeners = new Set<(p: PublishDiagnosticsParams) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.set(p.uri, p);
    listeners.forEach((l) => l(p));
    for (const w of waiters.filter((x) => x.uri === p.uri && (p.version === undefined || p.version >= x.version))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p.diagnostics);
    }
  });
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => options.settings ?? null));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'root' }] : null,
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: { configuration: true, applyEdit: true },
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const versions = new Map<string, number>();
  const waitFor = (uri: string, version: number, timeoutMs = 10000) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${stderr.join('')}`)), timeoutMs);
      waiters.push({ uri, version, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  return {
    connection,
    process: child,
    diagnostics,
    stderr,
    logs,
    async open(uri, text) {
      versions.set(uri, 1);
      const wait = waitFor(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      return wait;
    },
    async change(uri, text) {
      const v = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, v);
      const wait = waitFor(uri, v);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      return wait;
    },
    waitForDiagnostics(uri, accept, timeoutMs = 10000) {
      const seen = diagnostics.get(uri);
      if (seen && accept(seen)) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri))}`));
        }, timeoutMs);
        const listener = (p: PublishDiagnosticsParams) => {
          if (p.uri !== uri || !accept(p)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(p);
        };
        listeners.add(listener);
      });
    },
    async stop() {
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
      connection.dispose();
      child.kill();
    },
  };
}

/** Apply LSP text edits to a text (edits must not overlap; applied from the end). */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => {
    let o = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) o += lines[i]!.length + 1;
    return o + p.character;
  };
  const sorted = edits.map((e, i) => ({ e, i, s: offset(e.range.start), t: offset(e.range.end) })).sort((a, b) => b.s - a.s || b.i - a.i);
  let out = text;
  for (const { e, s, t } of sorted) out = out.slice(0, s) + e.newText + out.slice(t);
  return out;
}

/** Open `text` as `uri`, take the rule's first diagnostic, apply the quick fix with that title and send
 *  the fixed text: what it became, the rule's diagnostics then, and the titles offered (besides
 *  'Disable rule …'). */
export async function applyQuickFix(s: LspSession, uri: string, text: string, code: string, title: string): Promise<{ fixed: string; after: Diagnostic[]; titles: string[] }> {
  const diagnostic = ofRule(await s.open(uri, text), code)[0];
  assert.ok(diagnostic, `no ${code} diagnostic`);
  const result = (await s.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as (CodeAction | Command)[] | null;
  const titles = (result ?? []).filter((a) => !a.title.startsWith('Disable rule')).map((a) => a.title);
  const action = (result ?? []).find((a): a is CodeAction => a.title === title && 'edit' in a);
  assert.ok(action, `no action '${title}'; got ${JSON.stringify(titles)}`);
  const fixed = applyEdits(text, action.edit!.changes![uri]!);
  return { fixed, after: ofRule(await s.change(uri, fixed), code), titles };
}

/** A quick fix never deletes what the author wrote: every line of `before` is in `after` as often as
 *  before, apart from the ones in `replaced`. */
export function assertKept(before: string, after: string, replaced: readonly string[] = []): void {
  const pool = after.split('\n');
  for (const line of before.split('\n')) {
    if (replaced.includes(line)) continue;
    const i = pool.indexOf(line);
    assert.ok(i >= 0, `lost the author's line ${JSON.stringify(line)}:\n${after}`);
    pool.splice(i, 1);
  }
}
