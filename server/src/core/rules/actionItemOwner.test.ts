import assert from 'node:assert/strict';
import { ruleKit, sevActionTable as table } from '../../../../test/unit/ruleKit';

const kit = ruleKit('action-item-owner');

// standard template: checkbox items under a horizon; the first item is on line 10.
const checklist = (...items: string[]) => `# Post-Mortem: Payments errors

## Incident Summary

**Severity:** P1

## Action Items

### Immediate (Within 24 hours)

${items.join('\n')}
`;

describe('action-item-owner', () => {
  it('reports an open row with an empty Owner cell, on the row', () => {
    const text = table('| AI-001 | Add a canary query |  | P2 | 2025-04-15 | In Progress |');
    const d = kit.check(text);
    assert.equal(d.length, 1);
    assert.deepEqual(d[0]!.range, { start: { line: 14, character: 0 }, end: { line: 14, character: 66 } });
    assert.equal(d[0]!.message, "Action item 'AI-001' has no owner: fill in its Owner cell. Unowned follow-ups rarely get done.");
    assert.equal(d[0]!.severity, 2);
  });

  it('reports a dash or "Unassigned" on the cell itself', () => {
    const d = kit.check(table('| AI-001 | Add a canary query | - | P2 | 2025-04-15 | Open |', '| AI-002 | Page on zero results | Unassigned | P2 | 2025-04-15 | Open |'));
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]),
      [
        [14, 32, 33],
        [15, 34, 44],
      ],
    );
  });

  it('says nothing for owned, done, dropped and sample rows', () => {
    const text = table(
      '| AI-001 | Validate allow-lists in CI | Dana Kim | P1 | 2025-04-01 | Open |',
      '| AI-002 | Restore shards |  | P1 | 2025-01-01 | Closed |',
      "| AI-003 | Rebuild the cluster |  | P3 | 2025-06-01 | Won't Do |",
      '| AI-004 | Action description | Name | P0/P1/P2 | YYYY-MM-DD | Open/Closed |',
    );
    assert.deepEqual(kit.check(text), []);
  });

  it('leaves an owner placeholder in a cell to the placeholder rule, which already reports it', () => {
    const text = table('| AI-001 | Rotate the keys | TBD | P2 | 2025-04-15 | Open |', '| AI-002 | Rotate the certs | Name | P2 | 2025-04-15 | Open |');
    assert.deepEqual(kit.check(text), []);
    const placeholders = kit.all(text).filter((x) => x.code === 'placeholder');
    assert.deepEqual(
      placeholders.map((x) => x.range.start.line),
      [14, 15],
    );
  });

  it('reports a table with no Owner column', () => {
    const text = `# Incident Postmortem: Checkout errors

## Incident Summary

- **Severity:** SEV-2

## Root Cause

A config push emptied the allow-list.

## Action Items

| ID | Action | Target Date |
| --- | --- | --- |
| AI-001 | Add a canary query | 2025-04-15 |
`;
    assert.deepEqual(
      kit.check(text).map((x) => x.message),
      ["Action item 'AI-001' has no owner: add an Owner column. Unowned follow-ups rarely get done."],
    );
  });

  it('reports a checkbox line without "Owner:" or with "Owner: TBD", and not a done or owned one', () => {
    const text = checklist(
      '- [ ] Write the failover runbook, due: 2025-04-01',
      '- [ ] Fix the DNS TTL - Owner: TBD, Due: 2025-04-01',
      '- [ ] Add a queue-depth alert - Owner: Dana Kim, Due: 2025-04-01',
      '- [ ] Add a topology check @mchen',
      '- [ ] Add a runbook section (owner=ops, priority=high, due=2026-02-08)',
      '- [x] Restart the pods',
      '- [ ] [Action item]',
    );
    const d = kit.check(text);
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.message]),
      [
        [10, `Action item 'Write the failover runbook' has no owner: add "Owner: <name>" to the line. Unowned follow-ups rarely get done.`],
        [11, `Action item 'Fix the DNS TTL' has no owner: add "Owner: <name>" to the line. Unowned follow-ups rarely get done.`],
      ],
    );
  });
});
