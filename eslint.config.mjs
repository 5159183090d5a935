// Lint config. The key rule is the fence: server/src/core stays pure (no editor, no LSP
// transport, no file system), so the CLI, the server and the tests share one engine.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Every Node built-in, with and without the `node:` prefix, and those that exist only with it.
const nodeBuiltins = [...new Set([...builtinModules.flatMap((m) => [m, `node:${m}`]), 'node:test', 'node:test/reporters', 'node:sea', 'node:sqlite'])];

export const coreFence = {
  paths: [
    { name: 'vscode', message: 'server/src/core is pure: no vscode API.' },
    ...nodeBuiltins.map((name) => ({ name, message: 'server/src/core is pure: no Node built-ins (take text and values as input; the node/ folder does I/O).' })),
  ],
  patterns: [
    {
      group: [
        'vscode-languageserver',
        'vscode-languageserver/*',
        'vscode-languageserver-protocol',
        'vscode-languageserver-protocol/*',
        'vscode-jsonrpc',
        'vscode-jsonrpc/*',
        'vscode-languageclient',
        'vscode-languageclient/*',
      ],
      message: 'server/src/core is pure: no LSP transport (types from vscode-languageserver-types are fine).',
    },
  ],
};

// Outside the core, the engine is reached through its index only (server/src/core/index.ts).
export const coreDoor = {
  patterns: [{ regex: '(^|/)core/(?!index$).+', message: 'Import the engine through server/src/core (its index), not a module inside it.' }],
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
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'bench/**/*.ts'],
    ignores: ['server/src/core/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', coreDoor] },
  },
);
