import assert from 'node:assert/strict';
import { service, doc } from '../../../../test/unit/helpers';

// Time to detect is measured to the first notice; a later "detected" entry is not it.
const s = service();
const pm = (entries: string[]) =>
  ['---', 'type: postmortem', '---', '# Post-mortem: queue workers stalled', '', '**Date:** 2025-03-04', '', '_All times in UTC_', '', '## Timeline', '', ...entries, ''].join('\n');
const metricsOf = (entries: string[]) => s.model(doc(pm(entries))).metrics;

describe('metrics: time to detect is the first notice', () => {
  it('an incident declared as the first entry is itself the notice (TTD 0)', () => {
    const m = metricsOf([
      '- **14:00**: Incident declared after an operator deleted the wrong queue',
      '- **14:20**: Queue recreated, workers restarted',
      '- **14:30**: Incident resolved',
      '- **16:10**: Support forwards two user reports about slow exports',
    ]);
    assert.equal(m.timeToDetectMinutes, 0);
    assert.equal(m.timeToAcknowledgeMinutes, 0);
    assert.match(m.basis.timeToDetect ?? '', /line \d+ \(14:00/);
  });

  it('a notice after responders already acted is not the detection: unknown, not hours late', () => {
    const m = metricsOf([
      '- **09:00**: Workers stopped responding',
      '- **09:20**: Workers restarted; service restored',
      '- **12:40**: Team is alerted to lag in the billing export',
      '- **13:00**: Incident resolved',
    ]);
    assert.equal(m.timeToDetectMinutes, null);
    assert.equal(m.basis.timeToDetect, undefined);
  });

  it('keeps a notice that comes before any response', () => {
    const m = metricsOf(['- **09:00**: Workers stopped responding', '- **09:06**: Dashboard shows elevated error rates', '- **09:20**: Rolled back the deploy', '- **09:30**: Incident resolved']);
    assert.equal(m.timeToDetectMinutes, 6);
  });

  it('a user filing an issue is a report', () => {
    const m = metricsOf([
      '- **09:00**: Workers stopped responding',
      '- **09:04**: <https://github.com/example/queue/issues/12> (Exports never finish) was opened',
      '- **09:09**: A community member notified the team in chat',
      '- **09:30**: Incident resolved',
    ]);
    assert.equal(m.timeToDetectMinutes, 4);
  });
});
