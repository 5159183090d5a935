import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completeAt as at } from '../../../../test/unit/completionKit';

const edit = (i: CompletionItem) => i.textEdit as TextEdit;
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const texts = (items: CompletionItem[]) => items.map((i) => edit(i).newText);

const classic = (header: string) => `# Incident Post-Mortem: Checkout failures

${header}

## Issue Summary

Payments failed.

## Timeline

- **11:32 PM**: Incident began

## Root Cause Analysis

A pool-size change.
`;

const sev = (summary: string, extra = '') => `# Incident Postmortem — Search outage

**Version:** 1.0
**Status:** ${extra}
**Last Updated:** YYYY-MM-DD

## Incident Summary

${summary}

## Timeline (UTC)

| Time (UTC) | Event |
| --- | --- |
| 2025-09-03 22:18 | First errors |
| 2025-09-03 22:26 | Alert fired |
| 2025-09-04 01:23 | Incident resolved |

## Resolution

- **Immediate Fix:** Moved the alias back.
- **Rollback Needed:** Yes/No

## Root Cause

- **Primary Cause:** A reset template.
`;

describe('completion: field values', () => {
  it('offers the severity vocabulary over a placeholder, whatever is typed', () => {
    const items = at(classic('**Date:** 2024-03-09\n**Severity:** [Critical/High/Medium/Low]‸'));
    assert.deepEqual(labels(items), ['Critical', 'High', 'Medium', 'Low']);
    assert.deepEqual(edit(items[1]!), { range: { start: { line: 3, character: 14 }, end: { line: 3, character: 40 } }, newText: 'High' });
    assert.equal(items[1]!.filterText, '[Critical/High/Medium/Low]High');
    const atStart = at(classic('**Date:** 2024-03-09\n**Severity:** ‸[Critical/High/Medium/Low]'));
    assert.equal(atStart[0]!.filterText, undefined);
    assert.deepEqual(edit(atStart[0]!).range, { start: { line: 3, character: 14 }, end: { line: 3, character: 40 } });
  });

  it('replaces a written value and adds the space after a just-closed key', () => {
    const items = at(classic('**Date:** 2024-03-09\n**Severity:** Hi‸gh  '));
    assert.deepEqual(edit(items[0]!), { range: { start: { line: 3, character: 14 }, end: { line: 3, character: 18 } }, newText: 'Critical' });
    assert.equal(items[0]!.filterText, undefined);
    const glued = at(classic('**Date:** 2024-03-09\n**Severity:**‸'));
    assert.equal(edit(glued[0]!).newText, ' Critical');
  });

  it("reads a template's option list written as the value as a placeholder", () => {
    const items = at(sev('- **Incident ID:** INC-1\n- **Severity:** SEV-1 / SEV-2 / SEV-3 / SEV-4‸'));
    assert.deepEqual(labels(items), ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);
    assert.equal(items[0]!.filterText, 'SEV-1 / SEV-2 / SEV-3 / SEV-4SEV-1');
  });

  it('offers enum values, yes/no and today for a date', () => {
    assert.deepEqual(labels(at(sev('- **Incident ID:** INC-1', '‸'))), ['Draft', 'In Review', 'Approved', 'Final']);
    const yesNo = at(sev('- **Incident ID:** INC-1').replace('Yes/No', 'Yes/No‸'));
    assert.deepEqual(labels(yesNo), ['Yes', 'No']);
    assert.equal(yesNo[1]!.filterText, 'Yes/NoNo');
    const date = at(sev('- **Incident ID:** INC-1').replace('YYYY-MM-DD', 'YYYY-MM-DD‸'));
    assert.deepEqual(labels(date), ['2024-05-01']);
    assert.equal(date[0]!.labelDetails?.description, 'today');
    assert.equal(date[0]!.preselect, true);
  });

  it('offers the first and last timeline entry for start and end times, in the timeline format', () => {
    const start = at(sev('- **Incident ID:** INC-1\n- **Start Time (UTC):** YYYY-MM-DD HH:MM‸'));
    assert.deepEqual(labels(start), ['2025-09-03 22:18', '2024-05-01 19:00']);
    assert.deepEqual(
      start.map((i) => i.labelDetails?.description),
      ['first entry', 'now'],
    );
    const end = at(sev('- **Incident ID:** INC-1\n- **End Time (UTC):** ‸'));
    assert.deepEqual(labels(end), ['2025-09-04 01:23', '2024-05-01 19:00']);
  });

  it("offers a 003-style block's Time after the previous block's, with its zone suffix", () => {
    const doc = `# Post-Mortem Report: Storage uploads failing

**Incident ID:** INC-2025-0614
**Date:** 2025-06-14
**Severity:** HIGH

## Executive Summary

Uploads failed.

### Incident Details

- **Start Time:** 2025-06-14 08:57 UTC
- **End Time:** END

## Timeline

### Detection
- **Time:** 2025-06-14 09:12 UTC
- **Method:** Synthetic check

### Response
- **Time:** [TIMESTAMP]‸
- **Actions Taken:** Stopped compaction.

## Root Cause Analysis

Full volumes.
`;
    const items = at(doc);
    assert.deepEqual(labels(items), ['2025-06-14 09:13 UTC', '2025-06-14 09:17 UTC', '2025-06-14 09:27 UTC', '2025-06-14 09:12 UTC', '2024-05-01 19:00 UTC']);
    assert.deepEqual(edit(items[0]!).range, { start: { line: 22, character: 12 }, end: { line: 22, character: 23 } });
    assert.equal(items[0]!.filterText, '[TIMESTAMP]2025-06-14 09:13 UTC');
    const end = at(doc.replace('‸', '').replace('END', 'END‸'));
    assert.deepEqual(labels(end), ['2025-06-14 09:12 UTC', '2024-05-01 19:00 UTC']);
  });

  it('offers nothing for a free-text field', () => {
    assert.deepEqual(at(sev('- **Incident ID:** INC-1').replace('A reset template.', 'A reset ‸')), []);
  });
});

describe('completion: field keys', () => {
  const standard = (summary: string) => `# Post-Mortem: Payments errors

## Incident Summary

${summary}

## Timeline

| Time (UTC) | Event |
|---|---|
| 13:52 | Incident began |
‸

## Root Cause Analysis

Topology.
`;

  it('offers the keys a section lacks, in template order, with choices and today as values', () => {
    const items = at(standard('**Incident ID:** INC-1\n**Date:** 2025-02-18\n‸').replace('| 13:52 | Incident began |\n‸', '| 13:52 | Incident began |'));
    assert.deepEqual(labels(items), ['Duration', 'Severity', 'Status']);
    assert.deepEqual(texts(items), ['**Duration:** $0', '**Severity:** ${1|P0,P1,P2,P3|}', '**Status:** ${1|Resolved,Mitigated,Monitoring|}']);
    assert.equal(items[0]!.preselect, true);
    assert.equal(items[0]!.insertTextFormat, 2);
    const date = at(standard('**Incident ID:** INC-1\n‸').replace('| 13:52 | Incident began |\n‸', '| 13:52 | Incident began |'));
    assert.equal(texts(date)[0], '**Date:** ${1:2024-05-01}');
  });

  it('writes the key in the shape of the fields around it, or of the template skeleton', () => {
    const items = at(sev('- **Incident ID:** INC-1\n- **Severity:** SEV-2\n‸'));
    assert.deepEqual(labels(items), ['Start Time (UTC)', 'End Time (UTC)', 'Duration', 'Services Affected', 'Customer Impact']);
    assert.equal(texts(items)[0], '- **Start Time (UTC):** $0');
    // Preselected: the first missing field after Severity, the field above the cursor.
    assert.deepEqual(
      items.map((i) => i.preselect ?? false),
      [false, false, false, true, false],
    );
    const fresh = at(sev('‸'));
    assert.equal(texts(fresh)[0], '- **Incident ID:** $0');
    const typed = at(sev('- **Incident ID:** INC-1\n* ‸'));
    assert.equal(texts(typed)[0], '* **Start Time (UTC):** $0');
    assert.equal(typed[0]!.filterText, '* **Start Time (UTC):**');
    assert.deepEqual(edit(typed[0]!).range.end.character, 2);
  });

  it('writes question keys without a colon', () => {
    const doc = `# Post-Mortem Report: Login failures

## 1. Incident Summary

*   **Incident ID:** INC-4512

## 2. Detection

*   **Time to Detect (MTTD):** 11 minutes
‸

## 3. Response Timeline

| Timestamp (UTC) | Event | Owner |
| :-- | :-- | :-- |
| 2025-04-22 21:58 | Alert triggered | Monitoring |
`;
    const items = at(doc);
    assert.deepEqual(texts(items), ['*   **How was the incident detected?** $0', '*   **Was detection effective?** ${1|Yes,No|}']);
    assert.deepEqual(
      items.map((i) => i.preselect ?? false),
      [false, true],
    );
  });

  it('offers no keys right under a table, in a section without fields, or once all are present', () => {
    const report = (gap: string) => `# Post-Mortem Report: Login failures

## 1. Incident Summary

*   **Incident ID:** INC-4512

## 3. Response Timeline

| Timestamp (UTC) | Event | Owner |
| :-- | :-- | :-- |
| 2025-04-22 21:58 | Alert triggered | Monitoring |
${gap}‸

## 4. Root Cause Analysis

Retry storm.
`;
    assert.deepEqual(
      at(report('')).filter((i) => i.kind === 10),
      [],
    );
    assert.deepEqual(labels(at(report('\n'))), ['Time to Acknowledge (MTTA)', 'Time to Resolve (MTTR)']);
    assert.deepEqual(at(classic('**Date:** 2024-03-09').replace('Payments failed.', 'Payments failed.\n‸')), []);
    const all = '- **Primary Cause:** x\n- **Contributing Factors:** y\n‸';
    assert.deepEqual(at(sev('- **Incident ID:** INC-1').replace('- **Primary Cause:** A reset template.\n', all)), []);
  });
});
