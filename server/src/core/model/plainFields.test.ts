import assert from 'node:assert/strict';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';

const service = createService({ templates: loadBuiltinTemplates(), today: () => '2025-06-01' });
let n = 0;
const model = (lines: string[]) => service.model({ uri: `file:///ws/postmortems/plain-${++n}.md`, version: 1, text: lines.join('\n') + '\n' });
const keys = (lines: string[]) => model(lines).fields.map((f) => `${f.line}:${f.key}=${f.raw}`);

describe('plain Key: value metadata under the title', () => {
  it('a list of keys and values is read as fields, its date as the document date', () => {
    const lines = [
      '# v22.0.1 patch upgrade',
      '',
      '- Date: 2025-Feb-07',
      '- Authors: Hypha and ICL',
      '- Status: Resolved',
      '',
      '## Timeline',
      '- Feb 7 1506 UTC: patch released',
      '- 1936 UTC: validators upgrade',
      '- Feb 8 0117Z: first apphash reported',
    ];
    assert.deepEqual(keys(lines), ['2:Date=2025-Feb-07', '3:Authors=Hypha and ICL', '4:Status=Resolved']);
    const m = model(lines);
    assert.equal(m.date, '2025-02-07');
    assert.deepEqual(
      m.timeline.entries.map((e) => (e.at === null ? null : new Date(e.at).toISOString().slice(0, 16))),
      ['2025-02-07T15:06', '2025-02-07T19:36', '2025-02-08T01:17'],
    );
    const f = m.fields[0]!;
    assert.deepEqual([f.keyRange.start.character, f.keyRange.end.character, f.valueRange.start.character, f.valueRange.end.character], [2, 6, 8, 19]);
  });

  it('so are the lines of one paragraph of them', () => {
    assert.deepEqual(keys(['# Loki stopped', '', 'Date: 2022-07-01', 'Severity: SEV-2', '', '## Summary', '', 'Logs were lost.']), ['2:Date=2022-07-01', '3:Severity=SEV-2']);
  });

  it('not prose: a lone line, a run with a sentence in it, or lines below the first section', () => {
    assert.deepEqual(keys(['# Outage', '', 'Note: this is a draft', '', '## Summary', '', 'Impact: users saw errors', 'Cause: a bad deploy']), []);
    assert.deepEqual(keys(['# Outage', '', 'Date: 2022-07-01', 'We lost logs for a week.', '', '## Summary', '', 'Text.']), []);
    assert.deepEqual(keys(['# Outage', '', '- Date: 2022-07-01', '- we lost logs', '', '## Summary', '', 'Text.']), []);
  });

  it('bold fields stay as they are; a time is no key', () => {
    assert.deepEqual(keys(['# Outage', '', '**Date:** 2022-07-01', 'Owner: Dana', '', '## Timeline', '', '- 10:00: alert']), ['2:Date=2022-07-01']);
    assert.deepEqual(keys(['# Outage', '', '10:00: alert fired', '10:05: paged', '', '## Summary', '', 'Text.']), []);
  });
});

describe('figures stated in front matter', () => {
  const doc = (duration: string) => [
    '---',
    'title: DDoS on exit nodes',
    'date: 2025-06-20T17:00:00Z',
    'status: resolved',
    `duration: ${duration}`,
    'time_to_detect: 0m',
    '---',
    '',
    '## Summary',
    '',
    'An attack.',
    '',
    '## Timeline (All times UTC)',
    '',
    '**17:00** - Traffic doubles, NOC alerts triggered  ',
    '**00:45** - Attack traffic ceases, all network metrics return to normal operation  ',
    '',
    '## Root Cause',
    '',
    'A DDoS.',
  ];
  const mismatches = (lines: string[]) =>
    service
      .diagnostics({ uri: `file:///ws/postmortems/fm-${++n}.md`, version: 1, text: lines.join('\n') + '\n' })
      .filter((d) => d.code === 'duration-mismatch' || d.code === 'metric-mismatch')
      .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);

  it('a duration and a time to detect in front matter are stated figures, checked against the timeline', () => {
    const m = model(doc('"7h 45m"'));
    assert.deepEqual(
      m.statedMetrics.map((s) => [s.kind, s.minutes, s.field.line]),
      [
        ['duration', 465, 4],
        ['timeToDetect', 0, 5],
      ],
    );
    assert.equal(m.metrics.durationMinutes, 465);
    assert.deepEqual(mismatches(doc('"7h 45m"')), []);
    assert.deepEqual(mismatches(doc('"6h 45m"')), ['4:11 Stated duration is 6h 45m but the timeline gives 7h 45m (end − start).']);
  });

  it('other keys stay front matter: a title, a status, a publication date, a list', () => {
    const m = model(['---', 'title: "x"', 'resolved: true', 'tags: [a, b]', 'end: [2025]', '---', '# Outage', '', '## Summary', '', 'Text.']);
    assert.deepEqual(
      m.fields.map((f) => f.key),
      [],
    );
  });
});

describe('a key/value table', () => {
  it("each row of a '| Field | Value |' table is a field: its start and end are the stated window", () => {
    const m = model([
      '# INC-10: a hypervisor outage',
      '',
      '## Incident metadata',
      '',
      '| Field | Value |',
      '| --- | --- |',
      '| Severity | SEV-3 |',
      '| Start | 2026-09-12 12:18:58 UTC (node Ready condition → Unknown) |',
      '| End | 2026-09-16 06:52 UTC (all consumers running) |',
      '',
      '## Timeline',
      '',
      '| Time (UTC) | Event |',
      '| --- | --- |',
      '| 2026-09-12 12:18 | Node stops reporting |',
      '| 2026-09-14 11:14 | Service restored |',
    ]);
    assert.deepEqual(
      m.fields.map((f) => `${f.line}:${f.key}`),
      ['6:Severity', '7:Start', '8:End'],
    );
    assert.equal(m.metrics.start, Date.UTC(2026, 8, 12, 12, 18, 58));
    assert.equal(m.metrics.end, Date.UTC(2026, 8, 16, 6, 52));
  });

  it("a '| Measure | Value |' table is one too", () => {
    const m = model(['# Production freeze', '', '## Impact', '', '| Measure | Value |', '| --- | --- |', '| Start | 2026-09-21 20:59 UTC |', '| Time to detect | ~47 h |']);
    assert.deepEqual(
      m.fields.map((f) => `${f.line}:${f.key}`),
      ['6:Start', '7:Time to detect'],
    );
  });

  it('other two-column tables are not', () => {
    assert.deepEqual(model(['# Outage', '', '## Impact', '', '| Service | Effect |', '|---|---|', '| API | errors |', '| Web | slow |']).fields, []);
  });
});

describe('the document date from front matter', () => {
  const body = ['', '## Summary', 'The API failed.', '', '## Timeline', '- 14:02 UTC: alerts fire', '- 15:10 UTC: service restored'];

  it('a day the title names is the incident day; `date` may be the day it was published', () => {
    const m = model(['---', 'title: "Incident Report: June 6th, 2025"', 'date: 2025-06-20T17:00:00Z', '---', ...body]);
    assert.equal(m.date, '2025-06-06');
  });

  it('without a day in the title, `date` is the document date', () => {
    const m = model(['---', 'title: "API outage"', 'date: 2025-06-20T17:00:00Z', '---', ...body]);
    assert.equal(m.date, '2025-06-20');
  });
});

describe("the front matter's incident instants", () => {
  it("'resolved_at' is the stated end, and their one offset the document's zone", () => {
    const m = model([
      '---',
      'severity: alta',
      'detected_at: 2026-09-09T18:40:00-03:00',
      'resolved_at: 2026-09-09T18:54:00-03:00',
      '---',
      '',
      '# PM-001: the first deploy did not start',
      '',
      '## Resumen',
      'Text.',
      '',
      '## Línea de tiempo',
      '- 18:45 — second deploy',
      '- 18:54 — service live',
    ]);
    assert.equal(m.metrics.end, Date.UTC(2026, 8, 9, 21, 54));
    assert.equal(m.zone, 'UTC-3');
    // A publication time is not the incident's: its offset says nothing of the timeline's zone.
    assert.equal(model(['---', 'date: 2020-08-19T15:13:42+01:00', '---', '', '# Email delays', '', '## Timeline', '- 10:00 delays begin']).zoneSource, 'default');
  });
});
