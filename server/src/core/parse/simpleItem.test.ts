import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from './blockInfo';
import { simpleItemInfo } from './simpleItem';
import { generatePostmortem, STYLES } from '../../../../bench/generate';
import { fixtureTexts } from '../../../../test/unit/helpers';

// Whenever the plain reader answers, its answer is exactly the markdown parser's.
const parsed = (line: string) => analyze({ kind: 'list-item', start: 0, end: 0, source: line, prefixLines: 0 });

function check(line: string): boolean {
  const fast = simpleItemInfo(line);
  if (fast) assert.deepStrictEqual(fast, parsed(line), JSON.stringify(line));
  return fast !== null;
}

describe('parse: one-line list items read without the parser (simpleItem.ts)', () => {
  it('reads the common shapes as the parser does', () => {
    for (const line of [
      '- **10:02 AM**: Checked `payments-api`',
      '1. plain text',
      '- [ ] Fix it - Owner: @mei',
      '- [x] Done',
      '* **Severity:** SEV2',
      '+ **Was it detected?** Yes',
      '10) **Time (UTC):** 14:05',
      '-    four spaces',
    ]) {
      assert.ok(check(line), `read without the parser: ${line}`);
    }
    assert.deepStrictEqual(simpleItemInfo('- **Owner:** Dana Kim')!.fields[0], { line: 0, key: 'Owner', keyStart: 2, keyEnd: 12, valueStart: 13, valueEnd: 21, raw: 'Dana Kim', listDepth: 1 });
  });

  it('leaves to the parser what it cannot be sure of', () => {
    for (const line of [
      '- - nested',
      '- 1. nested',
      '- * * *',
      '-     five spaces is code',
      '- **a***b',
      '- **www.x.com**: y',
      '- `code`',
      '- [link](x)',
      '-\ttab',
      '- **x:**y',
      '- __Key:__ v',
      '-',
    ]) {
      assert.equal(simpleItemInfo(line), null, line);
      parsed(line); // and the parser reads it
    }
  });

  it('every one-line item of the fixtures and generated documents', () => {
    const lines = [...fixtureTexts(), ...STYLES.map((s) => generatePostmortem(s, 30_000, 11))].flatMap((t) => t.split(/\r?\n/)).filter((l) => /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(l));
    const read = lines.filter(check).length;
    assert.ok(lines.length > 300 && read > lines.length / 2, `${read} of ${lines.length} read without the parser`);
  });

  it('random lines built from tricky pieces (property)', () => {
    const piece = fc.constantFrom(
      '**',
      '*',
      '_',
      '__',
      '`',
      'Key',
      'Time (UTC)',
      ':',
      ': ',
      ' ',
      '  ',
      '10:02 AM',
      '?',
      'www.x.com',
      'a@b.co',
      'http://x',
      '[',
      ']',
      '(',
      ')',
      '<!--',
      '-->',
      '<b>',
      '1.',
      '2)',
      '\\',
      '&amp;',
      '!',
      'ümlaut',
      '😀',
      '#',
      '>',
      '|',
      '---',
      '.',
      ',',
      '~~',
      '$',
      '"',
    );
    const line = fc.tuple(
      fc.constantFrom('-', '*', '+', '1.', '2)', '10.'),
      fc.constantFrom(' ', '  ', '   ', '    ', '     '),
      fc.constantFrom('', '[ ] ', '[x] ', '[X] ', '[] '),
      fc.constantFrom('', 'A', 'x', '9', '**Key', '**10:02 AM', '**Time (UTC)', '**a'),
      fc.array(piece, { maxLength: 8 }),
      fc.constantFrom('', ' ', 'A', 'x'),
    );
    let read = 0;
    fc.assert(
      fc.property(line, ([marker, space, box, head, parts, tail]) => {
        if (check(marker + space + box + head + parts.join('') + tail)) read++;
      }),
      { seed: 20261126, numRuns: 3000 },
    );
    assert.ok(read > 600, `${read} of 3000 read without the parser`);
  });
});
