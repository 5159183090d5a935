import assert from 'node:assert/strict';
import { ruleKit } from '../../../../test/unit/ruleKit';

// Errors only when certain: a lone broken time is wrong; a readable time that lacks a date is
// incomplete (information), and a longer text not read may be a shape the reader does not know.
const kit = ruleKit('invalid-time');
const doc = (entries: string[], date = '') =>
  ['---', 'type: postmortem', '---', '# Post-mortem: billing export delayed', '', date, '', '## Timeline', '', ...entries, ''].join('\n');

describe('invalid-time: severity by certainty', () => {
  it('a lone broken time is an error', () => {
    const [d] = kit.check(doc(['- **25:70 UTC**: Export job started failing'], '**Date:** 2025-02-03'));
    assert.equal(d!.severity, 1);
    assert.match(String(d!.message), /Cannot read time '25:70 UTC'/);
  });

  it('a readable time with no date anywhere is information, not an error', () => {
    const found = kit.check(doc(['- 09:15 UTC: Export job started failing', '- 09:40 UTC: Alert fired']));
    assert.deepEqual(found.map((d) => d.severity), [3, 3]);
    assert.match(String(found[0]!.message), /has no date to anchor it/);
  });

  it('nothing when the document gives the date', () => {
    assert.deepEqual(kit.check(doc(['- 09:15 UTC: Export job started failing'], '**Date:** 2025-02-03')), []);
  });
});
