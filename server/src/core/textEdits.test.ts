import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyTextEdits, diffEdit } from './textEdits';

describe('text edits', () => {
  it('apply as LSP does: from the end, insertions at one point in order', () => {
    const text = 'ab\ncd';
    const out = applyTextEdits(text, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'X' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'Y' },
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, newText: 'B' },
    ]);
    assert.equal(out, 'aB\nXYcd');
  });

  it('a diff edit turns any text into any other, with positions inside lines (CR, LF, CRLF) (property)', () => {
    const piece = fc.oneof(fc.constantFrom('\n', '\r\n', '\r', 'a', 'b', ' '), fc.string({ maxLength: 3 }));
    const text = fc.array(piece, { maxLength: 20 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const e = diffEdit(before, after);
        assert.equal(applyTextEdits(before, [e]), after);
        const ls = before.split(/\r\n|\r|\n/);
        for (const p of [e.range.start, e.range.end]) assert.ok(p.line < ls.length && p.character <= ls[p.line]!.length, JSON.stringify(e));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
