import assert from 'node:assert/strict';
import { classifyPhase, classifyPhases } from './phase';

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
    // Starting to investigate is taking the incident up (acknowledgement), as careful readers count it.
    ['Initial investigation started', 'acknowledged'],
    ['Post-incident monitoring began', null],
    ['Root cause identified', null],
    // Other wording.
    ['First errors in checkout logs', 'started'],
    ['API began failing after deploy', 'started'],
    ['Errors began to subside', 'restored'],
    // Present tense, as timelines are often written; a hedge is an inference, not an event.
    ['Cluster self-heals and everything returns to normal, launch success back to 100%.', 'restored'],
    ['Cordoned the node, despite the fact that it appears to have recovered.', null],
    ['The cache seems to have been restored by the restart', null],
    ['Executor services are scaled down to zero to prevent thundering herd issues when SDK Gateways are brought back online.', 'mitigated'],
    ['Manual intervention begins. **Function execution is partially restored.**', 'mitigated'],
    ['Service partially restored in us-east', 'mitigated'],
    ['Service fully restored', 'restored'],
    ['Page the on-call if alerts fire again', null],
    ['We changed the DNS record for wire.com to an old backup to restore basic functionality', 'mitigated'],
    ['Switched traffic to the standby region', 'mitigated'],
    ['Changed the owner to the platform team', null],
    ['Delete the stuck pods and the issue goes away', 'restored'],
    ['Site is hard down, engineers start troubleshooting', 'started'],
    ['Operations engineers revert site repo changes', 'mitigated'],
    ['Team decides to revert the change tomorrow', null],
    ['@ThisIsMissEm Responded saying that failover should have happened', null],
    // A chain stopping starts the outage; someone noticing the failure is its notice; acknowledging it and
    // opening an investigation is the response.
    ['PagerDuty fires an alert and calls the on-call engineer.', 'detected'],
    ['Chain halts at block 3078794', 'started'],
    ['Block production halted after the upgrade', 'started'],
    ['First validator notices the issue and escalates to the development team', 'detected'],
    ['The development team acknowledges the issue and starts the investigation', 'acknowledged'],
    ['Team opened an investigation', 'acknowledged'],
    // An action the next sentence says did not help is no mitigation.
    ['The last change to the repo is reverted, to check if that was causing the problem. This does not improve the situation.', null],
    ['Cookie secret changed and pod restarted. No effect.', null],
    ['chp restarts', null],
    ['The proxy pod restarts again (no heap error)', null],
    ['On-call restarts the proxy pods', 'mitigated'],
    ['Engineers revert the change. Errors drop.', 'mitigated'],
    ['Outage confirmed to be resolved', 'resolved'],
    ['The outage appears to be resolved', null],
    ['An incident call was started', 'acknowledged'],
    ['Tim Birkett arrived and Simon handed the issue over to Tim.', null],
    ['The incident was over by noon', 'resolved'],
    ['Karpenter noticed that a new version of Bottlerocket was available and started the update', null],
    ['Alex posted a message reporting the outage to the support channel', 'detected'],
    ['back online again with broken Fedora 32 installation', null],
    ['back online again with most systems', 'restored'],
    ['The issue did not go away after the restart', null],
    ['PagerDuty alert fired for high latency', 'detected'],
    ['Customer reported failed payments', 'detected'],
    ['First reports of users seeing 404 errors arrive', 'detected'],
    ['Public endpoint shows elevated error rates', 'detected'],
    ['<https://github.com/acme/api/issues/91> (Downloads redirect to a bad URL) was opened', 'detected'],
    ['GitHub issue filed by a user', 'detected'],
    ['<https://github.com/acme/api/pull/92> (Fix download URLs) was opened', null],
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
    // Key-event lists and milestones as real post-mortems state them.
    ['First detected 2025-05-02 10:41', 'detected'],
    ['Incident declared 2025-05-02 10:50', 'acknowledged'],
    ['Repaired 2025-05-02 11:30', 'mitigated'],
    ['Resolved 2025-05-02 12:05', 'resolved'],
    ['**OUTAGE BEGINS** -- cache nodes evicting everything', 'started'],
    ['**OUTAGE MITIGATED**, traffic pinned to the old pool', 'mitigated'],
    ['**INCIDENT ENDS**, error budget burn back to zero', 'resolved'],
    ['Support first noticed the failed exports', 'detected'],
    ['Exports back to working order', 'restored'],
    ['Chain resumes producing blocks', 'restored'],
    ['Root cause identified: a stale feature flag', null],
    ['Kim receives pager storm from every region', 'detected'],
    ['The problem was reported in the forum by a user', 'detected'],
    ['Automated warning from the cloud provider about quota', 'detected'],
    ['Kim starts investigating the exporter logs', 'acknowledged'],
    ['Ravi joins the incident channel', 'acknowledged'],
    ['Team begins a rollback of release 42', 'mitigated'],
    ['Reverted the schema change', 'mitigated'],
    ['Exporter stops responding to health checks', 'started'],
    // Negation and intention.
    ['Issue not yet detected by monitoring', null],
    ['Mitigation attempt failed', null],
    ['Rollback failed', null],
    ['Failover failed', null],
    ['Planning to roll back', null],
    ['Service to be restored after maintenance', null],
    ['Alert fired but was not acknowledged', 'detected'],
    ['', null],
    // Real documents' wording (issue 12).
    ['Received an e-mail from a researcher reporting a critical bug', 'detected'],
    ['First recorded instance of a user seeing timeouts', 'detected'],
    ['First [recorded instance](https://example.com/1) of a user seeing timeouts', 'detected'],
    ['First [recorded instance] of a user seeing timeouts', 'detected'],
    ['Dana discovers the nightly jobs are not running', 'detected'],
    ['Dana discovers the root cause in the scheduler', null],
    ['A new comet has been discovered, traffic is expected', null],
    ['Team notices messages in the support channel about failed logins', 'detected'],
    ['On-call engineer sees the message and escalates', 'acknowledged'],
    ['Huddle begins in #ops', 'acknowledged'],
    ['Started working on a long-term fix', 'acknowledged'],
    ['He starts trying to figure out what is wrong', 'acknowledged'],
    ['Repositories were searched for the vulnerable library', 'acknowledged'],
    ['開発チーム 対応を開始', 'acknowledged'],
    ['GitHub Issue #12 「起動しない」投稿', 'detected'],
    ['Scaling down the cluster by 2 nodes to free up addresses', 'mitigated'],
    ['Cache instance resized to avoid pool exhaustion', 'mitigated'],
    ['Restarted the web server', 'mitigated'],
    ['Re-deployed the service with the fixed config', 'mitigated'],
    ['Removed the directory taking up all the disk space', 'mitigated'],
    // Fixes that did not help mitigate nothing, but someone is responding.
    ['Regular fixes (private windows, restarting servers, etc) do not seem to help', 'acknowledged'],
    ['Workarounds did not work, the cache stays cold', 'acknowledged'],
    ['Team reaches out to the CDN vendor to request more capacity', 'acknowledged'],
    ['The discord user @someone notified the core channel', 'detected'],
    ['Lead decides to add capacity so that tasks can work before dying and being restarted', null],
    ['Agreed approach is to re-deploy the service', null],
    ['All systems verified operational', 'restored'],
    ['Leaked deploy token revoked', 'restored'],
    ['Node has restored and is healthy, but volumes will not mount', null],
    ['Follow-up with the last team; no further action was required', 'resolved'],
    ['Lead announces resolution is confirmed complete', 'resolved'],
    ['The [issue is closed](https://example.com/1) and everything seems fine', 'resolved'],
    ['Status page is set to resolved', 'resolved'],
  ];
  for (const [text, want] of cases) it(`${JSON.stringify(text)} -> ${want}`, () => assert.equal(classifyPhase(text), want));

  it('lets an explicit tag win over wording', () => {
    assert.equal(classifyPhase('Incident resolved [detected]'), 'detected');
    assert.equal(classifyPhase('Restarted pods [phase: mitigated]'), 'mitigated');
    assert.equal(classifyPhase('[Phase: Restored] all good'), 'restored');
    assert.equal(classifyPhase('Something [ack]'), 'acknowledged');
  });

  it('lists every phase an entry states, the chosen one first', () => {
    assert.deepEqual(classifyPhases('A user notified the team and the deploying developer acknowledged the incident'), ['detected', 'acknowledged']);
    assert.deepEqual(classifyPhases('[mitigated] rolled back; incident resolved'), ['mitigated']);
    assert.deepEqual(classifyPhases('Routine config review'), []);
  });
});
