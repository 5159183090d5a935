// Bundles the end-to-end suite (test/e2e/suite/*.ts) into out/test/suite/index.js, the module
// VS Code loads as `extensionTestsPath`. Mocha is bundled in; `vscode` stays external (the
// extension host provides it).
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['test/e2e/suite/index.ts'],
  outfile: 'out/test/suite/index.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // Mocha reaches for optional things (reporters by name, ESM loading of spec files) that this
  // bundle never uses; keep esbuild quiet about those dynamic requires.
  logOverride: { 'unsupported-require-call': 'silent', 'unsupported-dynamic-import': 'silent', 'require-resolve-not-external': 'silent' },
});
