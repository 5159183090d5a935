import assert from 'node:assert/strict';
import { classifyPhase } from './phase';

describe('classifyPhase', () => {
  const cases: [string, string | null][] = [
    // Template wording.
    ['Incident began (first error/alert)', 'started'],
    ['Incident detected (team aware)', 'detected'],
    ['Alert triggered: `ServiceXHighErrorRate`', 'detected'],
    ['On-call engineer acknowledged alert', 'acknowledged'],
    ['Mitigation: Restarted database instances', 'mitigated'],
    ['Mitigation applied', 'mitigated'],
    ['Service restored, monitoring for stability', 'restored'],
    ['Incident resolved', 'resolved'],
    ['Incident declared P1, Slack channel #incident-xyz created', 'acknowledged'],
    ['Initial investigation started', null],
    ['Post-incident monitoring began', null],
    ['Root cause identified', null],
    // Other wording.
    ['First errors in checkout logs', 'started'],
    ['API began failing after deploy', 'started'],
    ['Errors began to subside', 'restored'],
    ['PagerDuty alert fired for high latency', 'detected'],
    ['Customer reported failed payments', 'detected'],
    ['On-call paged', 'detected'],
    ['Engineer joined the bridge', 'acknowledged'],
    ["Alert ack'd by @sam", 'acknowledged'],
    ['Rolled back deploy v1.2.3', 'mitigated'],
    ['Rollback completed', 'mitigated'],
    ['Failover to us-west-2', 'mitigated'],
    ['Workaround applied for affected tenants', 'mitigated'],
    ['Error rate back to normal', 'restored'],
    ['Errors subsided', 'restored'],
    ['Incident closed', 'resolved'],
    ['All clear given', 'resolved'],
    ['Resolved DNS issue, service fully restored', 'restored'],
    // Negation and intention.
    ['Issue not yet detected by monitoring', null],
    ['Mitigation attempt failed', null],
    ['Rollback failed', null],
    ['Failover failed', null],
    ['Planning to roll back', null],
    ['Service to be restored after maintenance', null],
    ['Alert fired but was not acknowledged', 'detected'],
    ['', null],
  ];
  for (const [text, want] of cases) it(`${JSON.stringify(text)} -> ${want}`, () => assert.equal(classifyPhase(text), want));

  it('lets an explicit tag win over wording', () => {
    assert.equal(classifyPhase('Incident resolved [detected]'), 'detected');
    assert.equal(classifyPhase('Restarted pods [phase: mitigated]'), 'mitigated');
    assert.equal(classifyPhase('[Phase: Restored] all good'), 'restored');
    assert.equal(classifyPhase('Something [ack]'), 'acknowledged');
  });
});
