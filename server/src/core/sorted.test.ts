import assert from 'node:assert/strict';
import { replaced } from './sorted';

describe('replaced', () => {
  const xs = [1, 2, 3, 4, 5];
  const plus10 = (x: number) => x + 10;

  it('replaces, inserts and removes at a place, moving what follows', () => {
    assert.deepEqual(replaced(xs, 2, 1, [30], plus10), [1, 2, 30, 14, 15]);
    assert.deepEqual(replaced(xs, 2, 0, [30, 31], plus10), [1, 2, 30, 31, 13, 14, 15]);
    assert.deepEqual(replaced(xs, 2, 2, [], null), [1, 2, 5]);
    assert.deepEqual(replaced(xs, 0, 0, [0], null), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(replaced(xs, 5, 0, [6], plus10), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(replaced([], 0, 0, [], null), []);
  });

  it('leaves the input as it was, and gives a packed array of the final length', () => {
    const out = replaced(xs, 1, 3, [9], plus10);
    assert.deepEqual(xs, [1, 2, 3, 4, 5]);
    assert.equal(out.length, 3);
    assert.deepEqual(Object.keys(out), ['0', '1', '2']);
  });
});
