// Lint config. The key rule is the fence: server/src/core stays pure (no editor, no LSP
// transport, no file system), so the CLI, the server and the tests share one engine.
import tseslint from 'typescript-eslint';

export const coreFence = {
  paths: [
    { name: 'vscode', message: 'server/src/core is pure: no vscode API.' },
    { name: 'fs', message: 'server/src/core is pure: no file system; take text as input.' },
    { name: 'node:fs', message: 'server/src/core is pure: no file system; take text as input.' },
    { name: 'fs/promises', message: 'server/src/core is pure: no file system.' },
    { name: 'node:fs/promises', message: 'server/src/core is pure: no file system.' },
    { name: 'child_process', message: 'server/src/core is pure.' },
    { name: 'node:child_process', message: 'server/src/core is pure.' },
  ],
  patterns: [
    { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'server/src/core is pure: no LSP transport (types from vscode-languageserver-types are fine).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'media/**/*.js', 'bench-results/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    ignores: ['server/src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', coreFence] },
  },
);
