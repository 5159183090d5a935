// The real server (dist/server.js over stdio; `npm run build` first) keeps answering after garbage:
// NUL bytes, a 6 MB paste, unclosed fences, a BOM, broken front matter, requests at positions past
// the end, about documents it never saw, and cancelled. Then it still gets a normal document right.
import assert from 'node:assert/strict';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  LSPErrorCodes,
  ReferencesRequest,
  ResponseError,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { startServer, type LspSession } from '../lsp/harness';
import { fixture } from './helpers';
import { createService } from '../../server/src/core/service';
import { loadBuiltinTemplates } from '../../server/src/node/builtinTemplates';

const seed = fixture('seeds/standard.md');
const lines = (text: string) => text.split(/\r\n|\r|\n/);

const GARBAGE: Record<string, string> = {
  'nul.md': `# Post-Mortem: \u0000 outage\u0000\n\n\u0000\u0000**Severity:** \u0000P1\n\n## Timeline\n\n- **10:00**\u0000: began\n\u0000`,
  'fence.md': seed.replace('## Action Items', '```js\nconst open = true;\n## Action Items'),
  'bom.md': '\uFEFF' + fixture('filled/classic.md'),
  'front-matter.md': `---\ntitle: "unclosed\n  - : [\ntemplate: {\n---\n${seed}`,
  'crlf-tabs.md': seed.replace(/\n/g, '\r\n').replace(/ {2}/g, '\t'),
  'unicode.md': `# Post-Mortem: \u202Eright-to-left\u202C 😀👨‍👩‍👧‍👦 \uD800\n\n## Timeline\n\n- **10:00**: \u05E9\u05DC\u05D5\u05DD e\u0301\u0301\n`,
};

/** A paste of 6 MB of log lines into an open post-mortem. */
const PASTE = `${seed}\n\`\`\`\n${'2025-02-18T13:52:00Z ERROR payments-api 503 upstream is a read-only replica\n'.repeat(80_000)}\`\`\`\n`;

/** Positions an editor should never send but a buggy one might: past the last line, past a line's end. */
function oddPositions(text: string): Position[] {
  const ls = lines(text);
  const last = ls.length - 1;
  return [
    { line: ls.length, character: 0 },
    { line: ls.length + 1000, character: 5 },
    { line: last, character: ls[last]!.length + 1 },
    { line: 0, character: 100_000 },
    { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
  ];
}

/** Every position request the server handles, at `p`; each must answer (a value, an empty list or null). */
async function askEverything(s: LspSession, uri: string, p: Position): Promise<void> {
  const textDocument = { uri };
  const range = { start: p, end: p };
  const answers = await Promise.all([
    s.connection.sendRequest(CompletionRequest.type, { textDocument, position: p }),
    s.connection.sendRequest(HoverRequest.type, { textDocument, position: p }),
    s.connection.sendRequest(DefinitionRequest.type, { textDocument, position: p }),
    s.connection.sendRequest(ReferencesRequest.type, { textDocument, position: p, context: { includeDeclaration: true } }),
    s.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }),
    s.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [], only: ['source.fixAll.postmortem'] } }),
    s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
  ]);
  for (const a of answers) assert.ok(a === null || Array.isArray(a) || typeof a === 'object', `answer ${JSON.stringify(a)?.slice(0, 100)}`);
}

describe('language server resilience: garbage in, answers out', function () {
  this.timeout(120_000);
  let s: LspSession;
  const logged: string[] = [];
  before(async () => {
    s = await startServer();
    // The server logs a request or rule that threw (and answers with nothing): there must be none.
    s.connection.onNotification('window/logMessage', (...params: unknown[]) => {
      logged.push(String((params[0] as { message?: unknown } | undefined)?.message));
    });
  });
  after(async () => {
    await s?.stop();
  });

  it('publishes diagnostics for every garbage document', async () => {
    for (const [name, text] of Object.entries(GARBAGE)) {
      const d = await s.open(`file:///ws/${name}`, text);
      assert.ok(Array.isArray(d), name);
      for (const x of d) assert.ok(x.range.start.line < lines(text).length, `${name}: ${x.code} on line ${x.range.start.line}`);
    }
    // The unclosed fence swallows the last two sections: they are missing, and inserting one puts it
    // before the fence (at its end it would be code, and still missing).
    const fenced = GARBAGE['fence.md']!;
    const d = await s.open('file:///ws/fence-again.md', fenced);
    const missing = d.filter((x) => x.code === 'missing-section');
    assert.deepEqual(
      missing.map((x) => x.message),
      ["Missing section '## Action Items' (required by the Standard (P0-P3, UTC table) template).", "Missing section '## Lessons Learned' (required by the Standard (P0-P3, UTC table) template)."],
    );
    const fence = lines(fenced).indexOf('```js');
    const actions = await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: 'file:///ws/fence-again.md' }, range: missing[0]!.range, context: { diagnostics: [missing[0]!] } });
    const insert = actions?.find((a) => a.title === "Insert section 'Action Items' from the template");
    const edits = insert && 'edit' in insert ? insert.edit?.changes?.['file:///ws/fence-again.md'] : undefined;
    assert.deepEqual(
      edits?.map((e) => e.range),
      [{ start: { line: fence, character: 0 }, end: { line: fence, character: 0 } }],
    );
  });

  it('takes a 6 MB paste into an open document: structure-only analysis, one information diagnostic', async () => {
    await s.open('file:///ws/paste.md', seed);
    const d = await s.change('file:///ws/paste.md', PASTE);
    assert.deepEqual(
      d.map((x) => [x.code, x.severity]),
      [['document-too-large', 3]],
    );
    for (const p of [...oddPositions(PASTE), { line: 40_000, character: 10 }]) await askEverything(s, 'file:///ws/paste.md', p);
  });

  it('answers every request at positions past the end, for every garbage document', async () => {
    for (const [name, text] of Object.entries(GARBAGE)) {
      for (const p of oddPositions(text)) await askEverything(s, `file:///ws/${name}`, p);
    }
  });

  it('answers requests about a document it never saw with nothing', async () => {
    const uri = 'file:///ws/never-opened.md';
    const textDocument = { uri };
    const p = { line: 0, character: 0 };
    assert.deepEqual(await s.connection.sendRequest(CompletionRequest.type, { textDocument, position: p }), []);
    assert.equal(await s.connection.sendRequest(HoverRequest.type, { textDocument, position: p }), null);
    assert.deepEqual(await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), []);
    assert.deepEqual(await s.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: p, end: p }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await s.connection.sendRequest(DefinitionRequest.type, { textDocument, position: p }), []);
  });

  it('survives cancelled requests: a cancelled one answers or reports cancellation, an unknown id is ignored', async () => {
    const uri = 'file:///ws/paste-cancel.md';
    await s.open(uri, PASTE);
    const outcomes = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const source = new CancellationTokenSource();
        const params = { textDocument: { uri }, position: { line: 3, character: 0 } };
        const request: Promise<unknown> = i % 2 ? s.connection.sendRequest(DocumentSymbolRequest.type, params, source.token) : s.connection.sendRequest(CompletionRequest.type, params, source.token);
        source.cancel();
        try {
          return Array.isArray(await request) ? 'answered' : 'answered null';
        } catch (e) {
          assert.ok(e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled, `unexpected error ${String(e)}`);
          return 'cancelled';
        }
      }),
    );
    assert.ok(
      outcomes.every((o) => ['answered', 'cancelled'].includes(o)),
      outcomes.join(', '),
    );
    await s.connection.sendNotification('$/cancelRequest', { id: 987_654 });
    await s.connection.sendNotification('$/cancelRequest', { id: 'no-such-request' });
    const symbols = await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'the outline of the pasted document still comes');
  });

  it('after all that, still publishes correct diagnostics for a normal document and completes a timeline row', async () => {
    const normal = lines(fixture('filled/standard.md'));
    normal[normal.indexOf('**Severity:** P1')] = '**Severity:** P9';
    const lastRow = normal.indexOf('| 16:30 | Post-incident monitoring in place; handover to the EU evening shift |');
    normal.splice(lastRow + 1, 0, '| ');
    const text = normal.join('\n');
    const d = await s.open('file:///ws/normal.md', text);
    // Worked out by hand: the only problem is the severity on line 10 (0-based 9), after '**Severity:** '.
    assert.deepEqual(
      d.map((x) => [x.code, x.range, x.message]),
      [['invalid-severity', { start: { line: 9, character: 14 }, end: { line: 9, character: 16 } }, "Severity 'P9' is not one of this template's values: P0, P1, P2, P3."]],
    );
    // And exactly what the core says about it.
    const core = createService({ templates: loadBuiltinTemplates() }).diagnostics({ uri: 'file:///ws/normal.md', version: 1, text });
    assert.deepEqual(d, core);
    // A past incident's next row: 5 minutes after the last one (16:30) first, replacing the typed '| '.
    const items = await s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: 'file:///ws/normal.md' }, position: { line: lastRow + 1, character: 2 } });
    const list = Array.isArray(items) ? items : (items?.items ?? []);
    const first = list.find((i) => i.preselect);
    assert.equal(first?.label, '16:35');
    assert.deepEqual(first?.textEdit, { range: { start: { line: lastRow + 1, character: 0 }, end: { line: lastRow + 1, character: 2 } }, newText: '| 16:35 | ${1:event} |' });
    assert.equal(s.process.exitCode, null, 'the server is still running');
    assert.deepEqual(
      logged.filter((m) => /fail|error|exception/i.test(m)),
      [],
      'nothing threw inside the server',
    );
  });
});
