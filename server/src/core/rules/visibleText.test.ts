import assert from 'node:assert/strict';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { hasComments, visibleText } from './visibleText';

const model = (text: string) => createService({ templates: loadBuiltinTemplates(), today: () => '2025-05-01' }).model({ uri: 'file:///ws/pm.md', version: 1, text });

describe('visibleText', () => {
  const text = ['---', 'title: x', '---', '# Post-Mortem: X', 'Keep <!-- hide', 'still hidden', 'end --> shown `code` here', '```', 'blame', '```'].join('\n');

  it('blanks front matter, comments across lines and fenced code, keeping columns', () => {
    const m = model(text);
    const visible = visibleText(m);
    assert.deepEqual(
      m.lines.map((_, i) => visible(i)),
      ['   ', '        ', '   ', '# Post-Mortem: X', 'Keep          ', '            ', '        shown `code` here', '   ', '     ', '   '],
    );
    assert.equal(visible(10), undefined);
    assert.equal(hasComments(m), true);
  });

  it('hides code spans on request, and answers any line in any order', () => {
    const visible = visibleText(model(text), { hideCodeSpans: true });
    assert.equal(visible(6), '        shown        here');
    assert.equal(visible(5), '            ');
    assert.equal(visible(3), '# Post-Mortem: X');
  });

  it('a document without comments shows its lines as written', () => {
    const m = model('# Post-Mortem: X\n\nIt was `human error`.\n');
    assert.equal(hasComments(m), false);
    assert.equal(visibleText(m)(2), 'It was `human error`.');
    assert.equal(visibleText(m, { hideCodeSpans: true })(2), 'It was              .');
  });
});
