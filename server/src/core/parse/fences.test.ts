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
});
