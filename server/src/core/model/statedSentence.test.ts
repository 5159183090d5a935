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

  it('reads "unavailable from … and full service resumed at …", and "down from … until …"', () => {
    const m = metrics('The mirror was unavailable from 2025-03-04 17:45 UTC and full service resumed at 2025-03-05 18:00 UTC. No data was lost.');
    assert.equal(new Date(m.start!).toISOString(), '2025-03-04T17:45:00.000Z');
    assert.equal(m.durationMinutes, 24 * 60 + 15);
    assert.equal(metrics('The mirror was down from March 4, 2025 10:05 UTC until 10:50 UTC.').durationMinutes, 45);
    // A start without its date or zone, or a range that is not the incident, is no window.
    assert.equal(metrics('The mirror was down from 10:05 UTC until 10:50 UTC.').start, null);
    assert.equal(metrics('Backups were copied from 2025-03-04 10:05 UTC until 10:50 UTC.').start, null);
  });

  it('reads four-digit times after "the hours of" or before a zone, never bare years', () => {
    const m = metrics('On March 4, 2025 between the hours of 2200 and 2330 UTC, the mirror served degraded responses.');
    assert.equal(new Date(m.start!).toISOString(), '2025-03-04T22:00:00.000Z');
    assert.equal(new Date(m.end!).toISOString(), '2025-03-04T23:30:00.000Z');
    assert.equal(m.durationMinutes, 90);
    assert.equal(metrics('On March 4, 2025 between 0910 and 0940 UTC the mirror was down.').durationMinutes, 30);
    assert.equal(metrics('Between 2019 and 2021 the mirror was down twice, on 2025-03-04 it failed again.').start, null);
    assert.equal(metrics('On March 4, 2025 between 1900 and 2100 the mirror was down.').start, null);
  });

  it('reads a start stated alone, taking the year from the title', () => {
    const m = metrics('At around 09:15 UTC on Tuesday 4th March we started experiencing timeouts from the mirror.', '# 2025-03-04: registry mirror unreachable');
    assert.equal(new Date(m.start!).toISOString(), '2025-03-04T09:15:00.000Z');
    assert.equal(m.end, null);
    assert.match(m.basis.start!, /stated sentence \(line 8\)/);
    const began = metrics('The outage began at 2025-03-04 09:15 UTC when the certificate expired.');
    assert.equal(new Date(began.start!).toISOString(), '2025-03-04T09:15:00.000Z');
  });

  it('takes no start from noticing, from a time without a zone, or from two different starts', () => {
    const title = '# 2025-03-04: registry mirror unreachable';
    assert.equal(metrics('At 09:15 UTC we started receiving alerts that the mirror was unreachable.', title).start, null);
    assert.equal(metrics('At around 09:15 we started experiencing timeouts from the mirror.', title).start, null);
    const two = 'At 09:15 UTC on 4th March we started experiencing timeouts. At 14:00 UTC on 5th March the outage began again.';
    assert.equal(metrics(two, title).start, null);
  });
});
