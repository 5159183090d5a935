import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { FIX_ALL_KIND } from '../actions';
import { applyTextEdits } from '../textEdits';

const service = () => createService({ templates: loadBuiltinTemplates(), today: () => '2025-10-01' });
const detailed = fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/filled/detailed.md'), 'utf8');
const uri = 'file:///ws/pm.md';

describe('missing-field: the inserted field', () => {
  // Found by the fuzzer: an `===` under the field line makes "**Incident ID:** …" a setext heading,
  // so the field is missing; inserted right above that text, the new field joined the heading too.
  const text = detailed.replace('**Incident ID:** INC-2025-0614-01  \n', '**Incident ID:** INC-2025-0614-01  \n===\n');

  it('under a heading with text right below, stands as a paragraph of its own, and is then found', () => {
    const s = service();
    const doc = { uri, version: 1, text };
    const found = s.diagnostics(doc).filter((d) => d.code === 'missing-field' && String(d.message).includes("'Incident ID'"));
    assert.equal(found.length, 1);
    const [fix] = s.codeActions(doc, found[0]!.range, { diagnostics: found });
    assert.equal(fix!.title, "Insert field '**Incident ID:**'");
    const edits = fix!.edit!.changes![uri]!;
    assert.deepEqual(
      edits.map((e) => e.newText),
      ['\n\n**Incident ID:** [Incident ID]\n'],
    );
    const fixed = applyTextEdits(text, edits);
    assert.deepEqual(fixed.split('\n').slice(0, 5), [
      '# Post-Mortem Report — Uploads failing in the EU object-storage region',
      '',
      '**Incident ID:** [Incident ID]',
      '',
      '**Incident ID:** INC-2025-0614-01  ',
    ]);
    const after = s.diagnostics({ uri, version: 2, text: fixed }).filter((d) => d.code === 'missing-field' && String(d.message).includes("'Incident ID'"));
    assert.deepEqual(after, []);
    const [all] = s.codeActions(
      { uri, version: 1, text },
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: s.diagnostics({ uri, version: 1, text }), only: [FIX_ALL_KIND] },
    );
    assert.ok(
      all!.edit!.changes![uri]!.some((e) => JSON.stringify(e) === JSON.stringify(edits[0])),
      'fix-all applies the same edit',
    );
  });

  it('next to the fields already there, joins them with no blank line', () => {
    const plain = detailed.replace('**Incident ID:** INC-2025-0614-01  \n', '');
    const s = service();
    const doc = { uri, version: 1, text: plain };
    const found = s.diagnostics(doc).filter((d) => d.code === 'missing-field' && String(d.message).includes("'Incident ID'"));
    const [fix] = s.codeActions(doc, found[0]!.range, { diagnostics: found });
    assert.deepEqual(
      fix!.edit!.changes![uri]!.map((e) => e.newText),
      ['\n**Incident ID:** [Incident ID]'],
    );
  });
});

describe('missing-field: front matter', () => {
  it('a field given in front matter (date, incident_id) is not missing', () => {
    const s = service();
    const without = detailed.replace(/^\*\*Incident ID:\*\*.*\n/m, '');
    assert.notEqual(without, detailed);
    const missing = (text: string) => s.diagnostics({ uri, version: 1, text }).filter((d) => d.code === 'missing-field' && String(d.message).includes("'Incident ID'"));
    assert.equal(missing(without).length, 1);
    assert.deepEqual(missing(`---\nincident_id: INC-2025-0614-01\n---\n${without}`), []);
    assert.equal(missing(`---\nincident_id: ""\n---\n${without}`).length, 1, 'an empty value gives nothing');
  });
});
