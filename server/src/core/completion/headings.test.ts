import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completeAt as at } from '../../../../test/unit/completionKit';

const edit = (i: CompletionItem) => i.textEdit as TextEdit;
const plain = (items: CompletionItem[]) => items.filter((i) => !i.labelDetails);

const sev = (tail: string) => `# Incident Postmortem — Search outage

## Incident Summary

- **Incident ID:** INC-1

## Timeline (UTC)

| Time (UTC) | Event |
| --- | --- |
| 2025-09-03 22:18 | First errors |

## Root Cause

- **Primary Cause:** A reset template.

${tail}
`;

describe('completion: headings', () => {
  it("offers the template's missing sections in template order, the one that belongs here preselected", () => {
    const items = at(sev('## ‸'));
    assert.deepEqual(
      plain(items).map((i) => i.label),
      [
        'Executive Summary',
        'Detection & Response',
        'Impact Analysis',
        'Resolution',
        'Customer Communication',
        'What Went Well',
        'What Went Poorly',
        'Action Items',
        'Prevention & Follow-up',
        'Attachments & References',
      ],
    );
    assert.deepEqual(
      items.filter((i) => i.preselect).map((i) => i.label),
      ['Resolution'],
    );
    const resolution = items.filter((i) => i.label === 'Resolution');
    assert.deepEqual(
      resolution.map((i) => edit(i).newText),
      ['## Resolution', '## Resolution\n\n- **Immediate Fix:**\n- **Long-Term Fix:**\n- **Rollback Needed:** Yes/No\n'],
    );
    assert.deepEqual(
      resolution.map((i) => i.sortText),
      ['0006', '0007'],
    );
    assert.equal(resolution[1]!.labelDetails?.description, 'with skeleton');
    assert.deepEqual(edit(resolution[0]!).range, { start: { line: 16, character: 0 }, end: { line: 16, character: 3 } });
  });

  it('replaces what is typed after the hashes and still offers a heading typed in full', () => {
    const items = at(sev('## Reso‸'));
    const first = plain(items).find((i) => i.label === 'Resolution')!;
    assert.equal(first.filterText, '## Resolution');
    assert.deepEqual(edit(first).range.end.character, 7);
    assert.ok(plain(at(sev('## Resolution‸'))).some((i) => i.label === 'Resolution'));
  });

  it('offers the sub-sections of the section the cursor is in', () => {
    const doc = `# Incident Post-Mortem: Checkout failures

## Issue Summary

Payments failed.

## Timeline

- **11:32 PM**: Incident began

## Action Items

### Immediate Actions (0-7 days)

- [ ] **Runbook**: Write it - Owner: Mei Lin, Due: 2027-01-12

### ‸

## Lessons Learned
`;
    assert.deepEqual(
      plain(at(doc)).map((i) => i.label),
      ['Short-term Improvements (8-30 days)', 'Long-term Projects (30+ days)'],
    );
    assert.equal(edit(plain(at(doc))[0]!).newText, '### Short-term Improvements (8-30 days)');
    const lessons = doc.replace('### ‸\n\n## Lessons Learned', '## Lessons Learned\n\n### ‸');
    assert.deepEqual(
      plain(at(lessons)).map((i) => i.label),
      ['What Went Well', 'What Went Wrong', 'Where We Got Lucky'],
    );
  });

  it('numbers the heading in a numbered template', () => {
    const doc = `# Post-Mortem Report: Login failures

## 1. Incident Summary

*   **Incident ID:** INC-4512

## 2. Detection

## 3. Response Timeline

| Timestamp (UTC) | Event | Owner |
| :-- | :-- | :-- |
| 2025-04-22 21:58 | Alert triggered | Monitoring |

## ‸
`;
    const items = plain(at(doc));
    assert.deepEqual(
      items.map((i) => edit(i).newText),
      ['## 4. Root Cause Analysis', '## 4. Resolution', '## 4. Lessons Learned', '## 4. Action Items', '## 4. Supporting Information'],
    );
  });

  it('offers nothing at a level the template does not use', () => {
    assert.deepEqual(at(sev('# ‸')), []);
    assert.deepEqual(at(sev('#### ‸')), []);
  });
});
