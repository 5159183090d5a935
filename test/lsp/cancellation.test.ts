// Every request honours $/cancelRequest: a request whose cancel reaches the server before its work
// is done is answered RequestCancelled (-32800), and the server keeps answering afterwards.
// Real server over stdio (`npm run build` first).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  LSPErrorCodes,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  ResponseError,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { ROOT, startServer, type LspSession } from './harness';
import { NEW_DOCUMENT_REQUEST, RENDER_REQUEST, TEMPLATES_REQUEST, type TemplateSummary } from '../../server/src/protocol';
import { DISABLE_IN_WORKSPACE_COMMAND } from '../../server/src/core/actions';
import { createService } from '../../server/src/core/service';
import { loadBuiltinTemplates } from '../../server/src/node/builtinTemplates';
import { generatePostmortem, timelineLines } from '../../bench/generate';

interface RawMessage {
  id?: string | number;
  method?: string;
  params?: { uri?: string; version?: number };
  result?: unknown;
  error?: { code: number; message: string };
}

/**
 * Writes messages in one write. The harness writes each message (header, then body) after the
 * previous one is flushed, so whether the server reads a request and its cancel together would
 * depend on timing; a pipe hands over a write of at most 4096 bytes whole, so here it cannot.
 */
function sendTogether(s: LspSession, ...messages: object[]): void {
  const bytes = Buffer.concat(
    messages.map((m) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    }),
  );
  assert.ok(bytes.length <= 4096, `${bytes.length} bytes would not be written atomically`);
  s.process.stdin!.write(bytes);
}

/** What the server writes, read beside the harness: answers to the requests we wrote ourselves
 *  (string ids; the harness ignores ids it did not send) and every diagnostics publication. */
function rawMessages(s: LspSession) {
  const waiting = new Map<string, (r: RawMessage) => void>();
  const publications: { uri: string; version: number }[] = [];
  let buffer = Buffer.alloc(0);
  let length = -1;
  s.process.stdout!.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (length < 0) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const header = /Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'));
        buffer = buffer.subarray(end + 4);
        if (!header) continue;
        length = Number(header[1]);
      }
      if (buffer.length < length) return;
      const message = JSON.parse(buffer.subarray(0, length).toString('utf8')) as RawMessage;
      buffer = buffer.subarray(length);
      length = -1;
      if (typeof message.id === 'string') waiting.get(message.id)?.(message);
      if (message.method === PublishDiagnosticsNotification.method) publications.push({ uri: message.params!.uri!, version: message.params!.version! });
    }
  });
  return { responseTo: (id: string) => new Promise<RawMessage>((resolve) => waiting.set(id, resolve)), publications };
}

const fixture = fs.readFileSync(path.join(ROOT, 'test/fixtures/filled/standard.md'), 'utf8').split('\n');
// The standard fixture with a new timeline row being typed after the last one (16:30, line 29).
const NEW_ROW = 30;
const TEXT = [...fixture.slice(0, NEW_ROW), '| ', ...fixture.slice(NEW_ROW)].join('\n');
const URI = 'file:///ws/cancel.md';
const textDocument = { uri: URI };
const at = (line: number, character: number) => ({ line, character });

/** Each request the server handles, with what the core answers for TEXT when it is not cancelled. */
const core = createService({ templates: loadBuiltinTemplates() });
const doc = { uri: URI, version: 1, text: TEXT };
const noRange = { start: at(0, 0), end: at(0, 0) };
const overTheWire = (x: unknown): unknown => JSON.parse(JSON.stringify(x)) as unknown;
// The 'now' completion item is left out: the clock may turn a minute between server and core.
const notNow = (items: unknown) => (items as CompletionItem[]).filter((x) => x.labelDetails?.description !== 'now');
const REQUESTS: { method: string; params?: object; expected: unknown; compare?: (answer: unknown) => unknown }[] = [
  { method: CompletionRequest.method, params: { textDocument, position: at(NEW_ROW, 2) }, expected: notNow(core.completions(doc, at(NEW_ROW, 2))), compare: notNow },
  { method: HoverRequest.method, params: { textDocument, position: at(8, 16) }, expected: core.hover(doc, at(8, 16)) },
  { method: DocumentSymbolRequest.method, params: { textDocument }, expected: core.symbols(doc) },
  { method: DefinitionRequest.method, params: { textDocument, position: at(23, 20) }, expected: core.definition(doc, at(23, 20)) },
  { method: ReferencesRequest.method, params: { textDocument, position: at(23, 20), context: { includeDeclaration: true } }, expected: core.references(doc, at(23, 20), true) },
  { method: CodeActionRequest.method, params: { textDocument, range: noRange, context: { diagnostics: [] } }, expected: core.codeActions(doc, noRange, { diagnostics: [] }) },
  {
    method: RENDER_REQUEST,
    params: { uri: URI, mode: 'webview', part: 'metrics' },
    expected: {
      uri: URI,
      version: 1,
      isPostmortem: true,
      title: 'Post-Mortem: Payments API errors after a Redis primary promotion',
      metrics: core.model(doc).metrics,
      diagnosticsCount: core.diagnostics(doc).length,
    },
  },
  { method: TEMPLATES_REQUEST, expected: core.templates.map((t) => ({ id: t.id, name: t.name, description: t.description })) },
  { method: NEW_DOCUMENT_REQUEST, params: { templateId: 'nope' }, expected: 'InvalidParams' },
  { method: ExecuteCommandRequest.method, params: { command: DISABLE_IN_WORKSPACE_COMMAND, arguments: [URI, 'placeholder'] }, expected: null },
];

describe('LSP: every request honours cancellation', function () {
  this.timeout(120_000);

  // Read together, the cancel reaches vscode-jsonrpc before it dispatches the request: it still
  // dispatches it, with the token already set, and the handler's first checkpoint answers.
  describe('a request read together with its cancel', () => {
    let s: LspSession;
    let raw: ReturnType<typeof rawMessages>;
    before(async () => {
      s = await startServer();
      raw = rawMessages(s);
      await s.open(URI, TEXT);
      // One round trip more: the harness's own writes (answers to the server's start-up requests) are done.
      await s.connection.sendRequest(TEMPLATES_REQUEST);
    });
    after(() => s.stop());

    for (const [i, r] of REQUESTS.entries()) {
      it(`${r.method}: answered RequestCancelled, and answered normally when not cancelled`, async () => {
        const id = `cancelled-${i}`;
        const response = raw.responseTo(id);
        sendTogether(s, { id, method: r.method, ...(r.params ? { params: r.params } : {}) }, { method: '$/cancelRequest', params: { id } });
        const answer = await response;
        assert.equal(answer.error?.code, LSPErrorCodes.RequestCancelled, JSON.stringify(answer).slice(0, 300));
        assert.equal(answer.error?.code, -32800);
        assert.equal('result' in answer, false);

        const normal = r.params ? s.connection.sendRequest(r.method, r.params) : s.connection.sendRequest(r.method);
        if (r.expected === 'InvalidParams') await assert.rejects(normal, (e: ResponseError<unknown>) => e.code === -32602);
        else assert.deepEqual((r.compare ?? ((x) => x))(await normal), overTheWire(r.expected));
      });
    }

    it('the uncancelled answers are the right ones (worked out by hand)', async () => {
      // The next row of a past incident: 5 minutes after the last one (16:30), replacing the typed '| '.
      const items = (await s.connection.sendRequest(CompletionRequest.type, { textDocument, position: at(NEW_ROW, 2) })) as CompletionItem[];
      const first = items.find((x) => x.preselect);
      assert.equal(first?.label, '16:35');
      assert.deepEqual(first?.textEdit, { range: { start: at(NEW_ROW, 0), end: at(NEW_ROW, 2) }, newText: '| 16:35 | ${1:event} |' });
      const [root] = (await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })) as DocumentSymbol[];
      assert.equal(root?.name, 'Post-Mortem: Payments API errors after a Redis primary promotion');
      const sections = root!.children!.filter((c) => c.kind === SymbolKind.Namespace);
      assert.deepEqual(
        sections.map((c) => c.name),
        ['Incident Summary', 'Timeline', 'Root Cause Analysis', 'Detection & Response', 'Action Items', 'Lessons Learned', 'Prevention Measures', 'Supporting Documents'],
      );
      // Lines 23-30 of the fixture; the typed '| ' row has no time yet.
      assert.equal(sections[1]!.detail, '8 entries');
      const templates = await s.connection.sendRequest<TemplateSummary[]>(TEMPLATES_REQUEST);
      assert.deepEqual(
        templates.map((t) => t.id),
        ['classic', 'standard', 'report', 'detailed', 'sev'],
      );
    });

    it('a change superseded at once gets no diagnostics run of its own: one publication, for the newer version', async () => {
      raw.publications.length = 0;
      // '**Severity:** P1' on line 9: P1 -> P9 -> P1, both changes in one read.
      const severity = (version: number, text: string) => ({
        method: DidChangeTextDocumentNotification.method,
        params: { textDocument: { uri: URI, version }, contentChanges: [{ range: { start: at(9, 14), end: at(9, 16) }, text }] },
      });
      sendTogether(s, severity(2, 'P9'), severity(3, 'P1'));
      const published = await s.waitForDiagnostics(URI, (p) => p.version === 3);
      assert.deepEqual(published.diagnostics, overTheWire(core.diagnostics(doc)));
      // A round trip after it: anything else the server published by then has reached us.
      await s.connection.sendRequest(TEMPLATES_REQUEST);
      assert.deepEqual(raw.publications, [{ uri: URI, version: 3 }]);
    });
  });

  describe('requests cancelled while the server analyses a 1 MB change', () => {
    let s: LspSession;
    before(async () => {
      s = await startServer();
    });
    after(() => s.stop());

    it('are answered RequestCancelled, and the next request is answered in full', async () => {
      const uri = 'file:///ws/big.md';
      await s.open(uri, TEXT);
      const big = generatePostmortem('standard', 1_000_000, 42);
      // Not s.change: that waits for the diagnostics with a 10 s limit, too short for 1 MB on a busy machine.
      await s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: big }] });
      // The cancels go 200 ms after their requests: by then the server has read the requests and is
      // analysing the new 1 MB (about 2 s, longer on a busy machine), so they arrive mid-analysis and
      // are seen at the checkpoint after it. (Read before a handler starts, a cancel is seen at its
      // first checkpoint: -32800 either way; the same-write tests above take that path.)
      const position = at(timelineLines(big, 'standard').at(-1)!, 2);
      const sources = [0, 1, 2, 3].map(() => new CancellationTokenSource());
      const answers = [
        s.connection.sendRequest(CompletionRequest.method, { textDocument: { uri }, position }, sources[0]!.token),
        s.connection.sendRequest(HoverRequest.method, { textDocument: { uri }, position }, sources[1]!.token),
        s.connection.sendRequest(DocumentSymbolRequest.method, { textDocument: { uri } }, sources[2]!.token),
        s.connection.sendRequest(RENDER_REQUEST, { uri, mode: 'webview' }, sources[3]!.token),
      ];
      await new Promise((resolve) => setTimeout(resolve, 200));
      sources.forEach((source) => source.cancel());
      const outcomes = await Promise.allSettled(answers);
      assert.deepEqual(
        outcomes.map((o) => (o.status === 'rejected' && o.reason instanceof ResponseError ? o.reason.code : o.status)),
        [-32800, -32800, -32800, -32800],
      );

      const [root] = (await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.equal(root?.name, 'Post-Mortem: Payments API errors after a Redis primary promotion');
      const timeline = root!.children!.find((c) => c.name === 'Timeline');
      assert.equal(timeline?.detail, `${timelineLines(big, 'standard').length} entries`);
      const diagnostics = await s.waitForDiagnostics(uri, (p) => p.version === 2, 110_000);
      assert.ok(Array.isArray(diagnostics.diagnostics));
    });
  });
});
