import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeBlock, analyzeItems, analyzeRows, type BlockInfo } from './blockInfo';
import { splitBlocks } from './blocks';

// analyzeRows / analyzeItems read many rows of a table, or list items, in one parse; they must
// give exactly what analyzeBlock gives for each block parsed alone (the cache mixes both), or
// decline (null).
const alone = (head: string, row: string): BlockInfo => analyzeBlock({ kind: 'table-row', start: 0, end: 0, source: `${head}\n${row}`, prefixLines: 2 });

function agrees(head: string, rows: string[]): BlockInfo[] | null {
  const together = analyzeRows(head, rows);
  if (together)
    assert.deepStrictEqual(
      together,
      rows.map((r) => alone(head, r)),
      `head ${JSON.stringify(head)}, rows ${JSON.stringify(rows)}`,
    );
  return together;
}

describe('analyzeRows', () => {
  it('reads ordinary rows like one parse per row, cells and all', () => {
    const head = '| Time (UTC) | Event | Owner |\n| :-- | :-- | :-- |';
    const rows = [
      '| 13:52 | Incident began: first 5xx from `payments-api` | Dana |',
      '| 14:03 | **Alert** fired \\| paged | Omar Haddad |',
      '|14:06|Acknowledged|',
      '| 14:20 | [Runbook](https://x.example/a|b) | Lena | extra |',
    ];
    const infos = agrees(head, rows);
    assert.ok(infos, 'an ordinary table is read in one parse');
    assert.deepEqual(infos[0]!.rows, [
      {
        line: 0,
        cells: [
          { text: '13:52', start: 2, end: 7 },
          { text: 'Incident began: first 5xx from `payments-api`', start: 10, end: 55 },
          { text: 'Dana', start: 58, end: 62 },
        ],
      },
    ]);
    // Two cells only (no padding to the header), and an escaped pipe stays in its cell.
    assert.deepEqual(
      infos[2]!.rows[0]!.cells.map((c) => c.text),
      ['14:06', 'Acknowledged'],
    );
    assert.deepEqual(
      infos[1]!.rows[0]!.cells.map((c) => c.text),
      ['14:03', '**Alert** fired \\| paged', 'Omar Haddad'],
    );
  });

  it('declines when a line does not continue the table (the caller reads those rows alone)', () => {
    const head = '| Time | Event |\n|---|---|';
    assert.equal(agrees(head, ['| 10:00 | a |', '> quoted | b', '| 10:05 | c |']), null);
    assert.equal(agrees(head, ['| 10:00 | a |', '', '| 10:05 | c |']), null);
    assert.equal(agrees('| Time | Event |\n|---|---|---|', ['| 10:00 | a |', '| 10:05 | b |']), null);
  });

  it('blanks after the closing pipe do not end up in the last cell', () => {
    const head = '| Time | Event |\n|---|---|';
    for (const [row, cells] of [
      ['| 14:05 | ', ['14:05']],
      ['| 10:00 | Deploy started |  ', ['10:00', 'Deploy started']],
      ['|10:00|Deploy|\t', ['10:00', 'Deploy']],
      ['| 10:00 | a \\| ', ['10:00', 'a \\|']],
    ] as const) {
      assert.deepEqual(
        alone(head, row).rows[0]!.cells.map((c) => c.text),
        cells,
        row,
      );
    }
    assert.deepEqual(alone(head, '| 10:00 | Deploy started |  ').rows[0]!.cells[1], { text: 'Deploy started', start: 10, end: 24 });
  });

  it('agrees with one parse per row on arbitrary row text (property)', () => {
    const piece = fc.constantFrom(
      '|',
      ' | ',
      '\\|',
      '`',
      '`a|b`',
      '**',
      '*',
      '_',
      '[x](y)',
      '<b>',
      '<!--',
      '-->',
      '> ',
      '# ',
      '- ',
      '1. ',
      '    ',
      '\t',
      '10:00',
      'word',
      '&amp;',
      ':--',
      '---',
      '~~~',
      '```',
      '[ ]',
      'www.example.com',
      'a@b.co',
      '\\',
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    // Mostly rows that keep the table going (so the one-parse path is taken), some anything.
    const row = fc.oneof({ weight: 1, arbitrary: text }, { weight: 3, arbitrary: text.map((t) => `| ${t} |`) });
    const head = fc.constantFrom('| Time | Event |\n|---|---|', '| Time (UTC) | Event | Owner |\n| :-- | :--: | --: |', 'Time | Event\n--- | ---', '| a |\n|---|');
    fc.assert(
      fc.property(head, fc.array(row, { minLength: 1, maxLength: 12 }), (h, rows) => {
        agrees(h, rows);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('analyzeItems', () => {
  /** The list-item blocks splitBlocks makes of `text`, read together and alone. */
  function agreesOn(text: string): BlockInfo[] | null {
    const blocks = splitBlocks(text.split('\n')).filter((b) => b.kind === 'list-item');
    if (!blocks.length) return null;
    const together = analyzeItems(blocks.map((b) => b.source));
    if (together) assert.deepStrictEqual(together, blocks.map(analyzeBlock), JSON.stringify(text));
    return together;
  }

  it('reads timeline bullets and checkbox items like one parse per item', () => {
    const text = [
      '- **11:32 PM**: Incident began: first timeouts',
      '- **11:41 PM**: Alert fired; primary on-call paged',
      '  continued on the next line',
      '  - a nested note with **Owner:** Mei',
      '* [x] **Separate pool-size keys**: Give staging its own key - Owner: Ravi Shah, Due: 2027-01-08',
      '1. numbered item',
      '2) another kind of list',
      '- ',
      '-',
      '  ## a heading inside an item',
      '- | a | b |',
      '  |---|---|',
      '  | 1 | 2 |',
    ].join('\n');
    const infos = agreesOn(text);
    assert.ok(infos, 'ordinary items are read in one parse');
    assert.equal(infos.length, 8);
    assert.deepEqual(
      infos[1]!.items.map((i) => [i.line, i.endLine, i.depth, i.text]),
      [
        [0, 2, 1, '**11:41 PM**: Alert fired; primary on-call paged'],
        [2, 2, 2, 'a nested note with **Owner:** Mei'],
      ],
    );
    assert.deepEqual(infos[2]!.items[0]!.checked, true);
    assert.equal(infos[7]!.rows.length, 2); // in a list item the header row counts as a row too
  });

  it('declines reference definitions and lines that leave the item', () => {
    assert.equal(agreesOn('- see [the runbook]\n- [the runbook]: https://x.example'), null);
    assert.equal(agreesOn('- a\n > quoted, not in the item\n- b'), null);
  });

  it('agrees with one parse per item on arbitrary items (property)', () => {
    const piece = fc.constantFrom(
      '**11:44 PM**',
      '**Owner:**',
      ' ',
      'text',
      '`code`',
      '[ ] ',
      '[x] ',
      '<!--',
      '-->',
      '<div>',
      '**',
      '*',
      '_',
      '# ',
      '> ',
      '|',
      '---',
      '```',
      '~~~',
      '\\',
      '[link](u)',
      '[ref]',
      '1. ',
      '- ',
      'www.example.com',
      '\t',
      '&lt;',
      '===',
    );
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    const marker = fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '-', '10. ');
    const indent = fc.constantFrom('  ', '   ', '    ', '\t', ' ', '      ');
    const item = fc.tuple(marker, text, fc.array(fc.tuple(indent, text), { maxLength: 3 })).map(([m, first, more]) => [m + first, ...more.map(([i, t]) => i + t)].join('\n'));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), (items) => {
        agreesOn(items.join('\n'));
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});
