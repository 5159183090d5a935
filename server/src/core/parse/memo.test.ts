import assert from 'node:assert/strict';
import { TextMemo, detach, keptTextMemo } from './memo';
import { EngineState, within } from '../state';

describe('TextMemo', () => {
  it('computes a text once, and again only after it was forgotten', () => {
    const calls: string[] = [];
    const memo = new TextMemo((t) => (calls.push(t), t.length));
    assert.equal(memo.get('abc'), 3);
    assert.equal(memo.get('abc'), 3);
    assert.equal(memo.get('de'), 2);
    assert.deepEqual(calls, ['abc', 'de']);
    memo.clear();
    assert.equal(memo.get('abc'), 3);
    assert.deepEqual(calls, ['abc', 'de', 'abc']);
  });

  it('keeps two generations: what is used again survives, what is not is dropped', () => {
    const calls: string[] = [];
    const memo = new TextMemo((t) => (calls.push(t), t.toUpperCase()), 2);
    memo.get('a');
    memo.get('b'); // generation 1 full: {a, b}
    memo.get('c'); // generation 1 becomes the previous one; current {c}
    memo.get('a'); // found in the previous generation, moves forward: current {c, a}
    memo.get('d'); // current full again: previous {c, a}, current {d}; b is gone
    assert.deepEqual(calls, ['a', 'b', 'c', 'd']);
    memo.get('a');
    memo.get('b');
    assert.deepEqual(calls, ['a', 'b', 'c', 'd', 'b']);
  });

  it('keeps null results (only undefined means "not cached")', () => {
    let n = 0;
    const memo = new TextMemo(() => (n++, null));
    memo.get('x');
    memo.get('x');
    assert.equal(n, 1);
  });

  it('is kept per engine state: another state computes again, and outside any state nothing is kept', () => {
    const calls: string[] = [];
    const memo = keptTextMemo((t) => (calls.push(t), t.length));
    const one = new EngineState();
    const two = new EngineState();
    within(one, () => memo.get('abc'));
    within(one, () => memo.get('abc'));
    within(two, () => memo.get('abc'));
    assert.deepEqual(calls, ['abc', 'abc']);
    memo.get('abc');
    memo.get('abc');
    assert.deepEqual(calls, ['abc', 'abc', 'abc', 'abc']);
    one.dispose();
    within(one, () => memo.get('abc'));
    assert.equal(calls.length, 5);
  });

  it('detach returns an equal string', () => {
    const doc = 'line one of a document\nline two of a document';
    const line = doc.split('\n')[1]!;
    assert.equal(detach(line), 'line two of a document');
    assert.equal(detach('short'), 'short');
  });
});
