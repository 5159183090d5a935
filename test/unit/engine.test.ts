import assert from 'node:assert/strict';
import { service, fixture, doc, TEMPLATE_IDS } from './helpers';
import { metricsJson } from '../../server/src/cli';

const expected = JSON.parse(fixture('filled/expected.json')) as Record<string, Record<string, unknown>>;
const METRIC_KEYS = ['template', 'timezone', 'start', 'end', 'durationMinutes', 'timeToDetectMinutes', 'timeToAcknowledgeMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes'];

describe('engine on the five template styles', () => {
  for (const id of TEMPLATE_IDS) {
    describe(id, () => {
      it('a raw template is recognised and lights up with placeholders (errors), without crashing', () => {
        const s = service();
        const d = doc(fixture(`seeds/${id}.md`), `file:///ws/${id}-raw.md`);
        const model = s.model(d);
        assert.equal(model.isPostmortem, true, model.detection);
        assert.equal(model.templateId, id);
        const diags = s.diagnostics(d);
        const placeholders = diags.filter((x) => x.code === 'placeholder');
        assert.ok(placeholders.length >= 10, `only ${placeholders.length} placeholders`);
        assert.ok(placeholders.every((x) => x.severity === 1));
      });

      it('the filled example has no errors and exactly the hand-computed metrics', () => {
        const s = service();
        const d = doc(fixture(`filled/${id}.md`), `file:///ws/${id}.md`);
        const errors = s.diagnostics(d).filter((x) => x.severity === 1);
        assert.deepEqual(
          errors.map((e) => `${e.range.start.line + 1}: ${e.code} ${e.message}`),
          [],
        );
        const got = metricsJson(`${id}.md`, s.model(d)) as unknown as Record<string, unknown>;
        const want = expected[id]!;
        for (const k of METRIC_KEYS) assert.deepEqual(got[k], want[k], `${id}.${k}: ${String((want['why'] as Record<string, string>)?.[k] ?? '')}`);
      });

      it('stated metrics agree with the computed ones', () => {
        const s = service();
        const m = s.model(doc(fixture(`filled/${id}.md`)));
        const stated = (expected[id]!['stated'] ?? {}) as Record<string, number>;
        for (const [kind, minutes] of Object.entries(stated)) {
          const found = m.statedMetrics.find((x) => x.kind === kind);
          assert.ok(found, `${kind} is stated`);
          assert.equal(found.minutes, minutes, kind);
        }
      });
    });
  }
});

describe('detection', () => {
  it('a README with a "## Timeline" heading is not a post-mortem and gets no diagnostics', () => {
    const s = service();
    const d = doc(fixture('plain/readme-with-timeline.md'), 'file:///ws/README.md');
    assert.equal(s.model(d).isPostmortem, false);
    assert.deepEqual(s.diagnostics(d), []);
  });

  it('front matter `type: postmortem` or `template:` makes a post-mortem; `template:` picks the template', () => {
    const s = service();
    const a = s.model(doc('---\ntype: postmortem\n---\n# Notes\n', 'file:///a.md'));
    assert.equal(a.isPostmortem, true);
    const b = s.model(doc('---\ntemplate: sev\n---\n# Incident Post-Mortem: x\n\n## Timeline\n', 'file:///b.md'));
    assert.equal(b.isPostmortem, true);
    assert.equal(b.templateId, 'sev');
  });

  it('configured file globs make a post-mortem', () => {
    const s = service({ enable: true, files: ['incidents/**/*.md'], rules: {}, templates: [] });
    assert.equal(s.model(doc('# Anything\n', 'file:///repo/incidents/2024/db.md')).isPostmortem, true);
    assert.equal(s.model(doc('# Anything\n', 'file:///repo/docs/db.md')).isPostmortem, false);
  });

  it('headings pick the best-matching template', () => {
    const s = service();
    for (const id of TEMPLATE_IDS) assert.equal(s.model(doc(fixture(`filled/${id}.md`))).templateId, id);
  });
});

describe('time math in documents', () => {
  const s = service();
  const pm = (body: string) => `---\ntemplate: classic\n---\n# Incident Post-Mortem: Test\n\n**Date:** 2024-11-02\n\n## Timeline\n\n${body}\n`;

  it('entries crossing midnight roll over to the next day', () => {
    const m = s.model(doc(pm('_All times in UTC_\n\n- **23:50**: Incident began\n- **00:10**: Alert fired\n- **01:05**: Incident resolved')));
    assert.deepEqual(
      m.timeline.entries.map((e) => new Date(e.at!).toISOString()),
      ['2024-11-02T23:50:00.000Z', '2024-11-03T00:10:00.000Z', '2024-11-03T01:05:00.000Z'],
    );
    assert.equal(m.metrics.durationMinutes, 75);
  });

  it('PT follows daylight saving: the fall-back night is an hour longer than the wall clock says', () => {
    // 2024-11-03 02:00 PDT -> 01:00 PST. 11:30 PM PDT (06:30Z) to 2:30 AM PST (10:30Z) is 4 hours.
    const m = s.model(doc(pm('_All times in Pacific Time (PT)_\n\n- **11:30 PM**: Incident began\n- **2:30 AM**: Incident resolved')));
    assert.equal(m.timeline.statedZone, 'America/Los_Angeles');
    assert.equal(new Date(m.metrics.start!).toISOString(), '2024-11-03T06:30:00.000Z');
    assert.equal(new Date(m.metrics.end!).toISOString(), '2024-11-03T10:30:00.000Z');
    assert.equal(m.metrics.durationMinutes, 240);
  });

  it('ISO 8601 times with offsets and named zones per entry', () => {
    const m = s.model(doc(pm('- **2024-11-02T10:00:00+02:00**: Incident began\n- **2024-11-02 09:30 UTC**: Alert fired\n- **2:45 AM PDT**: On-call engineer acknowledged the alert')));
    assert.deepEqual(
      m.timeline.entries.map((e) => new Date(e.at!).toISOString()),
      ['2024-11-02T08:00:00.000Z', '2024-11-02T09:30:00.000Z', '2024-11-02T09:45:00.000Z'],
    );
    assert.equal(m.metrics.timeToDetectMinutes, 90);
    assert.equal(m.metrics.timeToAcknowledgeMinutes, 15);
  });

  it('list entries with the separator inside the bold (`**11:44 PM:**`) and dashes', () => {
    const m = s.model(doc(pm('_All times in UTC_\n\n- **11:44 PM:** Alert fired\n- **11:50 PM** - Incident resolved\n- `23:55` — Postmortem scheduled')));
    assert.deepEqual(
      m.timeline.entries.map((e) => [e.timeText, new Date(e.at!).toISOString(), e.text, e.phase]),
      [
        ['11:44 PM', '2024-11-02T23:44:00.000Z', 'Alert fired', 'detected'],
        ['11:50 PM', '2024-11-02T23:50:00.000Z', 'Incident resolved', 'resolved'],
        ['23:55', '2024-11-02T23:55:00.000Z', 'Postmortem scheduled', null],
      ],
    );
  });

  it('no zone stated: UTC is assumed', () => {
    const m = s.model(doc(pm('- **10:00**: Incident began')));
    assert.equal(m.timeline.entries[0]!.zone, 'UTC');
    assert.equal(m.timeline.entries[0]!.zoneSource, 'default');
  });

  it('a metric that cannot be computed is null, never a guess', () => {
    const m = s.model(doc(pm('_All times in UTC_\n\n- **10:00**: Investigation notes')));
    assert.equal(m.metrics.timeToDetectMinutes, null);
    assert.equal(m.metrics.end, null);
    assert.equal(m.metrics.durationMinutes, null);
  });

  it('a stated duration that disagrees by more than a minute is an error naming both values', () => {
    const text = pm('_All times in UTC_\n\n- **10:00**: Incident began\n- **11:33**: Incident resolved').replace('**Date:** 2024-11-02', '**Date:** 2024-11-02\n**Duration:** 2 hours');
    const d = s.diagnostics(doc(text, 'file:///mismatch.md')).filter((x) => x.code === 'duration-mismatch');
    assert.equal(d.length, 1);
    assert.match(String(d[0]!.message), /2h.*1h 33m/);
    assert.equal(d[0]!.severity, 1);
  });
});
