import assert from 'node:assert/strict';
import { applyEdits, ruleKit, sevActionTable as table } from '../../../../test/unit/ruleKit';

const kit = ruleKit('action-item-duplicate-id');

const ROWS = [
  '| AI-001 | Validate allow-lists in CI | Dana Kim | P1 | 2025-04-01 | Open |',
  '| AI-002 | Add a canary query | Felix Braun | P2 | 2025-04-15 | Open |',
  '| AI-009 | Page on zero results | Ines Duarte | P2 | 2025-04-20 | Open |',
  '| AI-002 | Alert on checkout declines | Ines Duarte | P2 | 2025-04-22 | Open |',
];

describe('action-item-duplicate-id', () => {
  it('reports the later item reusing an id, on the id, naming the first line', () => {
    const d = kit.check(table(...ROWS));
    assert.equal(d.length, 1);
    assert.deepEqual(d[0]!.range, { start: { line: 17, character: 2 }, end: { line: 17, character: 8 } });
    assert.equal(d[0]!.message, "Action item id 'AI-002' is already used on line 16: give each action item its own id.");
    assert.equal(d[0]!.severity, 1);
  });

  it('compares ids without case or bold marks', () => {
    const d = kit.check(table(ROWS[0]!, '| **ai-001** | Add a canary query | Felix Braun | P2 | 2025-04-15 | Open |'));
    assert.deepEqual(
      d.map((x) => [x.range.start.character, x.range.end.character]),
      [[4, 10]],
    );
  });

  it('says nothing when every id is distinct, or for the template sample row', () => {
    assert.deepEqual(kit.check(table(ROWS[0]!, ROWS[1]!, ROWS[2]!)), []);
    assert.deepEqual(kit.check(table(ROWS[0]!, '| AI-001 | Action description | Name | P0/P1/P2 | YYYY-MM-DD | Open/Closed |')), []);
  });

  it('renumbers the repeat to the next free id, changing only the id', () => {
    const text = table(...ROWS);
    const { actions, edits } = kit.fixes(text);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [["Change id 'AI-002' to AI-010 (the next free id)", true]],
    );
    const fixed = applyEdits(text, edits(actions[0]!));
    assert.equal(fixed, table(ROWS[0]!, ROWS[1]!, ROWS[2]!, '| AI-010 | Alert on checkout declines | Ines Duarte | P2 | 2025-04-22 | Open |'));
    assert.deepEqual(kit.check(fixed), []);
  });

  it('offers no renumbering for an id without a number', () => {
    const text = table('| DNS | Lower the TTL | Dana Kim | P1 | 2025-04-01 | Open |', '| DNS | Add a resolver alert | Dana Kim | P1 | 2025-04-01 | Open |');
    assert.equal(kit.check(text).length, 1);
    assert.deepEqual(kit.fixes(text).actions, []);
  });
});
