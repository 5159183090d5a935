import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { createService } from './service';
import { loadBuiltinTemplates } from '../node/builtinTemplates';

/** A small sev post-mortem: a table timeline and a table of action items. */
const SEARCH = [
  '# Incident Postmortem: Search outage', // 0
  '',
  '## Incident Summary', // 2
  '',
  '- **Severity:** SEV-2',
  '',
  '## Executive Summary', // 6
  '',
  'Searches returned nothing for 76 minutes; AI-001 restores the template.', // 8
  '',
  '## Timeline (UTC)', // 10
  '',
  '| Time (UTC) | Event |',
  '| --- | --- |',
  '| 2025-09-03 22:18 | First errors on search-api |', // 14
  '| 2025-09-03 22:26 | Alert fired |', // 15
  '',
  '## Root Cause', // 17
  '',
  'Shard count reset (see AI-001; not AI-0012, XAI-001 or AI-001-2).', // 19
  '',
  '## Action Items', // 21
  '',
  '| ID | Action | Owner | Priority | Target Date | Status |',
  '| --- | --- | --- | --- | --- | --- |',
  '| AI-001 | Restore the shard template | Felix Braun | P0 | 2027-01-08 | Open |', // 25
  '',
].join('\n');

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const section = (name: string, range: Range, selectionRange: Range, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol => ({
  name,
  kind: SymbolKind.Namespace,
  range,
  selectionRange,
  children,
  ...(detail ? { detail } : {}),
});

describe('document symbols', () => {
  const service = createService({ templates: loadBuiltinTemplates(), today: () => '2024-03-25' });

  it('gives the exact tree: sections, timeline entries and action items inside their sections', () => {
    const symbols = service.symbols({ uri: 'file:///ws/search.md', version: 1, text: SEARCH });
    const expected: DocumentSymbol[] = [
      section('Incident Postmortem: Search outage', r(0, 0, 26, 0), r(0, 0, 0, 36), [
        section('Incident Summary', r(2, 0, 5, 0), r(2, 0, 2, 19)),
        section('Executive Summary', r(6, 0, 9, 0), r(6, 0, 6, 20)),
        section(
          'Timeline (UTC)',
          r(10, 0, 16, 0),
          r(10, 0, 10, 17),
          [
            { name: '2025-09-03 22:18 — First errors on search-api', kind: SymbolKind.Event, detail: 'started', range: r(14, 0, 14, 49), selectionRange: r(14, 2, 14, 18) },
            { name: '2025-09-03 22:26 — Alert fired', kind: SymbolKind.Event, detail: 'detected', range: r(15, 0, 15, 34), selectionRange: r(15, 2, 15, 18) },
          ],
          '2 entries',
        ),
        section('Root Cause', r(17, 0, 20, 0), r(17, 0, 17, 13)),
        section('Action Items', r(21, 0, 26, 0), r(21, 0, 21, 15), [
          { name: 'AI-001: Restore the shard template', kind: SymbolKind.Field, detail: 'Felix Braun · due 2027-01-08 · Open', range: r(25, 0, 25, 78), selectionRange: r(25, 2, 25, 8) },
        ]),
      ]),
    ];
    assert.deepEqual(symbols, expected);
  });

  it('names checkbox items by id and text, with owner and due date', () => {
    const text =
      '# Incident Post-Mortem: X\n\n## Issue Summary\n\n## Timeline\n\n## Root Cause Analysis\n\n## Action Items\n\n- [ ] **AI-001**: Add a canary - Owner: Dana Kim, Due: 2024-03-20\n- [x] Write the runbook\n';
    const [title] = service.symbols({ uri: 'file:///ws/x.md', version: 1, text });
    const actions = title!.children!.find((s) => s.name === 'Action Items')!;
    assert.deepEqual(
      actions.children!.map((c) => [c.name, c.detail, c.kind]),
      [
        ['AI-001: Add a canary', 'Dana Kim · due 2024-03-20 · open', SymbolKind.Field],
        ['Write the runbook', 'done', SymbolKind.Field],
      ],
    );
  });

  it('puts Detection/Response/Resolution block times under their blocks', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/filled/detailed.md'), 'utf8');
    const [title] = service.symbols({ uri: 'file:///ws/detailed.md', version: 1, text });
    const timeline = title!.children!.find((s) => s.name === 'Timeline')!;
    assert.equal(timeline.detail, '3 entries');
    assert.deepEqual(
      timeline.children!.map((b) => [b.name, b.children!.filter((c) => c.kind === SymbolKind.Event).map((c) => c.detail)]),
      [
        ['Detection', ['detected']],
        ['Response', ['acknowledged']],
        ['Resolution', ['resolved']],
      ],
    );
  });

  for (const id of ['classic', 'standard', 'report', 'detailed', 'sev']) {
    it(`${id} (filled): every range holds its selection range and its children`, () => {
      const text = fs.readFileSync(path.resolve(__dirname, `../../../test/fixtures/filled/${id}.md`), 'utf8');
      const symbols = service.symbols({ uri: `file:///ws/${id}.md`, version: 1, text });
      const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      const within = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
      let count = 0;
      const check = (s: DocumentSymbol, parent: DocumentSymbol | null) => {
        count++;
        assert.ok(s.name.trim(), 'names are not empty');
        assert.ok(within(s.range, s.selectionRange), `${s.name}: selection outside range`);
        if (parent) assert.ok(within(parent.range, s.range), `${s.name} outside ${parent.name}`);
        s.children?.forEach((c) => check(c, s));
      };
      symbols.forEach((s) => check(s, null));
      assert.ok(count > 10);
    });
  }

  it('gives nothing for plain markdown', () => {
    assert.deepEqual(service.symbols({ uri: 'file:///ws/README.md', version: 1, text: '# Tool\n\n## Timeline\n\n- **10:00**: v1 released\n' }), []);
  });
});
