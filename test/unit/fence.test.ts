import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

// The core must stay pure; this proves the lint rule that guards it actually fires.
describe('core purity fence (eslint)', function () {
  this.timeout(60000);
  const root = path.resolve(__dirname, '../..');
  const eslint = new ESLint({ cwd: root });
  const lint = async (file: string, code: string) => (await eslint.lintText(code, { filePath: path.join(root, file) }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports');

  for (const mod of ['vscode', 'node:fs', 'fs', 'vscode-languageserver/node', 'vscode-jsonrpc', 'path', 'node:path', 'os', 'node:url', 'crypto', 'worker_threads', 'node:test', 'util']) {
    it(`rejects '${mod}' in server/src/core`, async () => {
      const messages = await lint('server/src/core/example.ts', `import * as x from '${mod}';\nexport const y = x;\n`);
      assert.equal(messages.length, 1, JSON.stringify(messages));
    });
  }

  it('bans every Node built-in in the core, with and without the node: prefix', async () => {
    const { builtinModules } = await import('node:module');
    assert.ok(builtinModules.length > 40, `${builtinModules.length} built-ins`);
    for (const m of builtinModules.filter((b) => !b.startsWith('_'))) {
      for (const name of [m, `node:${m}`]) {
        const messages = await lint('server/src/core/example.ts', `import * as x from '${name}';\nexport const y = x;\n`);
        assert.equal(messages.length, 1, `${name}: ${JSON.stringify(messages)}`);
      }
    }
  });

  it('outside the core, the engine is imported through its index only', async () => {
    const deep = await lint('server/src/server.ts', `import { createService } from './core/service';\nexport const c = createService;\n`);
    assert.equal(deep.length, 1, JSON.stringify(deep));
    assert.equal((await lint('server/src/node/example.ts', `import type { Config } from '../core/template/schema';\nexport type C = Config;\n`)).length, 1);
    assert.equal((await lint('client/src/example.ts', `import type { Postmortem } from '../../server/src/core/model/types';\nexport type P = Postmortem;\n`)).length, 1);
    assert.deepEqual(await lint('server/src/server.ts', `import { createService } from './core';\nexport const c = createService;\n`), []);
    assert.deepEqual(await lint('server/src/node/example.ts', `import type { Config } from '../core/index';\nexport type C = Config;\n`), []);
  });

  it('allows LSP types in the core and fs outside it', async () => {
    assert.deepEqual(await lint('server/src/core/example.ts', `import type { Diagnostic } from 'vscode-languageserver-types';\nexport type D = Diagnostic;\n`), []);
    assert.deepEqual(await lint('server/src/node/example.ts', `import * as fs from 'node:fs';\nexport const f = fs;\n`), []);
  });
});
