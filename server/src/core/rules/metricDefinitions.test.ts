import assert from 'node:assert/strict';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { TemplateSpec } from '../template/schema';

// A stated metric that follows another common definition is not an error: time to respond measured
// from the start, a duration that ends at mitigation. A template may declare the definition it uses.
const doc = (stated: string, front = 'type: postmortem') =>
  [
    '---',
    front,
    '---',
    '# Post-mortem: export queue stalled',
    '',
    '**Date:** 2025-04-03',
    stated,
    '',
    '## Summary',
    '',
    'Exports stalled for a morning.',
    '',
    '## Timeline',
    '',
    '- 09:00 UTC: Incident began: the exporter stopped draining the queue',
    '- 09:20 UTC: Alert fired for queue depth',
    '- 09:30 UTC: On-call engineer acknowledged the page',
    '- 10:00 UTC: Rolled back the exporter release',
    '- 11:00 UTC: Incident resolved',
    '',
  ].join('\n');
let n = 0;
const lint = (text: string, templates = loadBuiltinTemplates()) => {
  const s = createService({ templates, today: () => '2025-05-01' });
  return s.diagnostics({ uri: `file:///ws/incidents/defs-${++n}.md`, version: 1, text }).filter((d) => d.code === 'metric-mismatch' || d.code === 'duration-mismatch');
};

describe('stated metrics under another common definition', () => {
  it('time to acknowledge measured from the start: information naming both definitions', () => {
    const [d, ...rest] = lint(doc('**Time to Acknowledge:** 30 minutes'));
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 3);
    assert.match(String(d!.message), /matches time to acknowledge measured from the start/);
    assert.match(String(d!.message), /computes it measured from detection: 10m/);
  });

  it('a duration that ends at mitigation: information, not an error', () => {
    const [d] = lint(doc('**Duration:** 1 hour'));
    assert.equal(d!.severity, 3);
    assert.match(String(d!.message), /matches duration measured to mitigation/);
  });

  it("time to resolve measured to the fix (restored before it was closed), as incident tools' exports state it", () => {
    const text = [
      '# Post-mortem: export queue stalled',
      '',
      '### Key Timestamps',
      '',
      '- **Reported:** March 3, 2023 9:36 AM (UTC)',
      '- **Impact start:** March 3, 2023 9:36 AM (UTC)',
      '- **Fixed:** March 3, 2023 9:45 AM (UTC)',
      '- **Closed:** March 3, 2023 10:12 AM (UTC)',
      '',
      '### Durations',
      '',
      '- **Incident duration:** 36 minutes',
      '- **Time to resolve:** 9 minutes',
      '',
      '## Summary',
      '',
      'Exports stalled.',
      '',
      '## Impact',
      '',
      'Exports were late.',
      '',
      '## Root Cause',
      '',
      'A stuck lock.',
      '',
    ].join('\n');
    const found = lint(text);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity]),
      [['metric-mismatch', 3]],
    );
    assert.match(String(found[0]!.message), /measured to the fix/);
    // Declared by a template, it is the value computed.
    const custom = TemplateSpec.parse({
      id: 'fix-first',
      name: 'Fix first',
      titlePattern: '^Post-mortem: ',
      severity: { values: ['SEV1'] },
      sections: [{ id: 'summary', title: 'Summary', role: 'summary' }],
      timeline: { shape: 'list', timeFormat: 'HH:mm' },
      actionItems: { shapes: ['checkbox'] },
      metrics: { timeToResolve: 'to-restoration' },
    });
    const declared = `---\ntemplate: fix-first\n---\n${text}`;
    const s = createService({ templates: [custom], today: () => '2025-05-01' });
    assert.equal(s.model({ uri: 'file:///ws/incidents/fix.md', version: 1, text: declared }).metrics.timeToResolveMinutes, 9);
    assert.deepEqual(lint(declared, [custom]), []);
  });

  it('a value no definition gives is still an error', () => {
    const [d] = lint(doc('**Time to Acknowledge:** 45 minutes'));
    assert.equal(d!.severity, 1);
  });

  it('a template that declares its definition computes that one and checks against it', () => {
    const custom = TemplateSpec.parse({
      id: 'ops-review',
      name: 'Ops review',
      titlePattern: '^Post-mortem: ',
      severity: { values: ['SEV1', 'SEV2'] },
      sections: [
        { id: 'summary', title: 'Summary', role: 'summary' },
        { id: 'timeline', title: 'Timeline', role: 'timeline' },
      ],
      timeline: { shape: 'list', timeFormat: 'HH:mm' },
      actionItems: { shapes: ['checkbox'] },
      metrics: { timeToAcknowledge: 'from-start' },
    });
    const text = doc('**Time to Acknowledge:** 30 minutes', 'template: ops-review');
    assert.deepEqual(lint(text, [custom]), []);
    const s = createService({ templates: [custom], today: () => '2025-05-01' });
    const m = s.model({ uri: 'file:///ws/incidents/declared.md', version: 1, text }).metrics;
    assert.equal(m.timeToAcknowledgeMinutes, 30);
    assert.match(m.basis.timeToAcknowledge!, /the template's definition: from-start/);
    assert.equal(m.alternatives.timeToAcknowledge?.[0]?.minutes, 10);
    // Now the detection-based value is the one that does not match: an error.
    const [d] = lint(text.replace('30 minutes', '10 minutes'), [custom]);
    assert.equal(d!.severity, 1);
  });

  it('the schema rejects an unknown definition', () => {
    const r = TemplateSpec.safeParse({
      id: 'x',
      name: 'X',
      titlePattern: 'x',
      severity: { values: ['a'] },
      sections: [{ id: 'a', title: 'A' }],
      timeline: { shape: 'list', timeFormat: 'HH:mm' },
      actionItems: { shapes: ['checkbox'] },
      metrics: { timeToAcknowledge: 'from-lunch' },
    });
    assert.equal(r.success, false);
  });
});
