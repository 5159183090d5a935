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
const fixAll = (text: string) => {
  const s = service();
  const doc = { uri, version: 1, text };
  const [action] = s.codeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: s.diagnostics(doc), only: [FIX_ALL_KIND] });
  return action?.edit?.changes?.[uri] ?? [];
};

describe('duration-mismatch / metric-mismatch: the stated value and fix-all', () => {
  // Found by the fuzzer: a duration stated as a range that also gives the incident's end. Replacing
  // it changes what is computed, so fix-all went round and rewrote the line with a value no quick
  // fix offered.
  const text = detailed.replace('- **End Time:**', '- **Duration:** 11:32 PM to 3:25 AM\n- **End Time:**');
  const line = text.split('\n').indexOf('- **Duration:** 11:32 PM to 3:25 AM');

  it('a stated range that gives the start or end is offered as a quick fix, never replaced by fix-all', () => {
    const s = service();
    const doc = { uri, version: 1, text };
    const found = s.diagnostics(doc).filter((d) => d.code === 'duration-mismatch' && d.range.start.line === line);
    assert.deepEqual(
      found.map((d) => d.message),
      ['Stated Duration is 3h 53m but the timeline gives 18h 28m (end − start).'],
    );
    const titles = s.codeActions(doc, found[0]!.range, { diagnostics: found }).map((a) => a.title);
    assert.ok(titles.includes("Replace stated '11:32 PM to 3:25 AM' with computed '18h 28m'"), titles.join('; '));
    const edits = fixAll(text);
    assert.ok(edits.length > 0, 'fix-all still fixes the other stated duration');
    assert.ok(!edits.some((e) => e.range.start.line <= line && e.range.end.line >= line), JSON.stringify(edits));
    const once = applyTextEdits(text, edits);
    assert.ok(once.includes('- **Duration:** 11:32 PM to 3:25 AM\n'), 'the author’s range is kept');
    assert.equal(applyTextEdits(once, fixAll(once)), once, 'fix-all twice equals once');
  });
});

describe('duration-mismatch: a value the author gives approximately', () => {
  const doc = (duration: string) =>
    [
      '# Postmortem: TLS certificate lost',
      '',
      `**Duration**: ${duration}`,
      '**Start Time**: 2026-10-01 09:45 UTC',
      '**End Time**: 2026-10-02 07:07 UTC',
      '',
      '## Summary',
      '',
      'Logins failed.',
      '',
      '## Timeline',
      '',
      '- 2026-10-01 09:45 UTC: proxy recreated',
      '- 2026-10-02 07:07 UTC: certificate issued, service restored',
      '',
      '## Root cause',
      '',
      'A recreated container.',
    ].join('\n');
  const found = (duration: string) =>
    service()
      .diagnostics({ uri: 'file:///ws/postmortems/tls.md', version: 1, text: doc(duration) })
      .filter((d) => d.code === 'duration-mismatch')
      .map((d) => d.message);

  it('agrees within its precision (21h 22m is ~21.5 hours, about 21 hours, 21.5 hours)', () => {
    for (const d of ['~21.5 hours (2026-10-01 09:45 UTC → 2026-10-02 07:07 UTC)', 'about 21 hours', '21.5 hours', '21h 22m']) assert.deepEqual(found(d), [], d);
  });

  it('still disagrees beyond it', () => {
    assert.deepEqual(found('~15 hours'), ['Stated Duration is 15h but the timeline gives 21h 22m (end − start).']);
    assert.equal(found('21 hours').length, 1, 'a whole number of hours stated without "about" is exact');
  });
});
