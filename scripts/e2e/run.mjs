#!/usr/bin/env node
// The end-to-end tests in a real VS Code (code-server 4.139.1 = VS Code 1.139.1), driven by
// Chromium through playwright-core. Needs `bash scripts/e2e/install.sh` first, the built extension
// (dist/), the bundled suite (out/test/suite/index.js) and the packaged postmortem-author.vsix;
// `npm run test:e2e` does all of that.
//
//  1. The mocha suite (test/e2e/suite) runs inside the extension host of code-server #1, which
//     loads the extension unpacked from the repository (extensionDevelopmentPath).
//  2. UI checks against the packaged .vsix installed into code-server #2: squiggles under a
//     placeholder, the Problems panel, and a screenshot (test-artifacts/editor.png; `npm run images`
//     copies it to docs/images for the README); then the live preview (test/e2e/ui/preview.ui.ts: the
//     summary card follows typing; test-artifacts/preview.png); a copied Slack conversation pasted
//     into a timeline (test/e2e/ui/paste.ui.ts: Ctrl+V, then "Paste as timeline entries" in the paste
//     menu); a hostile document in the preview (test/e2e/ui/security.ui.ts: it renders, no script of
//     it runs, no request leaves for another address; test-artifacts/security.png); the workspace
//     views and Insights (test/e2e/ui/workspace.ui.ts).
//
// Options: --suite-only, --ui-only, --keep (keep the run folder), --timeout <s> (suite, default 300),
//   --extension <dir> (default: the repository), --vsix <file>, --fixtures <dir> (default test/fixtures),
//   --only <names> (UI checks to run, comma-separated: editor, preview, paste, security, workspace).
// Prints `e2e: N passed, M failed` last; exits 1 when anything failed or timed out.
import { copyFileSync, mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  EXTENSION_ID,
  ROOT,
  VSIX,
  codeServerProfile,
  copyWorkspace,
  log,
  makeRunDir,
  missingPrerequisites,
  installVsix,
  onShutdown,
  startCodeServer,
  stopAll,
} from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    'suite-only': { type: 'boolean', default: false },
    'ui-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '300' },
    extension: { type: 'string', default: ROOT },
    vsix: { type: 'string', default: VSIX },
    fixtures: { type: 'string', default: join(ROOT, 'test', 'fixtures') },
    only: { type: 'string' },
  },
});
const ONLY = opts.only?.split(',').map((s) => s.trim());
const wanted = (name) => !ONLY || ONLY.includes(name);
const EXT_DIR = resolve(opts.extension);
const VSIX_FILE = resolve(opts.vsix);
const FIXTURES = resolve(opts.fixtures);
const ARTIFACTS = join(ROOT, 'test-artifacts');
const SUITE_TIMEOUT_MS = Number(opts.timeout) * 1000;

const results = []; // { name, ok, detail }
const record = (name, ok, detail = '') => {
  results.push({ name, ok, detail });
  console.log(`e2e: ${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};

mkdirSync(ARTIFACTS, { recursive: true });
const runDir = makeRunDir();
let browser;
onShutdown(() => {
  stopAll();
  browser?.close().catch(() => {});
  if (!opts.keep) rmSync(runDir, { recursive: true, force: true });
});

async function main() {
  const missing = missingPrerequisites();
  if (missing.length) throw new Error(`missing ${missing.join(', ')}; run: bash scripts/e2e/install.sh`);
  for (const f of ['dist/extension.js', 'dist/server.js', 'out/test/suite/index.js']) {
    if (!opts['ui-only'] && !existsSync(join(EXT_DIR, f))) throw new Error(`missing ${join(EXT_DIR, f)}; run: npm run build && node test/e2e/build.mjs`);
  }
  if (!opts['suite-only'] && !existsSync(VSIX_FILE)) throw new Error(`missing ${VSIX_FILE}; run: npm run package`);
  if (!existsSync(FIXTURES)) throw new Error(`missing fixtures folder ${FIXTURES}`);
  log(`run folder ${runDir}${opts.keep ? ' (kept)' : ''}`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });

  if (!opts['ui-only']) await runSuite();
  if (!opts['suite-only']) await runUiChecks();
}

/** Part 1: the mocha suite inside the extension host (the extension-tests payload). */
async function runSuite() {
  const started = Date.now();
  const profile = codeServerProfile(join(runDir, 'suite'));
  const workspace = copyWorkspace(FIXTURES, join(runDir, 'suite', 'workspace'));
  const server = await startCodeServer(profile, { extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  log(`code-server #1 (suite) at ${server.url} in ${Date.now() - started} ms`);

  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(EXT_DIR)],
    ['extensionTestsPath', remote(join(EXT_DIR, 'out', 'test', 'suite'))],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let summary;
  const exitCode = new Promise((resolveExit) => {
    page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code))).catch(() => {});
  });
  // Console messages are forwarded in order (formatting them is asynchronous).
  let consoleQueue = Promise.resolve();
  let listening = true; // off once the suite is over: closing the page makes the workbench complain
  page.on('console', (msg) => {
    if (!listening) return;
    consoleQueue = consoleQueue.then(async () => {
      const text = await formatConsole(msg);
      if (!listening) return;
      const m = /POSTMORTEM_E2E_RESULT (\{.*\})/.exec(text);
      if (m) summary = JSON.parse(m[1]);
      if (isNoise(text)) return;
      for (const line of text.split('\n')) console.log(`  | ${line}`);
    });
  });
  page.on('pageerror', (e) => listening && console.log(`  | [page error] ${e.message}`));
  await page.goto(url);

  let timer;
  const timeout = new Promise((r) => {
    timer = setTimeout(() => r('timeout'), SUITE_TIMEOUT_MS);
  });
  const code = await Promise.race([exitCode, timeout]);
  clearTimeout(timer);
  if (code !== 'timeout') await consoleQueue;
  listening = false;
  await context.close().catch(() => {});
  server.stop();

  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (code === 'timeout') {
    record('suite (extension host)', false, `timed out after ${SUITE_TIMEOUT_MS / 1000} s`);
    saveLog(profile, 'suite');
  } else if (summary) {
    for (let i = 0; i < summary.passed; i++) results.push({ name: `suite test ${i + 1}`, ok: true });
    for (let i = 0; i < summary.failed; i++) results.push({ name: `suite failure ${i + 1}`, ok: false });
    console.log(`e2e: suite: ${summary.passed} passed, ${summary.failed} failed, exit code ${code} (${took})`);
    if (code !== 0 && summary.failed === 0) record('suite exit code', false, `codeAutomationExit(${code})`);
    if (code !== 0) saveLog(profile, 'suite');
  } else {
    record('suite (extension host)', false, `exit code ${code} without a result line (did run() load? see output above)`);
    saveLog(profile, 'suite');
  }
}

/**
 * The workbench logs as console.log('%c LEVEL', 'color: ...', format, ...args) (the extension
 * host's console included): drop the styling, apply the printf-style format.
 */
async function formatConsole(msg) {
  let args;
  try {
    args = await Promise.all(msg.args().map((a) => a.jsonValue()));
  } catch {
    return msg.text();
  }
  if (args.length === 0) return msg.text();
  let level = '';
  if (typeof args[0] === 'string' && args[0].startsWith('%c')) {
    level = args[0].slice(2).trim();
    args = args.slice(2); // '%c LEVEL' and its CSS
  }
  const text = args.length ? format(...args) : '';
  return level && level !== 'INFO' ? `[${level}] ${text}` : text;
}

/** Workbench chatter that says nothing about the extension (this machine is offline, too). */
function isNoise(text) {
  return /Failed to load resource|authentication provider|same-origin iframe|allow-scripts and allow-same-origin|ENOTFOUND|connection token|Creating a socket|\[Service Worker\]|AccountPolicyGate|AgentHost|reconnection-grace-time|additional builtin extensions cache|Long running operations/i.test(
    text,
  );
}

function saveLog(profile, name) {
  const dest = join(ARTIFACTS, `code-server-${name}.log`);
  try {
    copyFileSync(profile.log, dest);
    log(`code-server log saved to ${dest}`);
  } catch {
    // no log
  }
}

/** Part 2: what a person sees, with the packaged extension installed from the .vsix. */
async function runUiChecks() {
  const started = Date.now();
  const failuresBefore = results.filter((r) => !r.ok).length;
  const profile = codeServerProfile(join(runDir, 'ui'));
  const workspace = copyWorkspace(FIXTURES, join(runDir, 'ui', 'postmortems'));
  const installed = installVsix(profile, VSIX_FILE);
  record('the .vsix installs into code-server', installed.includes(EXTENSION_ID), installed.replace(/\n/g, ', '));
  const server = await startCodeServer(profile, { workspace });
  log(`code-server #2 (UI) at ${server.url}`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const check = async (name, fn, shown = page) => {
    const t0 = Date.now();
    try {
      const detail = await fn();
      record(name, true, `${detail ?? ''} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      return true;
    } catch (e) {
      record(name, false, (e?.message ?? String(e)).split('\n')[0]);
      await shown.screenshot({ path: join(ARTIFACTS, `failure-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
      return false;
    }
  };

  const seedRel = 'seeds/standard.md';
  const seedText = readFileSync(join(workspace, seedRel), 'utf8');
  const severityLine = seedText.split('\n').findIndex((l) => l.includes('**Severity:** P0 | P1 | P2 | P3')) + 1;

  if (wanted('editor')) await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  const opened =
    wanted('editor') &&
    (await check('workbench opens the raw standard seed', async () => {
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      // Quick Open the file.
      await page
        .locator('.monaco-workbench')
        .click({ position: { x: 640, y: 400 } })
        .catch(() => {});
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 20_000 });
      await input.fill(seedRel);
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'standard.md' }).waitFor({ timeout: 20_000 });
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
      if (severityLine < 1) throw new Error(`${seedRel} has no line "**Severity:** P0 | P1 | P2 | P3"`);
      return `${seedRel}, severity options on line ${severityLine}`;
    }));

  if (opened) {
    await check('a red squiggle under the Severity placeholder', async () => {
      // Go to the Severity line so it is rendered, then find the squiggle on the same row.
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(`:${severityLine}`);
      await page.keyboard.press('Enter');
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
      const found = await page.waitForFunction(
        () => {
          const editorEl = document.querySelector('.editor-instance .monaco-editor');
          if (!editorEl) return false;
          const line = [...editorEl.querySelectorAll('.view-lines .view-line')].find(
            (l) => /Severity:/.test(l.textContent ?? '') && /P0\s*\|\s*P1/.test((l.textContent ?? '').replace(/\u00a0/g, ' ')),
          );
          if (!line) return false;
          const lineBox = line.getBoundingClientRect();
          const squiggles = [...editorEl.querySelectorAll('.squiggly-error')].filter((s) => {
            const b = s.getBoundingClientRect();
            return b.bottom > lineBox.top && b.top < lineBox.bottom;
          });
          if (squiggles.length === 0) return false;
          // The options "P0 | P1 | P2 | P3" start after "**Severity:** ": the squiggle is over them.
          const b = squiggles[0].getBoundingClientRect();
          return { x: b.left + Math.min(b.width / 2, 20), y: b.top + b.height / 2, width: b.width };
        },
        null,
        { timeout: 30_000 },
      );
      const box = await found.jsonValue();
      // Hovering the squiggle shows the diagnostic: its code names the rule.
      await page.mouse.move(box.x, box.y - 4);
      const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'placeholder' });
      await hover.first().waitFor({ timeout: 20_000 });
      const text = (await hover.first().innerText()).replace(/\s+/g, ' ').trim();
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      return `line ${severityLine}, hover: "${text.slice(0, 100)}"`;
    });

    await check('the Problems panel lists a placeholder problem', async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ timeout: 20_000 });
      const row = panel.locator('.monaco-list-row').filter({ hasText: 'placeholder' }).first();
      await row.waitFor({ timeout: 30_000 });
      const rows = await panel.locator('.monaco-list-row').count();
      return `${rows} rows; first: "${(await row.innerText()).replace(/\s+/g, ' ').slice(0, 100)}"`;
    });

    await check('screenshot of the editor with its problems', async () => {
      // Back to the editor, cursor at the top: the picture shows the title and the first fields.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+Home');
      await page.mouse.move(1270, 790);
      await page
        .locator('.monaco-hover:visible')
        .first()
        .waitFor({ state: 'hidden', timeout: 10_000 })
        .catch(() => {});
      // Tests write only to test-artifacts/; `npm run images` copies the pictures to docs/images.
      const shot = join(ARTIFACTS, 'editor.png');
      await page.screenshot({ path: shot });
      return shot;
    });
  }

  await context.close().catch(() => {});

  // The preview in a window of its own: a fresh browser context has no editor history (the workbench
  // keeps it in the browser), so Quick Open cannot pick the seed opened above instead of the file asked for.
  const previewContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const previewPage = await previewContext.newPage();
  if (wanted('preview'))
    await check(
      'the preview follows typing (summary card, screenshot)',
      async () => {
        const { previewCheck } = await loadUiCheck('preview.ui.ts');
        await previewPage.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
        return previewCheck(previewPage, workspace, { artifactsDir: ARTIFACTS });
      },
      previewPage,
    );
  await previewContext.close().catch(() => {});

  // A copied Slack conversation pasted into a timeline (test/e2e/ui/paste.ui.ts): the clipboard is the
  // browser's, so this window may read and write it.
  const pasteContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await pasteContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const pastePage = await pasteContext.newPage();
  if (wanted('paste'))
    await check(
      'a copied Slack conversation pastes as timeline rows and the preview durations update',
      async () => {
        const { pasteCheck } = await loadUiCheck('paste.ui.ts');
        await pastePage.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
        return pasteCheck(pastePage, workspace, { artifactsDir: ARTIFACTS });
      },
      pastePage,
    );
  await pasteContext.close().catch(() => {});

  // A hostile document in the preview (test/e2e/ui/security.ui.ts), in a window of its own as well: its
  // request and message recorders are on before the workbench loads. One result per verdict.
  const securityContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const securityPage = await securityContext.newPage();
  let verdicts = [];
  if (wanted('security'))
    await check(
      'a hostile document opens in the preview',
      async () => {
        const { securityChecks } = await loadUiCheck('security.ui.ts');
        verdicts = await securityChecks(securityPage, server.url, workspace, { artifactsDir: ARTIFACTS });
        return `${verdicts.length} verdicts`;
      },
      securityPage,
    );
  for (const v of verdicts) record(v.name, v.ok, v.detail);
  await securityContext.close().catch(() => {});

  // The Post-mortems and Action items views and Insights over the whole fixtures folder (test/e2e/ui/workspace.ui.ts).
  const workspaceContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const workspacePage = await workspaceContext.newPage();
  let workspaceVerdicts = [];
  if (wanted('workspace'))
    await check(
      'the workspace opens with the views',
      async () => {
        const { workspaceChecks } = await loadUiCheck('workspace.ui.ts');
        // A folder of its own: the workbench keeps unsaved-editor backups per folder, and one written while
        // an earlier check typed can land after that check's revert and come back here as an open edit.
        const views = copyWorkspace(FIXTURES, join(runDir, 'ui-views', 'postmortems'));
        workspaceVerdicts = await workspaceChecks(workspacePage, server.url, views, { artifactsDir: ARTIFACTS });
        return `${workspaceVerdicts.length} verdicts`;
      },
      workspacePage,
    );
  for (const v of workspaceVerdicts) record(v.name, v.ok, v.detail);
  await workspaceContext.close().catch(() => {});
  server.stop();
  if (results.filter((r) => !r.ok).length > failuresBefore) saveLog(profile, 'ui');
  log(`UI checks took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A UI check module from test/e2e/ui (TypeScript, with the helpers it imports): bundled by esbuild into the run folder, then imported. */
async function loadUiCheck(name) {
  const out = join(runDir, name.replace(/\.ts$/, '.mjs'));
  await build({ entryPoints: [join(ROOT, 'test', 'e2e', 'ui', name)], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'warning' });
  return import(pathToFileURL(out).href);
}

let failed = false;
try {
  await main();
} catch (e) {
  record('e2e run', false, e?.message ?? String(e));
  failed = true;
}
await browser?.close().catch(() => {});
stopAll();
const passed = results.filter((r) => r.ok).length;
const failedCount = results.filter((r) => !r.ok).length;
writeFileSync(join(ARTIFACTS, 'e2e-results.json'), JSON.stringify({ passed, failed: failedCount, results }, null, 2));
console.log(`e2e: ${passed} passed, ${failedCount} failed`);
process.exit(failed || failedCount > 0 || passed === 0 ? 1 : 0);
