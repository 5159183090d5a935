import assert from 'node:assert/strict';
import fc from 'fast-check';
import { service, fixture, TEMPLATE_IDS } from './helpers';
import type { Range } from '../../server/src/core/model/types';

// Analysing arbitrary text never throws, and every range the model or a diagnostic carries
// lies inside the document.
const lineish = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '# Incident Post-Mortem: x',
    '## Timeline',
    '## Action Items',
    '| Time (UTC) | Event |',
    '|---|---|',
    '| 10:00 | Incident began |',
    '- **11:44 PM**: Alert fired',
    '- [ ] **Fix**: x - Owner: @a, Due: 2024-01-01',
    '**Duration:** 2 hours',
    '---',
    '```',
    '> quote',
    '**Severity:** SEV-9',
    '\t- nested',
    '\u202Eright-to-left',
    '😀 emoji',
  ),
);
const documents = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(lineish, { maxLength: 40 }).map((l) => l.join('\n')),
  fc.tuple(fc.constantFrom(...TEMPLATE_IDS), fc.array(lineish, { maxLength: 10 }), fc.nat()).map(([id, extra, at]) => {
    const lines = fixture(`seeds/${id}.md`).split('\n');
    lines.splice(at % lines.length, 0, ...extra);
    return lines.join(at % 2 ? '\r\n' : '\n');
  }),
);

describe('analysis of arbitrary text (property)', () => {
  it('never throws and keeps every range inside the document', () => {
    const s = service();
    let version = 0;
    fc.assert(
      fc.property(documents, (text) => {
        const d = { uri: 'file:///fuzz.md', version: ++version, text };
        const model = s.model(d);
        const diags = s.diagnostics(d);
        const lines = model.lines;
        const inside = (r: Range | null, what: string) => {
          if (!r) return;
          for (const p of [r.start, r.end]) {
            assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
            assert.ok(p.character >= 0 && p.character <= lines[p.line]!.length, `${what}: char ${p.character} on line ${p.line}`);
          }
          assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: reversed`);
        };
        model.sections.forEach((x) => (inside(x.range, 'section'), inside(x.headingRange, 'heading')));
        model.fields.forEach((x) => (inside(x.range, 'field'), inside(x.keyRange, 'key'), inside(x.valueRange, 'value')));
        model.timeline.entries.forEach((x) => (inside(x.range, 'entry'), inside(x.timeRange, 'time'), inside(x.textRange, 'text'), inside(x.ownerRange, 'owner')));
        model.actionItems.forEach((x) => (inside(x.range, 'item'), inside(x.idRange, 'id'), inside(x.ownerRange, 'owner'), inside(x.dueRange, 'due')));
        inside(model.timeline.statedZoneRange, 'zone');
        diags.forEach((x) => inside(x.range, `diagnostic ${String(x.code)}`));
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });
});
