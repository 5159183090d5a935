import assert from 'node:assert/strict';
import { Carried } from './carried';

describe('Carried: per-element results from the last version', () => {
  const counting = () => {
    const seen: string[] = [];
    return { seen, compute: (k: string) => (seen.push(k), k.toUpperCase()) };
  };

  it('computes only the elements between the unchanged start and the unchanged end', () => {
    const carried = new Carried<string, string>();
    const first = counting();
    assert.deepEqual(carried.map(['a', 'b', 'c', 'd', 'e'], first.compute), ['A', 'B', 'C', 'D', 'E']);
    assert.deepEqual(first.seen, ['a', 'b', 'c', 'd', 'e']);
    // 'c' edited to 'x' and a line 'y' inserted after it: only those two are new.
    const next = counting();
    assert.deepEqual(carried.map(['a', 'b', 'x', 'y', 'd', 'e'], next.compute), ['A', 'B', 'X', 'Y', 'D', 'E']);
    assert.deepEqual(next.seen, ['x', 'y']);
    // Deleting the last line: nothing to compute.
    const shorter = counting();
    assert.deepEqual(carried.map(['a', 'b', 'x', 'y', 'd'], shorter.compute), ['A', 'B', 'X', 'Y', 'D']);
    assert.deepEqual(shorter.seen, []);
    // Changes at both ends (one edit never does that): everything between them again.
    const both = counting();
    assert.deepEqual(carried.map(['b', 'x', 'y', 'z'], both.compute), ['B', 'X', 'Y', 'Z']);
    assert.deepEqual(both.seen, ['b', 'x', 'y', 'z']);
  });

  it('starts afresh for another source, and keeps no alias of the caller’s list', () => {
    const carried = new Carried<string, string>();
    const keys = ['a', 'b'];
    carried.map(keys, (k) => k + '1', 'one');
    keys[1] = 'z';
    assert.deepEqual(
      carried.map(['a', 'b'], (k) => k + '1', 'one'),
      ['a1', 'b1'],
    );
    assert.deepEqual(
      carried.map(['a', 'b'], (k) => k + '2', 'two'),
      ['a2', 'b2'],
    );
  });

  it('compares objects by identity: an equal-looking new object is computed again', () => {
    const carried = new Carried<{ n: number }, number>();
    const a = { n: 1 };
    const b = { n: 2 };
    let calls = 0;
    const compute = (o: { n: number }) => (calls++, o.n * 10);
    carried.map([a, b], compute);
    assert.deepEqual(carried.map([a, { n: 2 }], compute), [10, 20]);
    assert.equal(calls, 3);
  });
});
