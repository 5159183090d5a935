// The preview's summary card against the hand-computed metrics of each filled fixture.
import assert from 'node:assert/strict';
import { doc, fixture, service } from './helpers';

/** The text of the card's value for a metric ('duration', 'timeToDetect', ...). */
export function metricValue(html: string, kind: string): string | null {
  const m = new RegExp(`data-metric="${kind}"><dt>[^<]*</dt><dd><span class="pm-value[^"]*"[^>]*>([^<]*)</span>`).exec(html);
  return m ? m[1]! : null;
}
export function factValue(html: string, name: 'start' | 'end'): string | null {
  return new RegExp(`data-field="${name}"><dt>[^<]*</dt><dd><span[^>]*>([^<]*)</span>`).exec(html)?.[1] ?? null;
}
export function tagValue(html: string, name: 'severity' | 'status'): string | null {
  return new RegExp(`data-field="${name}">[A-Za-z]+ <strong[^>]*>([^<]*)</strong>`).exec(html)?.[1] ?? null;
}
const card = (html: string) => /<section class="pm-card pm-summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

// Minutes from test/fixtures/filled/expected.json, written out by hand the way the card writes them.
const EXPECTED = {
  classic: {
    minutes: [173, 9, 3, 48, 173],
    shown: ['2h 53m', '9m', '3m', '48m', '2h 53m'],
    // 07:32Z is 23:32 PST on March 9; 10:25Z is 03:25 PDT on March 10 (after the spring-forward).
    start: '2024-03-09 23:32 PST',
    end: '2024-03-10 03:25 PDT',
    severity: 'High',
    status: 'not set',
  },
  standard: {
    minutes: [135, 11, 3, 78, 135],
    shown: ['2h 15m', '11m', '3m', '1h 18m', '2h 15m'],
    start: '2025-02-18 13:52 UTC',
    end: '2025-02-18 16:07 UTC',
    severity: 'P1',
    status: 'Resolved',
  },
  report: {
    minutes: [145, 11, 3, 78, 145],
    shown: ['2h 25m', '11m', '3m', '1h 18m', '2h 25m'],
    start: '2025-04-22 21:47 UTC',
    end: '2025-04-23 00:12 UTC',
    severity: 'P1',
    status: 'not set',
  },
  detailed: {
    minutes: [164, 15, 8, null, 164],
    shown: ['2h 44m', '15m', '8m', '—', '2h 44m'],
    start: '2025-06-14 08:57 UTC',
    end: '2025-06-14 11:41 UTC',
    severity: 'HIGH',
    status: 'not set',
  },
  sev: {
    minutes: [185, 8, 5, 76, 185],
    shown: ['3h 5m', '8m', '5m', '1h 16m', '3h 5m'],
    start: '2025-09-03 22:18 UTC',
    end: '2025-09-04 01:23 UTC',
    severity: 'SEV-2',
    status: 'Final',
  },
} as const;
const KINDS = ['duration', 'timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve'] as const;

describe('render: summary card of the filled fixtures', () => {
  const expectedJson = JSON.parse(fixture('filled/expected.json')) as Record<string, Record<string, number | null>>;

  for (const [id, want] of Object.entries(EXPECTED)) {
    it(`${id}: start, end, duration and times to detect/acknowledge/mitigate/resolve`, () => {
      // The fixture's own expectations must still be the ones written out above.
      assert.deepEqual(
        KINDS.map((k) => expectedJson[id]![`${k}Minutes`]),
        want.minutes,
        'expected.json changed',
      );
      const svc = service();
      const r = svc.preview(doc(fixture(`filled/${id}.md`), `file:///ws/filled/${id}.md`), { mode: 'webview' });
      const html = card(r.body);
      assert.ok(html, 'the body starts with a summary card');
      assert.deepEqual(
        KINDS.map((k) => metricValue(html, k)),
        want.shown,
      );
      assert.equal(factValue(html, 'start'), want.start);
      assert.equal(factValue(html, 'end'), want.end);
      assert.equal(tagValue(html, 'severity'), want.severity);
      assert.equal(tagValue(html, 'status'), want.status);
      // Every stated metric in these documents agrees with the computed one.
      assert.doesNotMatch(html, /pm-mismatch|pm-disagrees/);
      assert.equal(r.isPostmortem, true);
      assert.equal(r.metrics.durationMinutes, want.minutes[0]);
    });
  }

  it('the card comes before the chart, the action items, the problems and the document', () => {
    const r = service().preview(doc(fixture('filled/standard.md')), { mode: 'webview' });
    const order = ['pm-summary', 'pm-chart', 'pm-actions', 'pm-diagnostics', 'pm-doc'].map((c) =>
      r.body.indexOf(`class="pm-card ${c}"`) >= 0 ? r.body.indexOf(`class="pm-card ${c}"`) : r.body.indexOf(`class="${c}"`),
    );
    assert.ok(
      order.every((i) => i >= 0),
      `all parts present: ${order}`,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
  });
});

const MINI = `# Post-Mortem: Cache outage

**Date:** 2025-02-18
**Duration:** DURATION
**Severity:** P2
**Status:** Resolved

## Incident Summary

A cache node failed.

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 13:52 | Incident began: errors from the cache |
| 14:03 | Incident detected: alert fired |
| 14:06 | On-call engineer acknowledged |
| 15:10 | Mitigation applied: rollback |
| 16:07 | Service restored |

## Action Items

- [ ] Add a cache failover drill (Owner: @amy, Due: 2025-03-01)
`;

describe('render: stated values against computed ones', () => {
  // Computed: 13:52 -> 16:07 = 2 h 15 min = 135 minutes.
  it('a stated duration 15 minutes off is marked and both values are shown', () => {
    const html = card(service().preview(doc(MINI.replace('DURATION', '2 hours')), { mode: 'webview' }).body);
    const duration = /<div class="pm-metric pm-mismatch" data-metric="duration">[\s\S]*?<\/div>/.exec(html)?.[0];
    assert.ok(duration, 'the duration is marked as a mismatch');
    assert.equal(metricValue(html, 'duration'), '2h 15m');
    assert.match(duration, /class="pm-stated pm-disagrees" data-reveal-line="3"[^>]*>⚠ stated 2h<\/span>/);
    assert.match(duration, /title="Duration: 2 hours \(line 4\)"/);
    // The others are not marked.
    assert.equal((html.match(/pm-mismatch/g) ?? []).length, 1);
  });

  it('a stated value within a minute of the computed one is not marked', () => {
    const html = card(service().preview(doc(MINI.replace('DURATION', '2 hours 16 minutes')), { mode: 'webview' }).body);
    assert.equal(metricValue(html, 'duration'), '2h 15m');
    assert.doesNotMatch(html, /pm-mismatch|stated/);
  });

  it('two minutes off is marked', () => {
    const html = card(service().preview(doc(MINI.replace('DURATION', '2h 17m')), { mode: 'webview' }).body);
    assert.match(html, /data-metric="duration"[\s\S]*?⚠ stated 2h 17m/);
  });

  it('without a timeline the card shows dashes, and a stated value plainly', () => {
    const text = MINI.replace('DURATION', '45 minutes').replace(/\| 1[0-9]:[0-9]{2} \|.*\n/g, '');
    const html = card(service().preview(doc(text), { mode: 'webview' }).body);
    assert.deepEqual(
      KINDS.map((k) => metricValue(html, k)),
      ['—', '—', '—', '—', '—'],
    );
    assert.match(html, /data-metric="duration">[\s\S]*?<span class="pm-stated" data-reveal-line="3"[^>]*>stated 45m<\/span>/);
    assert.doesNotMatch(html, /pm-mismatch/);
    assert.equal(factValue(html, 'start'), '—');
  });

  it('a severity still showing the template options reads "not set"', () => {
    const html = card(service().preview(doc(MINI.replace('DURATION', '2 hours').replace('**Severity:** P2', '**Severity:** P0 | P1 | P2 | P3')), { mode: 'webview' }).body);
    assert.match(html, /data-field="severity">Severity <strong class="pm-none">not set<\/strong>/);
  });
});
