import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { scanDates } from '../time/dateTokens';

const templates = loadBuiltinTemplates();
const uri = 'file:///ws/pm.md';

function run(text: string) {
  const s = createService({ templates, today: () => '2025-10-01' });
  const doc = { uri, version: 1, text };
  return { s, doc, found: s.diagnostics(doc).filter((d) => d.code === 'invalid-date') };
}
const where = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`;
const summary = (ds: Diagnostic[]) => ds.map((d) => `${where(d)} ${d.message}`);

const standard = (summary: string) => `---
template: standard
---
# Post-Mortem: Login outage

## Incident Summary

${summary}
**Severity:** P1
`;

describe('invalid-date', () => {
  it('reports dates that do not exist in date fields, the timeline and action items', () => {
    const text = `---
template: standard
---
# Post-Mortem: Login outage

## Incident Summary

**Incident ID:** INC-2024-02-30-001
**Date:** 2024-02-30
**Severity:** P1

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 2024-02-29 10:00 | Incident began |
| 2023-02-29 10:05 | Alert fired |

## Action Items

| Action | Owner | Due Date | Status |
|--------|-------|----------|--------|
| Add alert | @a | 2024-04-31 | Open |
| Add runbook | @b | 2024-13-01 | Open |
| Review | @c | next sprint | Open |
| Drill | @d | TBD | Open |

### Immediate (Within 24 hours)
- [ ] Rotate keys (Owner: @e, Due: 2024-06-31)
`;
    const { found } = run(text);
    assert.deepEqual(summary(found), [
      "8:10-20 Date '2024-02-30' does not exist: February 2024 has 29 days.",
      "16:2-12 Date '2023-02-29' does not exist: February 2023 has 28 days.",
      "22:19-29 Date '2024-04-31' does not exist: April 2024 has 30 days.",
      "23:21-31 Date '2024-13-01' does not exist: there is no month 13.",
      "24:16-27 Cannot read due date 'next sprint': write it as YYYY-MM-DD.",
      "28:35-45 Date '2024-06-31' does not exist: June 2024 has 30 days.",
    ]);
    // A date that does not exist is certain (error); a value the reader cannot read is a warning.
    assert.deepEqual(
      found.map((d) => d.severity),
      [1, 1, 1, 1, 2, 1],
    );
  });

  it('reads month names, and finds a bad date leading a timeline item that is not read as an entry', () => {
    const text = `---
template: classic
---
# Incident Post-Mortem: Checkout errors

**Date:** March 32, 2024

## Timeline

_All times in Pacific Time (PT)_

- 2024-02-30 10:00 Deploy started
- **31 June 2024 10:05**: Alert fired
`;
    assert.deepEqual(summary(run(text).found), [
      "5:10-24 Date 'March 32, 2024' does not exist: March 2024 has 31 days.",
      "11:2-12 Date '2024-02-30' does not exist: February 2024 has 29 days.",
      "12:4-16 Date '31 June 2024' does not exist: June 2024 has 30 days.",
    ]);
  });

  it('reports a date field that holds no date at all, and the front matter date', () => {
    const text = `---
template: standard
date: "2024-02-30"
---
# Post-Mortem: Login outage

## Incident Summary

**Date:** last Tuesday
`;
    assert.deepEqual(summary(run(text).found), ["2:7-17 Date '2024-02-30' does not exist: February 2024 has 29 days.", "8:10-22 Cannot read date 'last Tuesday': write it as YYYY-MM-DD."]);
  });

  it('leaves placeholders, real dates, N/A and identifiers alone', () => {
    for (const value of ['**Date:** YYYY-MM-DD', '**Date:** [DATE]', '**Date:** 2024-02-29', '**Date:** Tuesday, 18 February 2025', '**Date:** N/A', '**Incident ID:** INC-2024-13-45-001']) {
      assert.deepEqual(summary(run(standard(value)).found), [], value);
    }
  });

  it('offers to rewrite a day/month date only when one reading exists (a hint: the date is certain), and that fix is safe for fix-all', () => {
    const { s, doc, found } = run(standard('**Date:** 18/02/2025'));
    assert.deepEqual(summary(found), ["7:10-20 Date '18/02/2025' reads only as 2025-02-18: YYYY-MM-DD reads the same everywhere."]);
    assert.equal(found[0]!.severity, 4, 'readable one way only: a hint, not an error');
    assert.equal(s.model(doc).date, '2025-02-18', 'and it is the document date');
    const actions = s.codeActions(doc, found[0]!.range, { diagnostics: found }).filter((a) => a.title.startsWith('Rewrite'));
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Rewrite '18/02/2025' as 2025-02-18"],
    );
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, doc.text), actions[0]!.edit!.changes![uri]!);
    assert.equal(fixed, standard('**Date:** 2025-02-18'));
    assert.deepEqual(run(fixed).found, []);
    const all = s.codeActions(doc, found[0]!.range, { diagnostics: found, only: ['source.fixAll.postmortem'] });
    assert.ok(
      all[0]!.edit!.changes![uri]!.some((e) => e.newText === '2025-02-18'),
      'included in fix-all',
    );

    const either = run(standard('**Date:** 03/04/2025'));
    assert.deepEqual(summary(either.found), ["7:10-20 Cannot read date '03/04/2025': write dates as YYYY-MM-DD, since day and month could be either way round."]);
    assert.equal(either.found[0]!.severity, 2);
    assert.deepEqual(
      either.s.codeActions(either.doc, either.found[0]!.range, { diagnostics: either.found }).filter((a) => a.title.startsWith('Rewrite')),
      [],
    );
    assert.deepEqual(summary(run(standard('**Date:** 02/30/2025')).found), ["7:10-20 Date '02/30/2025' does not exist in either day/month order: write dates as YYYY-MM-DD."]);
  });

  it('an ISO date-time in the front matter date is a date', () => {
    const text = `---\ndate: 2020-04-29T00:04:35+02:00\n---\n# Post-mortem: billing export delayed\n\n## Summary\n\nx\n\n## Impact\n\ny\n\n## Root Cause\n\nz\n`;
    assert.deepEqual(run(text).found, []);
    assert.equal(run(text.replace('2020-04-29T00:04:35+02:00', 'next week')).found.length, 1);
  });

  it("a timeline date either way round that the document's other dates settle is read, and only hinted at", () => {
    const doc = (second: string) =>
      `# Post-mortem: billing export delayed\n\n## Summary\n\nx\n\n## Impact\n\ny\n\n## Root Cause\n\nz\n\n## Timeline\n\n- 25/04/2021 10:00 - Export job started failing\n- ${second} - Export fixed\n`;
    const settled = run(doc('03/05/2021 09:00'));
    assert.deepEqual(
      settled.found.map((d) => [d.range.start.line, d.severity]),
      [
        [16, 4],
        [17, 4],
      ],
    );
    assert.match(String(settled.found[1]!.message), /other dates settle it/);
    assert.equal(new Date(settled.s.model(settled.doc).timeline.entries[1]!.at!).toISOString(), '2021-05-03T09:00:00.000Z');
    // Alone, nothing settles it: a warning, and no instant is guessed.
    const alone = run(`# Post-mortem: billing export delayed\n\n## Summary\n\nx\n\n## Impact\n\ny\n\n## Root Cause\n\nz\n\n## Timeline\n\n- 03/05/2021 09:00 - Export fixed\n`);
    assert.deepEqual(
      alone.found.map((d) => d.severity),
      [2],
    );
    assert.equal(alone.s.model(alone.doc).timeline.entries[0]!.at, null);
  });

  it('a Date field either way round that the text names in words (3rd of August) is that day, and only hinted at', () => {
    const doc = (opening: string) =>
      `## Downtime on the afternoon of ${opening}\n\nDatabase errors after a migration.\n\n**Date**: 03.08.2023\n\n**Impact**: broken indexes\n\n**Root Causes**: disk full\n\n**Resolution**: tables restored\n\n## Timeline\n\n- 09:31 First recorded error\n`;
    const settled = run(doc('3rd of August'));
    assert.deepEqual(
      settled.found.map((d) => [d.range.start.line, d.severity]),
      [[4, 4]],
    );
    assert.equal(settled.s.model(settled.doc).date, '2023-08-03');
    // A day in words that is neither reading settles nothing.
    const other = run(doc('5th of August'));
    assert.deepEqual(
      other.found.map((d) => d.severity),
      [2],
    );
    assert.equal(other.s.model(other.doc).date, null);
  });

  it('a Date field either way round that the timeline settles (a day heading 29-09-2021 reads day first) is only hinted at', () => {
    const text = `# NET down\n\n**Date**: 03/10/2021\n\n## Summary\n\nx\n\n## Impact\n\ny\n\n## Root Cause\n\nz\n\n## Timeline\n\n### 29-09-2021 (All times CEST)\n\n- 10:00 Disk alerts\n\n### 03-10-2021 (All times CEST)\n\n- 09:00 Server down\n`;
    assert.deepEqual(
      run(text).found.map((d) => [d.range.start.line, d.severity]),
      [[2, 4]],
    );
  });

  it('scans every date shape without overlapping tokens', () => {
    assert.deepEqual(
      scanDates('from 2024-03-10 to 10 March 2024, or Mar. 10th, 2024; v1.2.3 and INC-2024-99-99-1').map((t) => [t.text, t.problem]),
      [
        ['2024-03-10', null],
        ['10 March 2024', null],
        ['Mar. 10th, 2024', null],
      ],
    );
  });

  it('is silent on the filled examples and on plain markdown', () => {
    const dir = path.resolve(__dirname, '../../../../test/fixtures/filled');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md'))) assert.deepEqual(summary(run(fs.readFileSync(path.join(dir, f), 'utf8')).found), [], f);
    assert.deepEqual(run('# Notes\n\n**Date:** 2024-02-30\n\n## Timeline\n\n- 2024-02-30 10:00 something\n').found, []);
  });
});
