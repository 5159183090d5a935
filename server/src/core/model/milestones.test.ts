import assert from 'node:assert/strict';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';

// Phases as real post-mortems state them: key-event lists beside the timeline, and a timeline that
// opens with preparation weeks before the incident.
const service = createService({ templates: loadBuiltinTemplates(), today: () => '2025-06-01' });
let n = 0;
const analyze = (text: string) => service.model({ uri: `file:///ws/incidents/milestones-${++n}.md`, version: 1, text });

const doc = [
  '# Incident on 2025-05-14 - search index rebuild',
  '',
  '- **Key events**',
  '  - First detected 2025-05-14 10:20',
  '  - Incident declared 2025-05-14 10:32',
  '  - Repaired 2025-05-14 11:05',
  '  - Resolved 2025-05-14 15:10',
  '',
  '- **Identified**: a support ticket about empty search results',
  '',
  '## Timeline',
  '',
  '| Timestamp | Note |',
  '| --- | --- |',
  '| 2025-04-22 09:00 | Search team publishes the new index schema for review |',
  '| 2025-04-29 14:30 | Schema change merged behind a flag |',
  '| 2025-05-14 09:40 | Search team begin the rebuild of the production index |',
  '| 2025-05-14 10:20 | Support team notice tickets about empty search results |',
  '| 2025-05-14 10:41 | Search team begin a rollback of the index alias |',
  '| 2025-05-14 13:00 | Rebuild restarted with the fixed mapping |',
  '',
  '## Causes',
  '',
  'The new mapping dropped the title field.',
  '',
].join('\n');

describe('milestones and the incident start', () => {
  it('reads a key-event list: each phase with its full date and time', () => {
    const m = analyze(doc);
    assert.deepEqual(
      m.milestones.map((x) => [x.phase, x.label, new Date(x.at).toISOString()]),
      [
        ['detected', 'First detected', '2025-05-14T10:20:00.000Z'],
        ['acknowledged', 'Incident declared', '2025-05-14T10:32:00.000Z'],
        ['mitigated', 'Repaired', '2025-05-14T11:05:00.000Z'],
        ['resolved', 'Resolved', '2025-05-14T15:10:00.000Z'],
      ],
    );
  });

  it('never starts the incident weeks before its detection: earlier entries are context', () => {
    const { metrics } = analyze(doc);
    assert.equal(new Date(metrics.start!).toISOString(), '2025-05-14T09:40:00.000Z');
    assert.match(metrics.basis.start!, /run leading to detection, line 17 .*2 earlier entries are more than 12 h before it/);
    assert.equal(metrics.timeToDetectMinutes, 40);
    // Acknowledged from the key events, mitigated by the rollback the timeline records (earlier than "Repaired").
    assert.equal(metrics.timeToAcknowledgeMinutes, 12);
    assert.equal(metrics.timeToMitigateMinutes, 61);
    assert.match(metrics.basis.timeToMitigate!, /line 19 /);
    // The end is the stated "Resolved" milestone.
    assert.equal(metrics.durationMinutes, 330);
    assert.match(metrics.basis.end!, /line 7 \(Resolved 2025-05-14 15:10\)/);
  });

  it('a start the document states is kept, however early', () => {
    const stated = doc.replace('| 2025-04-22 09:00 | Search team publishes the new index schema for review |', '| 2025-04-22 09:00 | Outage began: a stale replica served empty results |');
    const { metrics } = analyze(stated);
    assert.equal(new Date(metrics.start!).toISOString(), '2025-04-22T09:00:00.000Z');
    assert.match(metrics.basis.start!, /first "started" entry/);
  });

  it('an incident log (the same phase at several instants) gives no milestones', () => {
    const log = doc.replace('- **Identified**', '- **Key events**\n  - First detected 2025-03-02 08:00\n  - Resolved 2025-03-02 09:00\n\n- **Identified**');
    assert.deepEqual(analyze(log).milestones, []);
  });

  it('an acknowledgement days after detection is not its response', () => {
    const late = [
      '# Post-mortem: certificate expiry',
      '',
      '## Timeline',
      '',
      '- 2025-05-02 08:00 UTC: Customer reported TLS errors',
      '- 2025-05-05 09:00 UTC: Started investigating the renewal job',
      '- 2025-05-05 09:30 UTC: Incident resolved',
      '',
    ].join('\n');
    const { metrics } = analyze(late);
    assert.equal(metrics.timeToDetectMinutes, 0);
    assert.equal(metrics.timeToAcknowledgeMinutes, null);
  });
});
