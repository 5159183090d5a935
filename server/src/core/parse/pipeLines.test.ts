import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, analyzeBlock } from './blockInfo';
import { parseMarkdown } from './markdown';

// Lines that all start with a pipe, outside a table, are read as holding nothing without the parser
// (blockInfo.ts): check that the parser agrees, on the lines Enter leaves below it in a long table
// and on random pipe lines with everything that could make structure.

const EMPTY = { headings: [], fields: [], items: [], rows: [], header: null };
const block = (lines: string[]) => ({ kind: 'other' as const, start: 0, end: lines.length - 1, source: lines.join('\n'), prefixLines: 0 });
/** What the parser makes of the lines, in the terms the model reads. */
const structure = (source: string) => {
  const kinds = new Set<string>();
  const walk = (n: { type: string; children?: unknown[] }) => {
    kinds.add(n.type);
    (n.children as (typeof n)[] | undefined)?.forEach(walk);
  };
  walk(parseMarkdown(source) as never);
  return ['heading', 'table', 'list', 'listItem'].filter((k) => kinds.has(k));
};

describe('parse: pipe lines outside a table hold no structure', () => {
  it('the rows below a blank line typed into a table', () => {
    const lines = ['| 10:02 | Checked `payments-api` — error rate unchanged at 38% | @dkim |', '| 10:05 | **Owner:** Dana | x |', '|---|---|', '| 10:09 | [link](http://x) <b>html</b> |'];
    const below = [lines[0]!, lines[1]!, lines[3]!];
    assert.deepStrictEqual(analyzeBlock(block(below)), EMPTY);
    assert.deepStrictEqual(analyze(block(below)), EMPTY, 'the parser reads the same');
    assert.deepStrictEqual(structure(lines.slice(0, 2).join('\n').replace('| x |', '') + '\n' + lines[2]), ['table'], 'a pipe line over a delimiter row is a table (the splitter makes it one)');
  });

  it('random pipe lines (property): the parser finds no heading, list or table, and no field at a line start', () => {
    const piece = fc.constantFrom(
      '|',
      ' ',
      '**Key:**',
      '**',
      '`',
      '```',
      '<div>',
      '</div>',
      '<!--',
      '-->',
      '[x](y)',
      '[x]: /u',
      '===',
      '---',
      ':-:',
      '#',
      '> ',
      '- ',
      '1. ',
      'text',
      '\\',
      '&amp;',
      '~~~',
      '    ',
    );
    const line = fc.tuple(fc.constantFrom('', ' ', '  ', '   '), fc.array(piece, { maxLength: 6 })).map(([lead, parts]) => `${lead}|${parts.join('')}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        // The splitter makes a table of a pipe line followed by a delimiter row; only the rest is 'other'.
        if (lines.some((l, i) => i > 0 && /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(l))) return;
        const source = lines.join('\n');
        assert.deepStrictEqual(structure(source), [], source);
        assert.deepStrictEqual(analyze(block(lines)), EMPTY, source);
        assert.deepStrictEqual(analyzeBlock(block(lines)), EMPTY);
      }),
      { seed: 20261126, numRuns: 2000 },
    );
  });
});
