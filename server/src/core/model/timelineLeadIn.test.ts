// Timelines nested under bold lead-in items, with no timeline section (a running incident log).
import assert from 'node:assert/strict';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';

const service = createService({ templates: loadBuiltinTemplates(), today: () => '2025-10-01' });
let n = 0;
const analyze = (text: string) => service.model({ uri: `file:///ws/log-${++n}.md`, version: 1, text });

const incident = (day: string, hh: number) =>
  [
    `### Incident on ${day} - queue stalled`,
    '',
    '- **Key events**',
    `  - First detected: ${day} ${hh}:05`,
    `  - Incident declared ${day} ${hh}:10`,
    `  - Resolved ${day} ${hh}:40`,
    '',
    `- **Identified**: an alert. Between ${day} ${hh}:02 and ${hh}:40 UTC the queue was down.`,
    '',
    '- **Context**:',
    `  - ${day} ${hh}:02: workers stop consuming jobs`,
    '```',
    'worker: lost connection',
    '```',
    `  - ${day} ${hh}:20 rolled back the broker upgrade`,
    '',
    '- **Resolution**:',
    `  - ${day} ${hh}:59 a note that is no entry: it is not under Key events or Context`,
    '',
  ].join('\n');

describe('timelines under lead-in items (no timeline section)', () => {
  it('reads the nested key events and context entries of every incident, and no other lists', () => {
    const m = analyze(['# Incident log', '', incident('2024-05-02', 14), incident('2024-03-01', 9)].join('\n'));
    assert.equal(m.timeline.section, null);
    assert.deepEqual(
      m.timeline.entries.map((e) => `${e.line}: ${new Date(e.at!).toISOString().slice(0, 16)} ${e.phase ?? '-'} ${e.text}`),
      [
        '5: 2024-05-02T14:05 detected First detected',
        '6: 2024-05-02T14:10 acknowledged Incident declared',
        '7: 2024-05-02T14:40 resolved Resolved',
        '12: 2024-05-02T14:02 - workers stop consuming jobs',
        '16: 2024-05-02T14:20 mitigated rolled back the broker upgrade',
        '24: 2024-03-01T09:05 detected First detected',
        '25: 2024-03-01T09:10 acknowledged Incident declared',
        '26: 2024-03-01T09:40 resolved Resolved',
        '31: 2024-03-01T09:02 - workers stop consuming jobs',
        '35: 2024-03-01T09:20 mitigated rolled back the broker upgrade',
      ],
    );
    // Several incidents: no document metrics, and no disorder reported between the lists.
    assert.equal(m.metrics.start, null);
    assert.equal(m.metrics.durationMinutes, null);
    const codes = service.diagnostics({ uri: 'file:///ws/log-x.md', version: 1, text: ['# Incident log', '', incident('2024-05-02', 14), incident('2024-03-01', 9)].join('\n') }).map((d) => d.code);
    assert.ok(!codes.includes('timeline-order') && !codes.includes('end-before-start'), codes.join(', '));
  });

  it('a Timeline section still wins, and one timed item is no timeline', () => {
    const text = ['# Queue stalled', '', incident('2024-05-02', 14), '## Timeline', '', '- 2024-05-02 14:03 alert'].join('\n');
    const withSection = analyze(text);
    assert.deepEqual(
      withSection.timeline.entries.map((e) => e.line),
      [text.split('\n').indexOf('- 2024-05-02 14:03 alert')],
    );
    assert.equal(analyze('# Log\n\n- **Context**:\n  - 2024-05-02 14:02: workers stop\n').timeline.entries.length, 0);
  });

  it('a time written with a dot after a full date (14.43), its text kept as written', () => {
    const m = service.model({ uri: 'file:///ws/log-dot.md', version: 1, text: '# Log\n\n- **Key events**\n  - Incident declared: 2024-05-02 14.43\n  - 2024-05-02 15.10 service restored\n' });
    assert.deepEqual(
      m.timeline.entries.map((e) => [e.timeText, new Date(e.at!).toISOString().slice(11, 16), m.lines[e.line]!.slice(e.timeRange.start.character, e.timeRange.end.character)]),
      [
        ['2024-05-02 14.43', '14:43', '2024-05-02 14.43'],
        ['2024-05-02 15.10', '15:10', '2024-05-02 15.10'],
      ],
    );
  });
});
