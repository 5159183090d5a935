// The end-to-end suite's entry point: VS Code loads this module from `extensionTestsPath`
// (out/test/suite/index.js, bundled by test/e2e/build.mjs) inside the extension host and awaits
// run(). Mocha is bundled in; `vscode` is the host's own module.
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.POSTMORTEM_E2E_GREP;
  if (grep) mocha.grep(grep);
  // Test files are bundled into this file, so mocha cannot load them itself: set up the tdd
  // globals (suite, test, ...) the way mocha does before loading a file, then load them.
  const files: Array<[string, () => unknown]> = [
    ['diagnostics.test.ts', () => require('./diagnostics.test')],
    ['quickfix.test.ts', () => require('./quickfix.test')],
    ['completion.test.ts', () => require('./completion.test')],
    ['snippets.test.ts', () => require('./snippets.test')],
    ['editor.test.ts', () => require('./editor.test')],
  ];
  for (const [name, load] of files) {
    mocha.suite.emit('pre-require', globalThis, name, mocha);
    load();
  }

  const started = Date.now();
  const failures = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
  // One machine-readable line for the runners (scripts/e2e/run.mjs counts from it).
  console.log(`POSTMORTEM_E2E_RESULT ${JSON.stringify({ ...failures, ms: Date.now() - started })}`);
  if (failures.failed > 0) throw new Error(`${failures.failed} end-to-end test(s) failed`);
}
