// The workspace views' texts: durations as the rest of the product writes them, groups across cases.
import assert from 'node:assert/strict';
import { groupBy, minutes } from '../../client/src/viewText';
import { formatDuration } from '../../server/src/core';

describe('workspace views: texts', () => {
  it('a duration reads as the preview and `postmortem metrics` write it, to the minute', () => {
    for (let n = -3000; n <= 20_000; n += 7) assert.equal(minutes(n), formatDuration(n), `${n} minutes`);
    assert.equal(minutes(24 * 60 + 50), '1d 0h 50m');
    assert.equal(minutes(null), '—');
  });

  it('groups severities across cases under the spelling most documents use', () => {
    const groups = groupBy(
      ['High', 'HIGH', 'High', 'SEV-1', 'sev-1', 'Low'],
      (s) => s,
      (a, b) => a.localeCompare(b),
    );
    assert.deepEqual(
      groups.map((g) => [g.label, g.items.length]),
      [
        ['High', 3],
        ['Low', 1],
        ['SEV-1', 2],
      ],
    );
  });

  it('keeps every item, in the order given, and the first spelling among equals', () => {
    const items = [{ o: 'ops' }, { o: 'Ops' }, { o: 'db' }];
    const groups = groupBy(items, (i) => i.o);
    assert.deepEqual(
      groups.map((g) => [g.label, g.items]),
      [
        ['ops', [items[0], items[1]]],
        ['db', [items[2]]],
      ],
    );
  });
});
