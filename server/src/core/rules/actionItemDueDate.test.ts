import assert from 'node:assert/strict';
import { ruleKit, sevActionTable as table } from '../../../../test/unit/ruleKit';

const kit = ruleKit('action-item-due-date');

// classic template: checkbox items with "Owner: ..., Due: ..."; the first item is on line 14.
const checklist = (...items: string[]) => `# Incident Post-Mortem: Checkout errors

**Severity:** High

## Issue Summary

Checkout failed for 20 minutes.

## Root Cause Analysis

The gateway pool was too small.

## Action Items

${items.join('\n')}
`;

describe('action-item-due-date', () => {
  it('reports an open row with an empty due date, on the row, and a dash on the cell', () => {
    const text = table('| AI-001 | Add a canary query | Dana Kim | P2 |  | Open |', '| AI-002 | Page on zero results | Dana Kim | P2 | — | Open |');
    const d = kit.check(text);
    assert.deepEqual(
      d.map((x) => [x.range, x.message]),
      [
        [{ start: { line: 14, character: 0 }, end: { line: 14, character: 57 } }, "Action item 'AI-001' has no due date: fill in its due date."],
        [{ start: { line: 15, character: 50 }, end: { line: 15, character: 51 } }, "Action item 'AI-002' has no due date: fill in its due date."],
      ],
    );
    assert.equal(d[0]!.severity, 2);
  });

  it('a table without a Status column: a cell that holds only a status word says whether the row is done', () => {
    const text = `# Incident Post-Mortem: Checkout errors\n\n## Issue Summary\n\nCheckout failed.\n\n## Root Cause Analysis\n\nA small pool.\n\n## Action Items\n\n| Action Item | Type | Owner | Reference | Notes |\n| --- | --- | --- | --- | --- |\n| Remove the build from the stores | mitigate | Andre | **DONE** | gone |\n| Write a release process | prevent | Jakub | **TODO** | notes |\n`;
    assert.deepEqual(
      kit.check(text).map((d) => d.range.start.line),
      [15],
      'only the TODO row lacks a due date that matters',
    );
  });

  it("a status cell led by a done word or a check mark ('✅ Done', 'Resolved by PR #47', 'done (merged …)') is done", () => {
    const head = `# Incident Post-Mortem: Checkout errors\n\n## Issue Summary\n\nCheckout failed.\n\n## Root Cause Analysis\n\nA small pool.\n\n## Action Items\n\n`;
    const text = `${head}| # | Action | Status |\n|---|---|---|\n| 1 | CI validation | ✅ Done |\n| 2 | Backup sync | done (merged 2026-09-25) |\n| 3 | Alarm on errors | ✅ |\n| 4 | Local-only map | Planned |\n| 5 | Retry budget | Not done |\n`;
    assert.deepEqual(
      kit.check(text).map((d) => d.range.start.line),
      [17, 18],
    );
    const outcome = `${head}| Issue | Outcome |\n|---|---|\n| #41 alerting gap | Resolved by PR #47 — alarm added |\n| #46 docs publishing | Open — deferred |\n`;
    assert.deepEqual(
      kit.check(outcome).map((d) => d.range.start.line),
      [15],
    );
  });

  it("reads 'due 2025-04-01' without a colon on a checkbox line", () => {
    assert.deepEqual(kit.check(checklist('- [ ] Add oracle checks (owner: @ana, due 2025-04-01)')), []);
    assert.deepEqual(kit.check(checklist('- [ ] Add a runbook section (owner=ops, priority=high, due=2026-02-08)')), []);
    assert.equal(kit.check(checklist('- [ ] Add oracle checks (owner: @ana, due soon)')).length, 1, 'a word after it is not a date');
  });

  it('says nothing for dated, done, dropped and sample rows, nor for a date it cannot read', () => {
    const text = table(
      '| AI-001 | Validate allow-lists in CI | Dana Kim | P1 | 2025-04-01 | Open |',
      '| AI-002 | Restore shards | Dana Kim | P1 |  | Closed |',
      '| AI-003 | Rebuild the cluster | Dana Kim | P3 |  | Cancelled |',
      '| AI-004 | Action description | Name | P0/P1/P2 | YYYY-MM-DD | Open/Closed |',
      '| AI-005 | Review shard settings | Dana Kim | P3 | end of Q2 | Open |',
    );
    assert.deepEqual(kit.check(text), []);
  });

  it('leaves a date placeholder in a cell to the placeholder rule', () => {
    const text = table('| AI-001 | Add a canary query | Dana Kim | P2 | YYYY-MM-DD | Open |');
    assert.deepEqual(kit.check(text), []);
    assert.ok(kit.all(text).some((x) => x.code === 'placeholder' && x.range.start.line === 14));
  });

  it('reports a checkbox line without "Due:", and not one that has it', () => {
    const text = checklist(
      '- [ ] **Runbook**: Write the failover runbook - Owner: Mei Lin',
      '- [ ] **Alert**: Alert on declines - Owner: Jonas Weber, Due: 2025-04-02',
      '- [x] **Rollback**: Roll back the gateway - Owner: Ravi Shah',
    );
    assert.deepEqual(
      kit.check(text).map((x) => [x.range.start.line, x.message]),
      [[14, `Action item 'Runbook: Write the failover runbook' has no due date: add "Due: YYYY-MM-DD" to the line.`]],
    );
  });
});
