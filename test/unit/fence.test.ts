import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

// The core must stay pure; this proves the lint rule that guards it actually fires.
describe('core purity fence (eslint)', function () {
  this.timeout(60000);
  const root = path.resolve(__dirname, '../..');
  const eslint = new ESLint({ cwd: root });
  const lint = async (file: string, code: string) => (await eslint.lintText(code, { filePath: path.join(root, file) }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports');

  for (const mod of ['vscode', 'node:fs', 'fs', 'vscode-languageserver/node', 'vscode-jsonrpc']) {
    it(`rejects '${mod}' in server/src/core`, async () => {
      const messages = await lint('server/src/core/example.ts', `import * as x from '${mod}';\nexport const y = x;\n`);
      assert.equal(messages.length, 1, JSON.stringify(messages));
    });
  }

  it('allows LSP types in the core and fs outside it', async () => {
    assert.deepEqual(await lint('server/src/core/example.ts', `import type { Diagnostic } from 'vscode-languageserver-types';\nexport type D = Diagnostic;\n`), []);
    assert.deepEqual(await lint('server/src/node/example.ts', `import * as fs from 'node:fs';\nexport const f = fs;\n`), []);
  });
});
