import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeBlock } from './blockInfo';
import { simpleRowInfo } from './simpleRow';
import { parseDocument } from './document';
import { generatePostmortem, STYLES } from '../../../../bench/generate';
import { fixtureTexts } from '../../../../test/unit/helpers';

// Whenever the plain reader answers, its answer is exactly the parser's for the row under its header.
const HEAD = '| Time | Event | Owner |\n| --- | --- | --- |';
const parsed = (row: string, head = HEAD) => analyzeBlock({ kind: 'table-row', start: 0, end: 0, source: `${head}\n${row}`, prefixLines: 2 });

function check(row: string, head = HEAD): boolean {
  const fast = simpleRowInfo(row);
  if (fast) assert.deepStrictEqual(fast, parsed(row, head), JSON.stringify(row));
  return fast !== null;
}

describe('parse: table rows read without the parser (simpleRow.ts)', () => {
  it('reads the common shapes as the parser does, pipes in code spans and HTML included', () => {
    for (const row of [
      '| 14:03 | Alert fired | Dana |',
      '|14:06|Acknowledged|',
      '| 14:20 | **Rollback** of `api` | Lena | extra |',
      '| 10:02 | `grep a|b` | x |',
      '| 10:02 | <span title="|"> | x |',
      '| 10:02 | no closing pipe',
    ]) {
      assert.ok(check(row), `read without the parser: ${row}`);
    }
    assert.deepStrictEqual(simpleRowInfo('| 13:52 | Began |')!.rows, [
      {
        line: 0,
        cells: [
          { text: '13:52', start: 2, end: 7 },
          { text: 'Began', start: 10, end: 15 },
        ],
      },
    ]);
  });

  it('leaves to the parser what it cannot be sure of', () => {
    for (const row of ['| a \\| b | c |', '| a || c |', '| a | b | ', '|a|b|   ', '|', '| |', '  | a | b |', '|\ta | b |', 'a | b']) {
      assert.equal(simpleRowInfo(row), null, row);
      parsed(row); // and the parser reads it
    }
  });

  it('every row of the fixtures and generated documents', () => {
    const rows = [...fixtureTexts(), ...STYLES.map((s) => generatePostmortem(s, 30_000, 12))].flatMap((t) => t.split(/\r?\n/)).filter((l) => l.startsWith('|') && !/^\|[\s:|-]+\|?\s*$/.test(l));
    const read = rows.filter((r) => check(r)).length;
    assert.ok(rows.length > 300 && read > rows.length / 2, `${read} of ${rows.length} read without the parser`);
  });

  it('random rows built from tricky pieces (property)', () => {
    const piece = fc.constantFrom(
      '|',
      ' ',
      '  ',
      'a',
      '10:02',
      ':',
      '`',
      '**',
      '*',
      '_',
      '<b>',
      '<span a="',
      '">',
      '[x]',
      '(y)',
      '#',
      '-',
      '!',
      '&amp;',
      '\u00a0',
      'www.x.com',
      'http://x',
      'a@b.co',
      '~~',
      '"',
      '😀',
      '\\',
    );
    let read = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        if (check('|' + parts.join(''))) read++;
      }),
      { seed: 20261206, numRuns: 3000 },
    );
    assert.ok(read > 1000, `${read} of 3000 read without the parser`);
  });

  it('a document: plain rows under a real table header, none under a header that is not one', () => {
    // Rows under a header that is not a table (a setext heading, a delimiter of the wrong width) stay paragraphs.
    const text = [
      '## Timeline',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 10:00 | `a|b` began |',
      '| 10:05 | c |',
      '| 10:09 | d \\| e |',
      '',
      '| Time | Event |',
      '| --- | --- | --- |',
      '| 10:00 | not a row |',
      '| 10:05 | nor this |',
      '',
    ].join('\n');
    const { doc } = parseDocument(text);
    assert.deepEqual(
      doc.rows.map((r) => [r.line, r.cells.map((c) => c.text)]),
      [
        [4, ['10:00', '`a', 'b` began']],
        [5, ['10:05', 'c']],
        [6, ['10:09', 'd \\| e']],
      ],
    );
  });
});
