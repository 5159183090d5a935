import assert from 'node:assert/strict';
import fc from 'fast-check';
import { linesOf, relines } from './lines';

describe('relines', () => {
  it('re-splits only around the edit and keeps the other lines as they were', () => {
    const prev = linesOf('a\nb\nc\nd\ne');
    const next = relines(prev, 'a\nb\nX\nd\ne');
    assert.deepEqual(next.lines, ['a', 'b', 'X', 'd', 'e']);
    assert.deepEqual([...next.starts], [0, 2, 4, 6, 8]);
    assert.equal(next.lines[0], prev.lines[0]);
    assert.equal(next.lines[4], prev.lines[4]);
  });

  it('handles \\r\\n, lone \\r and a break split or joined by the edit', () => {
    const cases: [string, string][] = [
      ['a\r\nb', 'a\rb'],
      ['a\rb', 'a\r\nb'],
      ['a\nb', 'a\r\nb'],
      ['a\r\nb\r\n', 'a\r\nb\r\nc'],
      ['', '\n'],
      ['x', ''],
      ['a\n\nb', 'a\nb'],
    ];
    for (const [before, after] of cases) {
      const expected = linesOf(after);
      const got = relines(linesOf(before), after);
      assert.deepEqual(got.lines, expected.lines, JSON.stringify([before, after]));
      assert.deepEqual([...got.starts], [...expected.starts], JSON.stringify([before, after]));
    }
  });

  it('equals a fresh split after any chain of edits (property)', () => {
    const chunk = fc.constantFrom('a', 'bc', ' ', '|', '\n', '\r', '\r\n', '\n\n', 'line\n', '\r\r', '');
    const text = fc.array(chunk, { maxLength: 30 }).map((c) => c.join(''));
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: text });
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        let prev = linesOf(start);
        let current = start;
        for (const e of edits) {
          const at = e.at % (current.length + 1);
          current = current.slice(0, at) + e.insert + current.slice(at + e.remove);
          prev = relines(prev, current);
          const fresh = linesOf(current);
          assert.deepEqual(prev.lines, fresh.lines);
          assert.deepEqual([...prev.starts], [...fresh.starts]);
        }
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('equals a fresh split after edits to a long text (property)', () => {
    // Both kinds of line break, so chunk boundaries fall anywhere.
    const base = Array.from({ length: 3000 }, (_, i) => `| ${i} | row ${i} |${i % 3 ? '\n' : '\r\n'}`).join('');
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.constantFrom('', 'x', '\n', '\r\n', '\r', 'a\nb\n', '| new | row |\n') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let prev = linesOf(base);
        let current = base;
        for (const e of edits) {
          const at = e.at % (current.length + 1);
          current = current.slice(0, at) + e.insert + current.slice(at + e.remove);
          prev = relines(prev, current);
          assert.deepEqual(prev.lines, linesOf(current).lines);
          assert.deepEqual([...prev.starts], [...linesOf(current).starts]);
        }
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});
