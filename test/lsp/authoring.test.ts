// Authoring features through the bundled server: hover, outline, action item links and the
// custom requests behind "New Post-Mortem…". Run `npm run build` first.
import assert from 'node:assert/strict';
import { DefinitionRequest, DocumentSymbolRequest, HoverRequest, ReferencesRequest, SymbolKind, type MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from './harness';
import { NEW_DOCUMENT_REQUEST, TEMPLATES_REQUEST, type NewDocumentResult, type TemplateSummary } from '../../server/src/protocol';

const CHECKOUT = [
  '# Incident Post-Mortem: Checkout errors', // 0
  '',
  '**Date:** 2024-03-09',
  '**Duration:** 11:32 PM to 12:40 AM', // 3
  '**Severity:** High',
  '',
  '## Issue Summary', // 6
  '',
  'Checkout failed for a third of users; see AI-002.', // 8
  '',
  '## Timeline', // 10
  '',
  '_All times in Pacific Time (PT)_',
  '',
  '- **11:32 PM**: Incident began after deploy 412',
  '- **11:41 PM**: Alert fired for checkout errors', // 15
  '- **11:44 PM**: On-call engineer acknowledged',
  '- **12:20 AM**: Rolled back deploy 412',
  '- **12:40 AM**: Incident resolved', // 18
  '',
  '## Root Cause Analysis',
  '',
  'A bad config in deploy 412.',
  '',
  '## Impact Assessment', // 24
  '',
  '- **Duration:** 1 hour 8 minutes', // 26
  '',
  '## Action Items', // 28
  '',
  '- [ ] **AI-001**: Add a canary for deploys - Owner: Dana Kim, Due: 2024-03-20', // 30
  '- [ ] **AI-002**: Alert on checkout error rate - Owner: Lee Park, Due: 2024-03-22', // 31
  '',
].join('\n');

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('authoring over LSP', function () {
  let s: LspSession;
  const uri = 'file:///ws/checkout.md';
  const hover = async (line: number, character: number) => {
    const h = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    return h ? { value: (h.contents as MarkupContent).value, kind: (h.contents as MarkupContent).kind, range: h.range } : null;
  };
  before(async () => {
    s = await startServer();
    await s.open(uri, CHECKOUT);
  });
  after(async () => {
    await s.stop();
  });

  it('hover on a timeline time', async () => {
    // 11:41 PM PST on 2024-03-09 = 07:41Z; 9 min after the stated start (11:32 PM), 9 after the previous entry.
    assert.deepEqual(await hover(15, 7), {
      kind: 'markdown',
      value: [
        '**11:41 PM** · timeline entry, line 16',
        '',
        '- 2024-03-09 23:41 PST (`America/Los_Angeles`, timeline zone)',
        '- 2024-03-10 07:41 UTC',
        '- `T+9m` since the start, `+9m` after previous (11:32 PM, line 15)',
        '- Phase: **detected**',
      ].join('\n'),
      range: r(15, 4, 15, 12),
    });
  });

  it('hover on a stated metric', async () => {
    assert.deepEqual(await hover(26, 18), {
      kind: 'markdown',
      value: [
        '**Duration** · duration',
        '',
        'Computed: **1h 8m**, matches the stated 1h 8m.',
        '',
        'Computed as end − start:',
        '- start: stated Duration (line 4)',
        '- end: stated Duration (line 4)',
      ].join('\n'),
      range: r(26, 2, 26, 32),
    });
  });

  it('hover on a heading', async () => {
    assert.deepEqual(await hover(24, 5), {
      kind: 'markdown',
      value: [
        '**Impact Assessment** · required section of the Classic (Pacific Time) template',
        '',
        'Users and services affected, total downtime and business impact.',
        '',
        'Expected fields:',
        '- **Users Affected** (text)',
        '- **Services Affected** (text)',
        '- **Duration** (duration): Total downtime or degradation period, e.g. "2 hours 53 minutes".',
        '- **Business Impact** (text)',
      ].join('\n'),
      range: r(24, 0, 24, 20),
    });
  });

  it('no hover on plain prose', async () => {
    assert.equal(await hover(22, 3), null);
  });

  it('document symbols: the exact tree', async () => {
    const symbols = await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    const section = (name: string, range: ReturnType<typeof r>, sel: ReturnType<typeof r>, children: unknown[] = [], detail?: string) => ({
      name,
      kind: SymbolKind.Namespace,
      range,
      selectionRange: sel,
      children,
      ...(detail ? { detail } : {}),
    });
    const entry = (line: number, name: string, phase: string, end: number) => ({ name, kind: SymbolKind.Event, detail: phase, range: r(line, 0, line, end), selectionRange: r(line, 4, line, 12) });
    assert.deepEqual(symbols, [
      section('Incident Post-Mortem: Checkout errors', r(0, 0, 32, 0), r(0, 0, 0, 39), [
        section('Issue Summary', r(6, 0, 9, 0), r(6, 0, 6, 16)),
        section(
          'Timeline',
          r(10, 0, 19, 0),
          r(10, 0, 10, 11),
          [
            entry(14, '11:32 PM — Incident began after deploy 412', 'started', 47),
            entry(15, '11:41 PM — Alert fired for checkout errors', 'detected', 47),
            entry(16, '11:44 PM — On-call engineer acknowledged', 'acknowledged', 45),
            entry(17, '12:20 AM — Rolled back deploy 412', 'mitigated', 38),
            entry(18, '12:40 AM — Incident resolved', 'resolved', 33),
          ],
          '5 entries',
        ),
        section('Root Cause Analysis', r(20, 0, 23, 0), r(20, 0, 20, 22)),
        section('Impact Assessment', r(24, 0, 27, 0), r(24, 0, 24, 20)),
        section('Action Items', r(28, 0, 32, 0), r(28, 0, 28, 15), [
          { name: 'AI-001: Add a canary for deploys', kind: SymbolKind.Field, detail: 'Dana Kim · due 2024-03-20 · open', range: r(30, 0, 30, 77), selectionRange: r(30, 8, 30, 14) },
          { name: 'AI-002: Alert on checkout error rate', kind: SymbolKind.Field, detail: 'Lee Park · due 2024-03-22 · open', range: r(31, 0, 31, 81), selectionRange: r(31, 8, 31, 14) },
        ]),
      ]),
    ]);
  });

  it('definition and references of an action item id', async () => {
    const def = await s.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 8, character: 45 } });
    assert.deepEqual(def, [{ uri, range: r(31, 8, 31, 14) }]);
    const refs = (includeDeclaration: boolean) => s.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 31, character: 10 }, context: { includeDeclaration } });
    assert.deepEqual(await refs(true), [
      { uri, range: r(8, 42, 8, 48) },
      { uri, range: r(31, 8, 31, 14) },
    ]);
    assert.deepEqual(await refs(false), [{ uri, range: r(8, 42, 8, 48) }]);
  });

  it('postmortem/templates lists the built-in templates', async () => {
    const list = await s.connection.sendRequest<TemplateSummary[]>(TEMPLATES_REQUEST);
    assert.deepEqual(
      list.map((t) => [t.id, t.name]),
      [
        ['classic', 'Classic (Pacific Time)'],
        ['standard', 'Standard (P0-P3, UTC table)'],
        ['report', 'Report (numbered sections, MTTD/MTTA/MTTR)'],
        ['detailed', 'Detailed (Detection / Response / Resolution blocks)'],
        ['sev', 'SEV (SEV-1..4, full UTC date-times, TTA/TTM)'],
      ],
    );
    assert.ok(list.every((t) => t.description.length > 20));
  });

  it('postmortem/newDocument builds a post-mortem the server lints as one', async () => {
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const { text } = await s.connection.sendRequest<NewDocumentResult>(NEW_DOCUMENT_REQUEST, { templateId: 'sev' });
    const lines = text.split('\n');
    assert.equal(lines[0], '# Incident Postmortem: [Incident Title]');
    assert.ok(lines.includes(`**Last Updated:** ${today}`));
    assert.ok(lines.includes(`- **Incident ID:** INC-${today.replace(/-/g, '')}-001`));
    const diagnostics = await s.open('untitled:Untitled-1', text);
    assert.ok(diagnostics.filter((x) => x.code === 'placeholder').length >= 10);
    assert.ok(!diagnostics.some((x) => x.code === 'missing-section'));
  });

  it('postmortem/newDocument with an unknown template is an InvalidParams error naming the templates', async () => {
    await assert.rejects(s.connection.sendRequest(NEW_DOCUMENT_REQUEST, { templateId: 'nope' }), (e: { code: number; message: string }) => {
      assert.equal(e.code, -32602);
      assert.equal(e.message, "Unknown template 'nope' (templates: classic, standard, report, detailed, sev)");
      return true;
    });
  });
});
