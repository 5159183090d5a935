import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, ROOT, type LspSession } from './harness';

// Every timeline below is long past, so the server's real clock makes "now" the last item; its text is
// checked by shape only.
const edit = (i: CompletionItem) => i.textEdit as TextEdit;
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const texts = (items: CompletionItem[]) => items.map((i) => edit(i).newText);

const classic = `# Incident Post-Mortem: Checkout payment authorizations failing overnight

**Date:** 2024-03-09
**Severity:** High

## Issue Summary

Payments failed.

## Timeline

_All times in Pacific Time (PT)_

- **11:32 PM**: Incident began: first payment authorization timeouts
- **11:41 PM**: Alert fired: \`CheckoutAuthFailureRate\` above 5%
- **11:58 PM**: Failure rate correlated with the pool-size change


## Root Cause Analysis

A pool-size change.
`;

const standard = `# Post-Mortem: Payments errors after a Redis failover

## Incident Summary

**Incident ID:** INC-2025-02-18-004
**Date:** 2025-02-18
**Severity:** P1

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 13:52 | Incident began: first 5xx responses from \`payments-api\` |
| 14:03 | Incident detected: \`PaymentsApi5xxRate\` alert fired |


## Root Cause Analysis

Topology refresh was off.
`;

const sev = `# Incident Postmortem — Search results empty after an index rollover

## Incident Summary

- **Incident ID:** INC-20240309-042
- **Severity:** SEV-2

## Executive Summary

Search returned nothing.

## Timeline (UTC)

| Time (UTC) | Event |
| --- | --- |
| 2024-03-09 23:40 | Alert fired: \`SearchZeroResultRate\` above 20% |
| 2024-03-09 23:58 | On-call engineer acknowledged |


## Root Cause

- **Primary Cause:** A reset index template.
`;

const report = `# Post-Mortem Report: Login failures from session-store connection exhaustion

## 1. Incident Summary

*   **Incident ID:** INC-4512
*   **Date & Time (UTC):** 2025-04-22 21:47 - 2025-04-23 00:12
*   **Severity:** [P0, P1, P2]
*   **Incident Commander:** Dana Kim
*   **Key Responders:** Omar Haddad (identity team), Lena Fischer (SRE)

## 2. Detection

*   **Time to Detect (MTTD):** 11 minutes

## 3. Response Timeline

| Timestamp (UTC) | Event                                                              | Owner          |
| :-------------- | :----------------------------------------------------------------- | :------------- |
| 2025-04-22 21:58 | Alert triggered: \`AuthApiHighErrorRate\` (error rate 38%)          | Monitoring     |
| 2025-04-22 22:01 | On-call engineer acknowledged alert                                | Dana Kim       |
| 2025-04-22 22:15 | Initial investigation: session-store connections at their limit   | Lena Fischer   |


## 4. Root Cause Analysis

Retry storm.
`;

const withLine = (text: string, line: number, content: string) => {
  const lines = text.split('\n');
  lines[line] = content;
  return lines.join('\n');
};

describe('language server: completion', function () {
  let s: LspSession;
  before(async () => {
    s = await startServer();
  });
  after(async () => {
    await s.stop();
  });

  const complete = async (uri: string, line: number, character: number): Promise<CompletionItem[]> => {
    const r = await s.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    return Array.isArray(r) ? r : (r?.items ?? []);
  };

  it('continues a 12-hour Pacific list timeline, crossing midnight', async () => {
    await s.open('file:///ws/classic.md', classic);
    const items = await complete('file:///ws/classic.md', 16, 0);
    assert.deepEqual(labels(items).slice(0, 4), ['12:03 AM', '11:59 PM', '12:13 AM', '11:58 PM']);
    assert.deepEqual(texts(items).slice(0, 4), ['- **12:03 AM**: $0', '- **11:59 PM**: $0', '- **12:13 AM**: $0', '- **11:58 PM**: $0']);
    assert.deepEqual(edit(items[0]!).range, { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } });
    assert.equal(items[0]!.insertTextFormat, 2);
    assert.equal(items[0]!.preselect, true);
    const now = items.find((i) => i.labelDetails?.description === 'now');
    if (now) assert.match(now.label, /^(?:[1-9]|1[0-2]):[0-5]\d [AP]M$/);
  });

  it('continues an HH:MM "Time (UTC) | Event" table', async () => {
    await s.open('file:///ws/standard.md', standard);
    const items = await complete('file:///ws/standard.md', 14, 0);
    assert.deepEqual(labels(items).slice(0, 4), ['14:08', '14:04', '14:18', '14:03']);
    assert.deepEqual(texts(items).slice(0, 4), ['| 14:08 | ${1:event} |', '| 14:04 | ${1:event} |', '| 14:18 | ${1:event} |', '| 14:03 | ${1:event} |']);
  });

  it("continues the sev template's dated table, advancing the date past midnight", async () => {
    await s.open('file:///ws/sev.md', sev);
    const items = await complete('file:///ws/sev.md', 17, 0);
    assert.deepEqual(labels(items).slice(0, 4), ['2024-03-10 00:03', '2024-03-09 23:59', '2024-03-10 00:13', '2024-03-09 23:58']);
    assert.equal(texts(items)[0], '| 2024-03-10 00:03 | ${1:event} |');
    const now = items.find((i) => i.labelDetails?.description === 'now');
    if (now) assert.match(now.label, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('continues a "YYYY-MM-DD HH:MM | Event | Owner" table with tab stops for event and owner', async () => {
    await s.open('file:///ws/report.md', report);
    const items = await complete('file:///ws/report.md', 21, 0);
    assert.deepEqual(texts(items).slice(0, 4), [
      '| 2025-04-22 22:20 | ${1:event} | ${2:owner} |',
      '| 2025-04-22 22:16 | ${1:event} | ${2:owner} |',
      '| 2025-04-22 22:30 | ${1:event} | ${2:owner} |',
      '| 2025-04-22 22:15 | ${1:event} | ${2:owner} |',
    ]);
  });

  it('offers the missing phases in the event cell, then the people in the owner cell', async () => {
    const uri = 'file:///ws/report-typing.md';
    await s.open(uri, report);
    const typed = '| 2025-04-22 22:41 | ';
    await s.change(uri, withLine(report, 21, typed));
    const phases = await complete(uri, 21, typed.length);
    assert.deepEqual(labels(phases), ['Incident began', 'Mitigation applied: …', 'Service restored', 'Incident resolved']);
    assert.deepEqual(
      phases.filter((i) => i.preselect).map((i) => i.label),
      ['Mitigation applied: …'],
    );
    assert.equal(edit(phases[1]!).newText, 'Mitigation applied: ${1:what}');

    const row = '| 2025-04-22 22:41 | Mitigation applied: raised the connection limit | ';
    await s.change(uri, withLine(report, 21, row));
    const people = await complete(uri, 21, row.length);
    // Dana and Lena are named twice (a field and an owner), Omar and Monitoring once; ties by first mention.
    assert.deepEqual(labels(people), ['Dana Kim', 'Lena Fischer', 'Omar Haddad', 'Monitoring']);
    assert.deepEqual(edit(people[0]!), { range: { start: { line: 21, character: row.length }, end: { line: 21, character: row.length } }, newText: 'Dana Kim' });
  });

  it('offers the missing sections after ## in a numbered template', async () => {
    const uri = 'file:///ws/report-heading.md';
    const text = report + '\n## ';
    await s.open(uri, text);
    const items = (await complete(uri, 27, 3)).filter((i) => !i.labelDetails);
    assert.deepEqual(texts(items), ['## 5. Resolution', '## 5. Lessons Learned', '## 5. Action Items', '## 5. Supporting Information']);
    assert.deepEqual(
      items.filter((i) => i.preselect).map((i) => i.label),
      ['Resolution'],
    );
  });

  it('offers the severity vocabulary over the placeholder', async () => {
    const items = await complete('file:///ws/report.md', 6, 30);
    assert.deepEqual(labels(items), ['P0', 'P1', 'P2']);
    assert.deepEqual(edit(items[1]!), { range: { start: { line: 6, character: 18 }, end: { line: 6, character: 30 } }, newText: 'P1' });
    assert.equal(items[1]!.filterText, '[P0, P1, P2]P1');
  });

  it('offers nothing in a plain README', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'plain', 'readme-with-timeline.md'), 'utf8');
    const uri = 'file:///ws/README.md';
    await s.open(uri, readme + '\n');
    const last = readme.split('\n').length;
    assert.deepEqual(await complete(uri, last, 0), []);
  });
});
