import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { completeAt as at } from '../../../../test/unit/completionKit';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { complete } from '.';

const templates = loadBuiltinTemplates();
const service = () => createService({ templates, today: () => '2024-05-01', now: () => Date.UTC(2024, 4, 1, 19, 0) });

const report = (timeline: string) => `# Post-Mortem Report: Login failures

## 1. Incident Summary

*   **Incident ID:** INC-4512
*   **Severity:** P1

## 3. Response Timeline

${timeline}

## 4. Root Cause Analysis

Retry storm.
`;

describe('completion: dispatch', () => {
  it('offers nothing at all in plain markdown, even under a Timeline heading', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/plain/readme-with-timeline.md'), 'utf8');
    const s = service();
    const doc = { uri: 'file:///README.md', version: 1, text: readme + '\n## \n\n- **Owner:** \n' };
    const lines = doc.text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (const character of [0, lines[line]!.length]) assert.deepEqual(s.completions(doc, { line, character }), [], `line ${line}:${character}`);
    }
  });

  it('offers nothing in fenced code or front matter', () => {
    const doc = `---
template: classic
severity: ‸
---
# Incident Post-Mortem: Checkout failures

## Timeline

- **11:32 PM**: Incident began

\`\`\`
- **11:40 PM**: not an entry
‸
\`\`\`
`;
    assert.deepEqual(at(doc), []);
    assert.deepEqual(at(doc.replace('‸', '').replace('‸', '').replace('severity: ', 'severity: ‸')), []);
    assert.ok(at(doc.replace('severity: ‸', 'severity: ').replace('\`\`\`\n- **11:40 PM**: not an entry\n‸\n\`\`\`', '‸')).length > 0);
  });

  it('ranks groups: the timeline entry before the section field keys, one item preselected', () => {
    const items = at(report('- **2025-04-22 21:58**: Alert triggered\n‸'));
    assert.deepEqual(
      items.map((i) => i.sortText),
      ['1000', '1001', '1002', '1003', '1004', '5000', '5001'],
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['2025-04-22 22:03', '2025-04-22 21:59', '2025-04-22 22:13', '2025-04-22 21:58', '2024-05-01 19:00', 'Time to Acknowledge (MTTA)', 'Time to Resolve (MTTR)'],
    );
    assert.deepEqual(
      items.filter((i) => i.preselect).map((i) => i.label),
      ['2025-04-22 22:03'],
    );
    assert.ok(items.every((i) => i.preselect === true || !('preselect' in i)));
  });

  it('never throws on positions outside the document', () => {
    const ctx = service().context({ uri: 'file:///pm.md', version: 1, text: report('- **21:58**: Alert triggered') });
    assert.deepEqual(complete(ctx, { line: 400, character: 3 }), []);
    assert.deepEqual(complete(ctx, { line: -1, character: 0 }), []);
    assert.ok(Array.isArray(complete(ctx, { line: 9, character: 999 })));
  });
});
