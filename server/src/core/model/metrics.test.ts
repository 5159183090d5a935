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

describe('metrics: phases as real timelines state them', () => {
  it('an entry that records the notice and the response together is both (TTD 0, TTA 0)', () => {
    const m = metricsOf([
      '- **18:30**: Ana finishes the release but discovers the build checks are not running, and starts trying to figure out why',
      '- **18:40**: Ana asks the platform team for help',
      '- **19:10**: Checks re-enabled; incident resolved',
    ]);
    assert.equal(m.timeToDetectMinutes, 0);
    assert.equal(m.timeToAcknowledgeMinutes, 0);
    assert.equal(m.durationMinutes, 40);
  });

  it('a scale-up made the day before the incident is not its mitigation', () => {
    const m = metricsOf([
      '- **2025-03-03 12:00**: Proactively scaling up the cluster from 7 to 10 nodes before a migration',
      '- **2025-03-04 08:24**: Automated warning: the load balancer cannot scale, no free addresses',
      '- **2025-03-04 10:30**: Scaling down the cluster by 2 nodes to free up addresses',
      '- **2025-03-04 12:00**: All systems verified operational',
    ]);
    assert.equal(m.timeToMitigateMinutes, 126);
    assert.equal(m.durationMinutes, 216);
  });

  it('a notice before the entry that says the outage began is not its detection', () => {
    const m = metricsOf([
      '- **14:51**: First reports of the new album appear on news sites, drawing traffic',
      '- **14:54**: **OUTAGE BEGINS**: search backends start failing under load',
      '- **14:56**: On-call receives a pager storm for HTTP 500s',
      '- **15:30**: Incident resolved',
    ]);
    assert.equal(m.timeToDetectMinutes, 2);
  });

  it('a restart the entry says did not help is not the mitigation', () => {
    const m = metricsOf([
      '- **20:52**: Incoming report that students cannot reach the hub',
      '- **21:02**: Usual fixes (restarting servers, clearing caches) do not seem to help',
      '- **21:23**: Overcommit removed; memory limits raised',
      '- **21:24**: Core pods restarted on a new node',
      '- **21:46**: The issue is closed and everything seems fine',
    ]);
    assert.equal(m.timeToMitigateMinutes, 32);
    assert.equal(m.durationMinutes, 54);
  });

  it('an outage left overnight: the halt is the start, not the first entry after the night', () => {
    const m = metricsOf([
      '| Day | Time (UTC) | Event |',
      '|---|---|---|',
      '| 2025-03-04 | 15:57 | Chain halts at block 3078794 |',
      '| 2025-03-04 | 16:03 | First validator notices the issue and escalates to the developers |',
      '| 2025-03-04 | 19:10 | The development team acknowledges the issue and starts the investigation |',
      '| 2025-03-05 | 11:25 | A release fixing the issue is announced to the validators |',
      '| 2025-03-05 | 13:58 | Most validators apply the upgrade and the chain resumes |',
    ]);
    assert.equal(m.start, Date.UTC(2025, 2, 4, 15, 57));
    assert.equal(m.durationMinutes, 22 * 60 + 1);
    assert.equal(m.timeToDetectMinutes, 6);
    assert.equal(m.timeToAcknowledgeMinutes, 187);
  });
});

describe('metrics: the end of an incident restored in steps', () => {
  it('a later "fully restored" is the end; the earlier restoration was partial', () => {
    const m = metricsOf([
      '- **00:05**: Gateways stop fulfilling requests',
      '- **00:10**: On-call engineers are paged by an alert',
      '- **00:51**: Disk space cleared. **Execution is partially restored.**',
      '- **01:01**: All gateways are back online',
      '- **04:40**: Networking issues reported by customers',
      '- **05:45**: New gateways rolled out. **Execution is fully restored.**',
    ]);
    assert.equal(m.durationMinutes, 340);
    assert.equal(m.timeToMitigateMinutes, 46, 'the partial restoration reduced the impact');
    assert.match(m.basis.end ?? '', /05:45/);
  });

  it('with no restoration called full, the first one is the end', () => {
    const m = metricsOf(['- **00:05**: Gateways stop fulfilling requests', '- **01:01**: All gateways are back online', '- **05:45**: Extra gateways added for capacity']);
    assert.equal(m.durationMinutes, 56);
  });
});

describe('metrics: mitigation happens before the end', () => {
  it('an action after the service is back is clean-up, not the mitigation', () => {
    const m = metricsOf([
      '- **06:00**: Site down, detected by the security team',
      '- **07:23**: Changed the DNS record to an old backup to restore basic functionality',
      '- **10:30**: Hosting provider restored the server',
      '- **12:02**: Reverted the DNS change to point back at the server',
    ]);
    assert.equal(m.timeToMitigateMinutes, 83);
    const late = metricsOf(['- **06:00**: Site down, detected by the security team', '- **10:30**: Hosting provider restored the server', '- **12:02**: Reverted the DNS change']);
    assert.equal(late.timeToMitigateMinutes, null);
    assert.match(late.basis.timeToMitigate ?? '', /comes after the end/);
  });
});

describe('metrics: an incident re-opened after it was called over', () => {
  const entries = (tail: string[]) => [
    '- **16:31**: We were notified of connection exhaustion on the primary database',
    '- **17:08**: Incident called after users were unable to log in',
    '- **18:49**: Logins restored',
    '- **18:58**: Incident resolved',
    '- **19:41**: Incident re-opened upon reports of further failed logins',
    ...tail,
  ];

  it('ends at the next end after the re-opening; acting only after it is no time to mitigate', () => {
    const m = metricsOf(entries(['- **21:00**: Partial recovery started', '- **21:16**: Full recovery completed', '- **21:57**: Incident closed after extended monitoring']));
    assert.equal(m.end, Date.UTC(2025, 2, 4, 21, 57));
    assert.equal(m.durationMinutes, 5 * 60 + 26);
    assert.match(m.basis.end ?? '', /after the incident re-opened/);
    assert.equal(m.timeToMitigateMinutes, null);
  });

  it('a service re-opening is its all clear, not a relapse', () => {
    const m = metricsOf([
      '- **16:31**: Builds fail',
      '- **17:08**: Sheriffs detect the issue and close trees',
      '- **18:58**: Issue resolved',
      '- **19:41**: Trees re-opened',
      '- **20:30**: Clean-up continues',
    ]);
    assert.equal(m.end, Date.UTC(2025, 2, 4, 18, 58));
  });

  it('with no end after the re-opening, the end is not known', () => {
    const m = metricsOf(entries(['- **20:30**: Investigation continues']));
    assert.equal(m.end, null);
    assert.match(m.basis.end ?? '', /re-opened/);
  });
});

describe('metrics: the start with no "started" entry and no detection', () => {
  it('is the first entry, even days before the first response (the onset may not be worded as one)', () => {
    const m = metricsOf([
      '- **2025-03-01 11:59**: Notifications were no longer created',
      '- **2025-03-04 06:25**: We checked the exceptions on Errbit',
      '- **2025-03-04 09:31**: Incident declared',
      '- **2025-03-04 10:20**: Incident resolved',
    ]);
    assert.equal(m.start, Date.UTC(2025, 2, 1, 11, 59));
    assert.match(m.basis.start ?? '', /first timeline entry/);
  });
});

describe('metrics: the last success before the break', () => {
  it('starts the incident when nothing later says it began', () => {
    const m = metricsOf(['- **2025-03-01 12:30**: Last successful form submission recorded', '- **2025-03-04 09:00**: Investigation began', '- **2025-03-04 17:00**: Issue resolved']);
    assert.equal(m.start, Date.UTC(2025, 2, 1, 12, 30));
  });

  it('gives way to a later entry saying it began', () => {
    const m = metricsOf(['- **20:18**: Last successful staging deploy', '- **20:52**: Dependency bump merges', '- **20:59**: First red deploy-staging', '- **22:45**: Production recovers']);
    assert.equal(m.start, Date.UTC(2025, 2, 4, 20, 59));
    assert.equal(m.end, Date.UTC(2025, 2, 4, 22, 45));
  });
});

describe('metrics: a failure a day before the first alert', () => {
  it('is the incident already under way, not context before a quiet gap', () => {
    const m = metricsOf([
      '- **2025-03-01 09:46**: Scheduled backup; the upload then fails with an access error. No alarm.',
      '- **2025-03-02 17:00**: Daily health report fires RED: first human-visible signal',
      '- **2025-03-04 14:00**: Fix deployed; backup run restored',
    ]);
    assert.equal(m.start, Date.UTC(2025, 2, 1, 9, 46));
    assert.equal(m.timeToDetectMinutes, 31 * 60 + 14);
  });

  it('context with no failure in it before the gap stays context', () => {
    const m = metricsOf(['- **2025-03-01 09:46**: Version 2.3 deployed', '- **2025-03-02 17:00**: PagerDuty alert fired for checkout errors', '- **2025-03-02 18:00**: Service restored']);
    assert.equal(m.start, Date.UTC(2025, 2, 2, 17, 0));
  });
});

describe('metrics: a check that passed before the failure', () => {
  it('is not the start; a deploy that passed its checks still is', () => {
    const m = metricsOf(['- **00:03**: Validation complete: health checks passed', '- **00:55**: New saturation reported, service unresponsive', '- **01:28**: Service restored']);
    assert.equal(m.start, Date.UTC(2025, 2, 4, 0, 55));
    assert.match(m.basis.start ?? '', /after a check that passed/);
    const deploy = metricsOf(['- **00:03**: Smoke tests passed after the v2 deploy', '- **00:55**: Users report errors', '- **01:28**: Service restored']);
    assert.equal(deploy.start, Date.UTC(2025, 2, 4, 0, 3));
  });
});

describe('metrics: the first entry taken as the start', () => {
  it('is not also the mitigation (a failover that began it); a later mitigating entry is', () => {
    const m = metricsOf([
      '- **03:00**: Cluster failover: the primary changed',
      '- **03:12**: Replica crash-loops',
      '- **13:56**: Replica restarted from a fresh base backup',
      '- **16:05**: Service restored',
    ]);
    assert.equal(m.start, Date.UTC(2025, 2, 4, 3, 0));
    assert.equal(m.timeToMitigateMinutes, 10 * 60 + 56);
  });
});
