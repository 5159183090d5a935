import assert from 'node:assert/strict';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';

// A wrong number is worse than none: a misdated entry never yields a negative duration, and a document
// that covers several incidents gets no document-level numbers.
const service = createService({ templates: loadBuiltinTemplates(), today: () => '2025-06-01' });
let n = 0;
const analyze = (text: string) => service.model({ uri: `file:///ws/incidents/guards-${++n}.md`, version: 1, text });
const diagnose = (text: string) => service.diagnostics({ uri: `file:///ws/incidents/guards-${++n}.md`, version: 1, text }).filter((d) => d.code === 'end-before-start');

const misdatedStart = [
  '# Queue outage review',
  '',
  '## Summary',
  '',
  'The job queue stopped handing out leases.',
  '',
  '## Timeline',
  '',
  '- 2025-05-11 21:40 UTC: A node drain moves the queue pod; the new pod crash-loops (**outage starts**)',
  '- 2025-05-11 01:15 UTC: Builds waiting for leases are reported in chat',
  '- 2025-05-11 03:02 UTC: The on-call engineer notices the reports',
  '- 2025-05-11 04:30 UTC: A fixed queue is deployed (**outage ends**)',
  '',
  '## Root cause',
  '',
  'A crash-loop bug shipped months earlier.',
  '',
].join('\n');

const twoIncidents = [
  '# Flag service: two outages in May 2025',
  '',
  '## Summary',
  '',
  'Two separate outages of the flag service.',
  '',
  '## Timeline',
  '',
  '### 2025-05-03 - Cache overload',
  '',
  '- 10:00 UTC: Flag requests start timing out',
  '- 10:06 UTC: Alert fired for flag latency',
  '- 11:30 UTC: Service restored after scaling the cache',
  '',
  '### 2025-05-09 - Pool exhaustion',
  '',
  '- 08:00 UTC: Outage began as the connection pool filled',
  '- 08:12 UTC: Alert fired for flag errors',
  '- 09:00 UTC: Service restored after raising the pool size',
  '',
  '## Root cause',
  '',
  'Load grew faster than capacity.',
  '',
].join('\n');

describe('metric guards', () => {
  it('drops a start that is out of place instead of giving negative durations', () => {
    const m = analyze(misdatedStart)!.metrics;
    assert.equal(m.start, null);
    assert.match(m.basis.start ?? '', /^not used: the end .* is before the start .*its date is doubtful/);
    for (const v of [m.durationMinutes, m.timeToDetectMinutes, m.timeToMitigateMinutes, m.timeToResolveMinutes]) assert.equal(v, null);
    assert.notEqual(m.end, null);
  });

  it('reports the misdated start entry, not the end', () => {
    const found = diagnose(misdatedStart);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.range.start.line, 8);
    assert.match(String(found[0]!.message), /^The incident starts after it ends: .*line 9.*check this entry's date/);
  });

  it('never computes a negative metric: it is "—" with the reason', () => {
    // Detected before a stated start: the time to detect would be negative.
    const text = [
      '# Login errors post-mortem',
      '',
      '**Start Time:** 2025-05-20 10:30 UTC',
      '',
      '## Timeline',
      '',
      '- 2025-05-20 10:10 UTC: Alert fired for login errors',
      '- 2025-05-20 11:00 UTC: Service restored',
      '',
      '## Root cause',
      '',
      'An expired certificate.',
      '',
    ].join('\n');
    const m = analyze(text)!.metrics;
    assert.equal(m.timeToDetectMinutes, null);
    assert.match(m.basis.timeToDetect ?? '', /^not computed: it would be negative \(-20m/);
    assert.equal(m.durationMinutes, 30);
  });

  it('gives no document-level numbers, and no error, for a document covering several incidents', () => {
    const m = analyze(twoIncidents)!.metrics;
    assert.deepEqual([m.start, m.end, m.durationMinutes, m.timeToDetectMinutes, m.timeToResolveMinutes], [null, null, null, null, null]);
    assert.match(m.basis.duration ?? '', /several incidents .*line 13.*line 17/);
    assert.deepEqual(diagnose(twoIncidents), []);
  });

  it('keeps one incident whose timeline continues after the resolution', () => {
    const one = twoIncidents.replace('### 2025-05-09 - Pool exhaustion', '### 2025-05-03 - Follow-up').replace('08:00 UTC: Outage began as the connection pool filled', '12:00 UTC: Review scheduled');
    const m = analyze(one)!.metrics;
    assert.equal(m.durationMinutes, 90);
  });
});
