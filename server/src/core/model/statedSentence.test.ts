import assert from 'node:assert/strict';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';

// A start and end stated in a sentence, as many real post-mortems give them.
const service = createService({ templates: loadBuiltinTemplates(), today: () => '2025-06-01' });
let n = 0;
const metrics = (summary: string, title = '# Post-mortem: registry mirror unreachable') =>
  service.model({
    uri: `file:///ws/incidents/sentence-${++n}.md`,
    version: 1,
    text: ['---', 'type: postmortem', '---', title, '', '## Summary', '', summary, '', '## Root cause', '', 'A certificate expired.', ''].join('\n'),
  }).metrics;

describe('a window stated in a sentence', () => {
  it('reads "Between approximately … and …" with dates and a zone', () => {
    const m = metrics('Between approximately 2025-03-04 22:10 UTC and 2025-03-05 06:40 UTC the mirror was unreachable for most users.');
    assert.equal(new Date(m.start!).toISOString(), '2025-03-04T22:10:00.000Z');
    assert.equal(m.durationMinutes, 510);
    assert.match(m.basis.start!, /stated sentence \(line 8\)/);
  });

  it('takes the date from the same sentence and the zone from the end time', () => {
    const m = metrics('On 2025-03-04 between 10:05 and 10:50 UTC all downloads from the mirror were broken.');
    assert.equal(new Date(m.end!).toISOString(), '2025-03-04T10:50:00.000Z');
    assert.equal(m.durationMinutes, 45);
  });

  it('ignores intervals that are not the incident, and a window far from the date in the title', () => {
    assert.equal(metrics('Traffic between 10:00 and 11:00 UTC on 2025-03-04 is usually light.').start, null);
    assert.equal(metrics('Between 2025-01-04 10:05 and 2025-01-04 10:50 UTC downloads were broken.', '# 2025-03-04: registry mirror unreachable').start, null);
  });
});
