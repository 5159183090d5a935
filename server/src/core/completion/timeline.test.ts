import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completeAt as at } from '../../../../test/unit/completionKit';
import { classifyPhase } from '../time';
import { PHASE_EVENTS } from './timeline';

const edit = (i: CompletionItem) => i.textEdit as TextEdit;
const texts = (items: CompletionItem[]) => items.map((i) => edit(i).newText);
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

const classic = (timeline: string, date = '**Date:** 2024-03-09\n') => `# Incident Post-Mortem: Checkout failures

${date}**Severity:** High

## Issue Summary

Payments failed.

## Timeline

_All times in Pacific Time (PT)_

${timeline}

## Root Cause Analysis

A pool-size change.
`;

const standard = (rows: string) => `# Post-Mortem: Payments errors

## Incident Summary

**Incident ID:** INC-2025-02-18-004
**Date:** 2025-02-18
**Severity:** P1

## Timeline

${rows}

## Root Cause Analysis

Topology refresh was off.
`;

const sev = (rows: string) => `# Incident Postmortem — Empty search results

## Incident Summary

- **Incident ID:** INC-20240309-042
- **Severity:** SEV-2

## Executive Summary

Search returned nothing.

## Timeline (UTC)

| Time (UTC) | Event |
| --- | --- |
${rows}

## Root Cause

- **Primary Cause:** A reset index template.
`;

describe('completion: the next timeline entry', () => {
  it('continues a 12-hour Pacific list across midnight: +5, +1, +15 min, the same time, then now', () => {
    const items = at(classic('- **11:32 PM**: Incident began\n- **11:41 PM**: Alert fired: `CheckoutAuthFailureRate`\n- **11:58 PM**: On-call engineer acknowledged\n‸'));
    assert.deepEqual(labels(items), ['12:03 AM', '11:59 PM', '12:13 AM', '11:58 PM', '12:00 PM']);
    assert.deepEqual(texts(items), ['- **12:03 AM**: $0', '- **11:59 PM**: $0', '- **12:13 AM**: $0', '- **11:58 PM**: $0', '- **12:00 PM**: $0']);
    assert.deepEqual(
      items.map((i) => i.labelDetails?.description),
      ['+5 min', '+1 min', '+15 min', 'same time', 'now'],
    );
    assert.deepEqual(
      items.map((i) => i.preselect ?? false),
      [true, false, false, false, false],
    );
    assert.deepEqual(
      items.map((i) => i.sortText),
      ['1000', '1001', '1002', '1003', '1004'],
    );
    assert.equal(items[0]!.insertTextFormat, 2); // snippet
    assert.deepEqual(edit(items[0]!).range, { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } });
    assert.equal(items[0]!.filterText, '- **12:03 AM**: ');
  });

  it('wraps a time-only list at midnight when the document has no date', () => {
    const items = at(classic('- **11:58 PM**: On-call engineer acknowledged\n‸', ''));
    assert.deepEqual(labels(items).slice(0, 3), ['12:03 AM', '11:59 PM', '12:13 AM']);
  });

  it('puts "now" first while the incident is being written live', () => {
    // 12:10 AM PST on March 10, twelve minutes after the last entry.
    const items = at(classic('- **11:58 PM**: On-call engineer acknowledged\n‸'), Date.UTC(2024, 2, 10, 8, 10));
    assert.deepEqual(labels(items), ['12:10 AM', '11:59 PM', '12:03 AM', '12:13 AM', '11:58 PM']);
    assert.equal(items[0]!.labelDetails?.description, 'now');
    assert.equal(items[0]!.preselect, true);
  });

  it('adds minutes as elapsed time across the spring-forward gap', () => {
    const items = at(classic('- **1:15 AM**: Connections recycled\n- **1:58 AM**: Replay 80% complete\n‸', '**Date:** 2024-03-10\n'));
    assert.deepEqual(labels(items).slice(0, 3), ['3:03 AM', '1:59 AM', '3:13 AM']);
  });

  it('offers entries after `- ` or a partial time, and after an empty line between entries', () => {
    const doc = '- **11:32 PM**: Incident began\n- **11:41 PM**: Alert fired\n';
    assert.deepEqual(texts(at(classic(doc + '- ‸')))[0], '- **11:46 PM**: $0');
    assert.deepEqual(edit(at(classic(doc + '- ‸'))[0]!).range.end.character, 2);
    assert.deepEqual(texts(at(classic(doc + '- **11:4‸')))[0], '- **11:46 PM**: $0');
    assert.deepEqual(texts(at(classic('- **11:32 PM**: Incident began\n‸\n- **11:41 PM**: Alert fired')))[0], '- **11:37 PM**: $0');
  });

  it('copies the neighbour bullet: marker, marks, separator, numbering and zone suffix', () => {
    assert.equal(texts(at(classic('* `11:41 PM` — Alert fired\n‸')))[0], '* `11:46 PM` — $0');
    assert.equal(texts(at(classic('- 11:41 PM - Alert fired\n‸')))[0], '- 11:46 PM - $0');
    assert.equal(texts(at(classic('1. **11:32 PM**: Incident began\n2. **11:41 PM**: Alert fired\n‸')))[0], '3. **11:46 PM**: $0');
    assert.equal(texts(at(classic('* **11:41 PM**: Alert fired\n- ‸')))[0], '- **11:46 PM**: $0');
    assert.equal(texts(at(classic('- **11:41 PM:** Alert fired\n‸')))[0], '- **11:46 PM:** $0');
    assert.equal(texts(at(classic('- **23:41 UTC**: Alert fired\n‸')))[0], '- **23:46 UTC**: $0');
  });

  it('continues an HH:MM table with a "Time (UTC) | Event" header', () => {
    const items = at(standard('| Time (UTC) | Event |\n|------------|-------|\n| 13:52 | Incident began |\n| 14:03 | Incident detected |\n‸'));
    assert.deepEqual(labels(items), ['14:08', '14:04', '14:18', '14:03', '19:00']);
    assert.deepEqual(texts(items), ['| 14:08 | ${1:event} |', '| 14:04 | ${1:event} |', '| 14:18 | ${1:event} |', '| 14:03 | ${1:event} |', '| 19:00 | ${1:event} |']);
    assert.equal(items[0]!.filterText, '| 14:08 | event |');
  });

  it('completes a row after a typed `|`, replacing it', () => {
    const items = at(standard('| Time (UTC) | Event |\n|---|---|\n| 14:03 | Incident detected |\n|‸'));
    assert.equal(texts(items)[0], '| 14:08 | ${1:event} |');
    assert.deepEqual(edit(items[0]!).range.end.character, 1);
  });

  it('keeps a table without outer pipes, a compact table and bold times', () => {
    assert.equal(texts(at(standard('Time | Event\n--- | ---\n14:03 | Incident detected\n‸')))[0], '14:08 | ${1:event}');
    assert.equal(texts(at(standard('|Time|Event|\n|---|---|\n|14:03|Incident detected|\n‸')))[0], '|14:08|${1:event}|');
    assert.equal(texts(at(standard('| Time | Event |\n|---|---|\n| **14:03** | Incident detected |\n‸')))[0], '| **14:08** | ${1:event} |');
    assert.equal(texts(at(standard('| # | Event | Time | Notes |\n|---|---|---|---|\n| 7 | Incident detected | 14:03 | |\n‸')))[0], '| 8 | ${1:event} | 14:08 | ${3} |');
  });

  it('continues a dated "Timestamp (UTC) | Event | Owner" table with tab stops for event and owner', () => {
    const doc = `# Post-Mortem Report: Login failures

## 1. Incident Summary

*   **Incident ID:** INC-4512
*   **Severity:** P1

## 2. Detection

*   **Time to Detect (MTTD):** 11 minutes

## 3. Response Timeline

| Timestamp (UTC) | Event                                                              | Owner          |
| :-------------- | :----------------------------------------------------------------- | :------------- |
| 2025-04-22 21:58 | Alert triggered: \`AuthApiHighErrorRate\` (error rate 38%)          | Monitoring     |
| 2025-04-22 22:01 | On-call engineer acknowledged alert                                | Dana Kim       |
‸

## 4. Root Cause Analysis

Retry storm.
`;
    const items = at(doc);
    assert.deepEqual(texts(items).slice(0, 4), [
      '| 2025-04-22 22:06 | ${1:event} | ${2:owner} |',
      '| 2025-04-22 22:02 | ${1:event} | ${2:owner} |',
      '| 2025-04-22 22:16 | ${1:event} | ${2:owner} |',
      '| 2025-04-22 22:01 | ${1:event} | ${2:owner} |',
    ]);
    assert.equal(labels(items)[4], '2024-05-01 19:00');
  });

  it("advances the date past midnight in the sev template's table", () => {
    const items = at(sev('| 2024-03-09 23:40 | Alert fired: `SearchZeroResultRate` |\n| 2024-03-09 23:58 | On-call engineer acknowledged |\n‸'));
    assert.deepEqual(labels(items), ['2024-03-10 00:03', '2024-03-09 23:59', '2024-03-10 00:13', '2024-03-09 23:58', '2024-05-01 19:00']);
    assert.equal(texts(items)[0], '| 2024-03-10 00:03 | ${1:event} |');
  });

  it('starts from the template format on the first row of an empty table', () => {
    const items = at(sev('‸'));
    assert.deepEqual(texts(items), ['| 2024-05-01 19:00 | ${1:event} |']);
    assert.equal(items[0]!.labelDetails?.description, 'now');
  });

  it('uses the template time format when the entries are still placeholders', () => {
    const items = at(classic('- **[Time]**: [Event - Initial detection/alert/report]\n‸'));
    assert.deepEqual(texts(items), ['- **12:00 PM**: $0']);
  });

  it('offers no row where it would not join the table, and nothing outside the timeline', () => {
    assert.deepEqual(at(standard('| Time (UTC) | Event |\n|---|---|\n| 14:03 | Incident detected |\n\n‸')), []);
    assert.deepEqual(at(classic('- **11:58 PM**: Acknowledged').replace('A pool-size change.', '‸')), []);
    assert.deepEqual(at(classic('- **11:58 PM**: Acknowledged\nSome prose ‸')), []);
  });
});

describe('completion: phase events after a time', () => {
  const base = '- **11:32 PM**: Incident began\n- **11:41 PM**: Alert fired: `CheckoutAuthFailureRate`\n';

  it('offers the missing phases in incident order, the next one preselected', () => {
    const items = at(classic(base + '- **11:44 PM**: ‸'));
    assert.deepEqual(labels(items), ['On-call engineer acknowledged the alert', 'Mitigation applied: …', 'Service restored', 'Incident resolved']);
    assert.deepEqual(texts(items), ['On-call engineer acknowledged the alert', 'Mitigation applied: ${1:what}', 'Service restored', 'Incident resolved']);
    assert.deepEqual(edit(items[0]!).range, { start: { line: 15, character: 16 }, end: { line: 15, character: 16 } });
    assert.equal(items[0]!.preselect, true);
    assert.equal(items.filter((i) => i.preselect).length, 1);
  });

  it('preselects the phase after those above even when an earlier one is missing', () => {
    const items = at(classic('- **11:41 PM**: Alert fired\n- **11:44 PM**: On-call engineer acknowledged\n- **12:20 AM**: ‸'));
    assert.deepEqual(labels(items), ['Incident began', 'Mitigation applied: …', 'Service restored', 'Incident resolved']);
    assert.deepEqual(
      items.map((i) => i.preselect ?? false),
      [false, true, false, false],
    );
  });

  it('adds the space after a just-typed colon and replaces what is being typed', () => {
    const colon = at(classic(base + '- **11:44 PM**:‸'));
    assert.equal(edit(colon[0]!).newText, ' On-call engineer acknowledged the alert');
    assert.deepEqual(edit(colon[0]!).range.start.character, 15);
    const typed = at(classic(base + '- **11:44 PM**: On-c‸'));
    assert.deepEqual(edit(typed[0]!).range, { start: { line: 15, character: 16 }, end: { line: 15, character: 20 } });
  });

  it('offers phases in the event cell of a table row', () => {
    const rows = '| Time (UTC) | Event |\n|---|---|\n| 13:52 | Incident began |\n| 14:03 | Incident detected |\n';
    const items = at(standard(rows + '| 14:06 | ‸'));
    assert.deepEqual(labels(items), ['On-call engineer acknowledged the alert', 'Mitigation applied: …', 'Service restored', 'Incident resolved']);
    assert.deepEqual(edit(items[0]!).range, { start: { line: 14, character: 10 }, end: { line: 14, character: 10 } });
    const between = at(standard(rows + '| 14:06 |‸ |'));
    assert.equal(edit(between[0]!).newText, ' On-call engineer acknowledged the alert');
  });

  it('replaces a bracketed placeholder whatever it says', () => {
    const items = at(classic('- **11:41 PM**: [Event - Initial detection/alert/report]‸'));
    assert.equal(items[0]!.filterText, '[Event - Initial detection/alert/report]Incident began');
    assert.deepEqual(edit(items[0]!).range, { start: { line: 13, character: 16 }, end: { line: 13, character: 56 } });
  });

  it('offers no event after a time whose event is written on the line below (nothing overwrites the time)', () => {
    const items = at(classic('- **11:41 PM**: Alert fired\n- **11:44 PM**:‸\n  On-call engineer acknowledged'));
    for (const i of items) assert.ok(edit(i).range.start.character >= 15, `${i.label} edits from column ${edit(i).range.start.character}`);
  });

  it('offers nothing in the middle of an event or in a row without a time', () => {
    assert.deepEqual(at(classic(base + '- **11:44 PM**: On‸-call')), []);
    assert.deepEqual(at(standard('| Time | Event |\n|---|---|\n| 13:52 | Incident began |\n|  | ‸')), []);
  });

  it('words every sample event so the phase classifier reads it as its phase', () => {
    const plain = (snippet: string) => snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1');
    for (const p of PHASE_EVENTS) {
      assert.equal(classifyPhase(plain(p.snippet)), p.phase, p.snippet);
      assert.equal(classifyPhase(p.snippet.replace(/\$\{\d+:[^}]*\}/g, 'rolled out config v42 to the payments gateway')), p.phase, p.snippet);
    }
    assert.deepEqual([...new Set(PHASE_EVENTS.map((p) => p.phase))], ['started', 'detected', 'acknowledged', 'mitigated', 'restored', 'resolved']);
  });
});
