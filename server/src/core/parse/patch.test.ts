import assert from 'node:assert/strict';
import { parseDocument, type ParsedDocument } from './document';

// The one-line fast path must give exactly the parse a cold run gives, and must be taken only
// when the blocks around the edit cannot change.

const TABLE = ['# Incident', '', '## Timeline', '', '| Time | Event |', '|---|---|', '| 10:00 | Began |', '| 10:05 | Paged |', '| 10:20 | Restored |', '', '## After', 'text'];
const LIST = ['# Incident', '', '## Timeline', '', '- **10:00**: Began', '- **10:05**: Paged', '  continuation of paged', '- **10:20**: Restored', '', '## After'];

const comparable = (d: ParsedDocument) => ({
  lines: d.lines,
  headings: d.headings,
  fields: d.fields,
  items: d.items,
  rows: d.rows,
  tables: d.tables,
  frontMatter: d.frontMatter,
  codeLines: [...d.codeLines],
});

/** Parse `before`, then `after` incrementally: the result equals a cold parse; returns the edit seen. */
function step(before: string[], after: string[]) {
  const { cache } = parseDocument(before.join('\n'));
  const { doc } = parseDocument(after.join('\n'), cache);
  assert.deepStrictEqual(comparable(doc), comparable(parseDocument(after.join('\n')).doc));
  return doc.edit;
}
const replace = (lines: string[], at: number, ...put: string[]) => [...lines.slice(0, at), ...put, ...lines.slice(at + 1)];
const insert = (lines: string[], at: number, ...put: string[]) => [...lines.slice(0, at), ...put, ...lines.slice(at)];

describe('parse: one-line edits (patch.ts)', () => {
  it('a character typed in a row is a row edit', () => {
    assert.deepStrictEqual(step(TABLE, replace(TABLE, 7, '| 10:05 | Paged the on-call |')), { line: 7, removed: 1, added: 1, kind: 'table-row', rowsRemoved: 1, rowsAdded: 1 });
  });

  it('a row added below another, or after the header, and a row removed', () => {
    assert.equal(step(TABLE, insert(TABLE, 8, '| 10:10 | Rolled back |'))?.added, 1);
    assert.equal(step(TABLE, insert(TABLE, 6, '|'))?.kind, 'table-row');
    assert.equal(step(TABLE, insert(TABLE, 9, '| 11:00 | after the last row |'))?.line, 9);
    assert.deepStrictEqual(step(TABLE, [...TABLE.slice(0, 7), ...TABLE.slice(8)]), { line: 7, removed: 1, added: 0, kind: 'table-row', rowsRemoved: 1, rowsAdded: 0 });
  });

  it('a list item added between items, typed into, and removed', () => {
    assert.equal(step(LIST, insert(LIST, 5, '-'))?.kind, 'list-item');
    assert.equal(step(LIST, replace(LIST, 4, '- **10:00**: Began to fail'))?.kind, 'list-item');
    assert.equal(step(LIST, [...LIST.slice(0, 4), ...LIST.slice(5)])?.removed, 1);
  });

  it('Enter in a table, then a row typed on the new line: read as the row added to the version before the Enter', () => {
    const split = insert(TABLE, 8, '');
    const typed = insert(TABLE, 8, '|');
    const afterEnter = parseDocument(split.join('\n'), parseDocument(TABLE.join('\n')).cache);
    assert.equal(afterEnter.doc.edit, undefined, 'the blank line ends the table: the full path');
    const { doc, cache } = parseDocument(typed.join('\n'), afterEnter.cache);
    assert.equal(doc.editFromBefore, true);
    assert.deepStrictEqual(doc.edit, { line: 8, removed: 0, added: 1, kind: 'table-row', rowsRemoved: 0, rowsAdded: 1 });
    assert.deepStrictEqual(comparable(doc), comparable(parseDocument(typed.join('\n')).doc));
    // The cache is what the row added straight to the first version leaves: the split version's blocks are out of it.
    const direct = parseDocument(typed.join('\n'), parseDocument(TABLE.join('\n')).cache).cache;
    assert.deepStrictEqual(new Map(cache), new Map(direct));
    assert.deepStrictEqual(cache.last!.counts, direct.last!.counts);
    // The next key is a one-line edit of this version; two versions back is as far as it goes.
    const next = parseDocument(replace(typed, 8, '| ').join('\n'), cache).doc;
    assert.equal(next.edit?.kind, 'table-row');
    assert.equal(next.editFromBefore, undefined);
    // Enter twice (each a full parse), then a row on the first blank line: as a cold parse reads it.
    const enter = parseDocument(split.join('\n'), parseDocument(TABLE.join('\n')).cache);
    const twice = parseDocument(insert(split, 8, '').join('\n'), enter.cache);
    const row = insert(split, 8, '|');
    assert.deepStrictEqual(comparable(parseDocument(row.join('\n'), twice.cache).doc), comparable(parseDocument(row.join('\n')).doc));
  });

  it('edits that can change the blocks around them take the full path, with the same result', () => {
    assert.equal(step(TABLE, insert(TABLE, 7, '')), undefined, 'a blank line splits the table');
    assert.equal(step(TABLE, replace(TABLE, 7, '```| fence')), undefined, 'a fence');
    assert.equal(step(TABLE, replace(TABLE, 7, '## Heading | with a pipe')), undefined, 'a heading ends the rows');
    assert.equal(step(TABLE, replace(TABLE, 7, 'no pipe')), undefined, 'a line without a pipe ends the table');
    assert.equal(step(TABLE, replace(TABLE, 5, '|---|---|---|')), undefined, 'the delimiter row');
    assert.equal(step(LIST, insert(LIST, 6, '- new')), undefined, 'an item before a continuation line takes it over');
    assert.equal(step(LIST, replace(LIST, 5, '  - indented')), undefined, 'an item that becomes a continuation');
    assert.equal(step(LIST, replace(LIST, 4, '- | a | b |')), undefined, 'a pipe');
    assert.equal(step(['---', 'title: x', '---', '| a |'], ['---', 'title: y', '---', '| a |']), undefined, 'front matter');
  });

  it('an item holding a field is not a simple edit (fields are read document-wide)', () => {
    assert.equal(step(LIST, replace(LIST, 4, '- **Owner:** Dana')), undefined);
    assert.equal(step(LIST, insert(LIST, 5, '- **Severity:** SEV2')), undefined);
  });
});
