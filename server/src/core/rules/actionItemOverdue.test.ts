import assert from 'node:assert/strict';
import { ruleKit, sevActionTable as table } from '../../../../test/unit/ruleKit';

// Today is fixed at 2025-03-01.
const kit = ruleKit('action-item-overdue', '2025-03-01');

describe('action-item-overdue', () => {
  it('reports an open item due before today, on its due date', () => {
    const d = kit.check(table('| AI-001 | Add a canary query | Dana Kim | P2 | 2025-02-28 | In Progress |'));
    assert.equal(d.length, 1);
    assert.deepEqual(d[0]!.range, { start: { line: 14, character: 48 }, end: { line: 14, character: 58 } });
    assert.equal(d[0]!.message, "Action item 'AI-001' was due 2025-02-28 and is still open (status 'In Progress'): mark it done or agree a new date.");
    assert.equal(d[0]!.severity, 2);
  });

  it('does not report an item due today or later, or one that is done or dropped', () => {
    const text = table(
      '| AI-001 | Add a canary query | Dana Kim | P2 | 2025-03-01 | Open |',
      '| AI-002 | Page on zero results | Dana Kim | P2 | 2025-06-30 | Open |',
      '| AI-003 | Restore shards | Dana Kim | P1 | 2025-01-08 | Closed |',
      '| AI-004 | Rebuild the cluster | Dana Kim | P3 | 2025-01-08 | Cancelled |',
    );
    assert.deepEqual(kit.check(text), []);
  });

  it('follows the injected today', () => {
    const text = table('| AI-001 | Add a canary query | Dana Kim | P2 | 2025-03-01 | Open |');
    assert.equal(ruleKit('action-item-overdue', '2025-03-02').check(text).length, 1);
    assert.equal(ruleKit('action-item-overdue', '2025-03-01').check(text).length, 0);
  });

  it('reads checkbox items: open and past due is overdue, ticked is not', () => {
    const text = `# Post-Mortem: Payments errors

## Incident Summary

**Severity:** P1

## Action Items

### Immediate (Within 24 hours)

- [ ] Post the maintenance calendar (Owner: @sokafor, Due: 2025-01-05)
- [x] Enable topology refresh (Owner: @mchen, Due: 2025-01-04)
`;
    assert.deepEqual(
      kit.check(text).map((x) => [x.range.start.line, x.message]),
      [[10, "Action item 'Post the maintenance calendar' was due 2025-01-05 and is still open: mark it done or agree a new date."]],
    );
  });
});
