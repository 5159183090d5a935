#!/usr/bin/env node
// Runs the end-to-end suite (out/test/suite) in desktop VS Code with @vscode/test-electron:
// `npm run test:electron`. It downloads VS Code into .vscode-test/ first, so it needs access to
// update.code.visualstudio.com; offline (as on the CI machines) the download fails and this
// runner is not used: `npm run test:e2e` runs the same suite in code-server instead.
//   VSCODE_VERSION=1.97.0 npm run test:electron     (default: stable)
//   VSCODE_EXECUTABLE=/path/to/code npm run test:electron   (use an installed VS Code, no download)
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = mkdtempSync(join(tmpdir(), 'postmortem-electron-'));
const workspace = join(run, 'workspace');
cpSync(join(root, 'test', 'fixtures'), workspace, { recursive: true }); // a fresh copy: tests edit

let code = 0;
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'suite'),
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: process.env.VSCODE_VERSION ?? 'stable' }),
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out; the one under test loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${join(run, 'user-data')}`,
    ],
  });
} catch (e) {
  console.error(`test-electron: ${e instanceof Error ? e.message : e}`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(String(e?.message ?? e))) {
    console.error('test-electron: could not download VS Code (offline?). Use `npm run test:e2e` (code-server) instead.');
  }
  code = 1;
} finally {
  rmSync(run, { recursive: true, force: true });
}
process.exit(code);
