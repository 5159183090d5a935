import assert from 'node:assert/strict';
import { parseDocument } from './document';
import { structureOnly } from './structureOnly';

describe('code fences', () => {
  const text = ['# Log', '', '- **Identified**: an error', '```certificate does not match```', '', '- 10:00 alert fires', '', '```', 'code', '```', ''].join('\n');

  it("'```inline```' on its own line opens no fence; a bare ``` does", () => {
    const { doc } = parseDocument(text);
    assert.deepEqual(
      [...doc.codeLines].sort((a, b) => a - b),
      [7, 8, 9],
    );
    assert.ok(doc.items.some((i) => i.line === 5 && i.text === '10:00 alert fires'));
    assert.deepEqual(
      [...structureOnly(text.split('\n')).codeLines].sort((a, b) => a - b),
      [7, 8, 9],
    );
  });

  it('a fence inside a list item, also after a blank line, is code too', () => {
    const lines = [
      '## Timeline',
      '',
      ' - **17:18** Noted trouble. Logs were',
      '    ```',
      '    Jan 20 17:18:41 franz bundle[600]: first',
      '    ```',
      '',
      '    The part to note is:',
      '    ```',
      '    Jan 20 17:18:41 franz bundle [600]: Please check',
      '    ```',
      ' - **17:19** An incident call was started',
      '',
      'Text.',
      '',
      '    10:00 indented code',
      '',
    ];
    const { doc } = parseDocument(lines.join('\n'));
    assert.deepEqual(
      [...doc.codeLines].sort((a, b) => a - b),
      [3, 4, 5, 8, 9, 10],
    );
    assert.deepEqual(
      doc.items.map((i) => i.line),
      [2, 11],
    );
  });
});
