import assert from 'node:assert/strict';
import { service, fixture, doc } from './helpers';
import { LARGE_DOCUMENT } from '../../server/src/core/parse/structureOnly';

describe('documents over the size threshold', () => {
  it('get structure-only analysis and one information diagnostic saying so', () => {
    const base = fixture('seeds/standard.md');
    const row = '| 10:00 | Something happened in the system that the on-call looked at |\n';
    let text = base.replace('| HH:MM | Incident began (first error/alert) |\n', row.repeat(Math.ceil(LARGE_DOCUMENT / row.length) + 10));
    text += '\n```\n## Not a heading (inside code)\n```\n';
    assert.ok(text.length > LARGE_DOCUMENT);
    const s = service();
    const d = doc(text, 'file:///big.md');
    const model = s.model(d);
    assert.equal(model.degraded, true);
    assert.equal(model.isPostmortem, true);
    assert.ok(model.sections.some((x) => x.title === 'Timeline'));
    assert.ok(!model.sections.some((x) => x.title.startsWith('Not a heading')));
    const diags = s.diagnostics(d);
    assert.deepEqual(
      diags.map((x) => [x.code, x.severity]),
      [['document-too-large', 3]],
    );
  });

  it('a document just under the threshold gets the full analysis', () => {
    const s = service();
    const model = s.model(doc(fixture('seeds/standard.md'), 'file:///small.md'));
    assert.equal(model.degraded, false);
  });
});
