// UI check for the end-to-end runner (scripts/e2e/run.mjs): the preview in a real VS Code (code-server).
// Opens filled/standard.md, runs "Postmortem: Open Preview to the Side" from the command palette, reads
// the summary card inside the webview, types a new "resolved" timeline entry in the editor, waits for
// the computed duration to change (and measures how long that took), clicks a chart tick (the cursor
// goes to its line), opens the Problems panel from the preview, exports the HTML next to the file, and
// saves a screenshot of editor + preview side by side.
//
// Erasable TypeScript only (type annotations, `import type`), so Node 24 can load it as it is
// (`--experimental-strip-types`) or esbuild can strip it; no runtime imports beyond node:*.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { focusEditor, goTo, openFile, previewFrame, runCommand } from './workbench';

export interface PreviewCheckOptions {
  /** Where preview.png goes (default: <cwd>/test-artifacts). */
  artifactsDir?: string;
  /** Where the README picture is also copied (default: nowhere; `npm run images` copies it from test-artifacts/). */
  docsImagesDir?: string | null;
  /** Fixture to open, relative to the workspace (default: filled/standard.md). */
  file?: string;
}

const FILE = 'filled/standard.md';
const AFTER_ROW = '| 16:30 |';
// 13:52 -> 16:45 = 2 h 53 min once a "resolved" entry exists (it becomes the end); before: 16:07 restored, 2 h 15 min.
// No closing pipe (GFM does not need one): the last keystroke changes what the preview shows.
const NEW_EVENT = 'Incident resolved: error rate at baseline for 30 minutes';
const NEW_ROW = `| 16:45 | ${NEW_EVENT}`;
const BEFORE = '2h 15m';
const AFTER = '2h 53m';
const DURATION = '[data-metric="duration"] .pm-value';
// Evaluated as strings: a transpiled function could carry helpers the page does not have.
const WATCH_KEYS = `window.__pmLastKey = 0; document.addEventListener('keydown', () => { window.__pmLastKey = Date.now(); }, true);`;
const WATCH_ROW = `window.__pmShownAt = 0;
  new MutationObserver(() => {
    if (window.__pmShownAt) return;
    if ([...document.querySelectorAll('.pm-doc td')].some((td) => td.textContent.trim() === EVENT)) window.__pmShownAt = Date.now();
  }).observe(document.getElementById('pm-root'), { childList: true, subtree: true, characterData: true });`;

/** Runs the check; returns a one-line detail for the runner's report, throws with the reason otherwise. */
export async function previewCheck(page: Page, workspaceDir: string, options: PreviewCheckOptions = {}): Promise<string> {
  const file = options.file ?? FILE;
  const text = readFileSync(join(workspaceDir, file), 'utf8');
  const lines = text.split('\n');
  const rowLine = lines.findIndex((l) => l.startsWith(AFTER_ROW)) + 1;
  if (rowLine < 1) throw new Error(`${file} has no timeline row starting "${AFTER_ROW}"`);

  await openFile(page, file);
  await runCommand(page, 'Postmortem: Open Preview to the Side');
  const frame = await previewFrame(page, 60_000);
  await frame.waitForSelector(DURATION, { timeout: 30_000 });
  const before = (await frame.textContent(DURATION))?.trim();
  if (before !== BEFORE) throw new Error(`the summary card shows duration "${before}", expected "${BEFORE}"`);

  // Type a new entry after the 16:30 row. Latency is measured inside the browser: the last keydown in
  // the workbench to the moment the webview shows the whole new entry (Date.now() in both frames).
  await frame.evaluate(WATCH_ROW.replace('EVENT', JSON.stringify(NEW_EVENT)));
  // The end of the row by its column: with the preview beside it the editor wraps, and End stops at the wrap.
  await goTo(page, rowLine, lines[rowLine - 1]!.replace(/\r$/, '').length + 1);
  await page.keyboard.press('Enter');
  await page.evaluate(WATCH_KEYS);
  await page.keyboard.type(NEW_ROW);
  const typed = Date.now();
  for (;;) {
    if (Number(await frame.evaluate('window.__pmShownAt'))) break;
    if (Date.now() - typed > 15_000) throw new Error(`the preview did not show the typed entry within 15 s`);
    await page.waitForTimeout(10);
  }
  const after = ((await frame.textContent(DURATION)) ?? '').trim();
  if (after !== AFTER) throw new Error(`with the new "resolved" entry the duration reads "${after}", expected "${AFTER}"`);
  const lastKey = Number(await page.evaluate('window.__pmLastKey'));
  const shownAt = Number(await frame.evaluate('window.__pmShownAt'));
  const ms = shownAt - lastKey;
  if (!(ms >= 0 && ms < 2000)) throw new Error(`the preview took ${ms} ms after the last keystroke`);
  await page.keyboard.press('Escape'); // a suggestion widget, if any
  const mismatch = await frame.$('.pm-metric.pm-mismatch[data-metric="duration"]');
  if (!mismatch) throw new Error('the stated duration (2 hours 15 minutes) is not marked as disagreeing with the computed one');

  // Clicking a tick of the chart puts the cursor on that entry's line.
  const detectedLine = lines.findIndex((l) => l.startsWith('| 14:03 |'));
  await frame.click(`.pm-tick[data-reveal-line="${detectedLine}"]`);
  await page
    .locator('.statusbar-item', { hasText: `Ln ${detectedLine + 1}, Col 1` })
    .first()
    .waitFor({ timeout: 10_000 });

  // The problem count links to the Problems panel.
  await frame.click('[data-command="problems"]');
  await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Control+J'); // toggles the panel away again
  await page.locator('.markers-panel').first().waitFor({ state: 'hidden', timeout: 10_000 });

  // Export HTML, accepting the suggested name next to the file; the unsaved edit is in it.
  const exported = join(workspaceDir, file.replace(/\.md$/, '.html'));
  await focusEditor(page); // keys to the workbench, not the webview
  await runCommand(page, 'Postmortem: Export HTML');
  // The save dialog (a quick input in the browser) offers <name>.html next to the document.
  await page.waitForFunction(`document.querySelector('.quick-input-widget input')?.value.endsWith('.html')`, null, { timeout: 10_000 });
  await page.keyboard.press('Enter');
  // The file can be there before all of it is written: wait for the whole report, not for the name.
  const isReport = (h: string) =>
    h.includes('<!DOCTYPE html>') && h.trimEnd().endsWith('</html>') && new RegExp(`data-metric="duration"><dt>Duration</dt><dd><span class="pm-value"[^>]*>${AFTER}<`).test(h);
  const html = await waitForFile(exported, isReport, 15_000);
  if (!isReport(html)) throw new Error(`${exported} is not the report with the new duration (${html.length} characters read)`);
  if (/<script/i.test(html)) throw new Error(`${exported} contains a script`);

  // The picture: editor at the top of the document, preview beside it, no hover or widget in the way.
  await page.keyboard.press('Control+Home');
  const editor = await page.locator('.editor-instance .monaco-editor .view-lines').first().boundingBox();
  if (editor) {
    await page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height / 2);
    await page.mouse.wheel(0, -5000); // the preview follows the editor to its top
  }
  await page.mouse.move(5, 795);
  await page.waitForTimeout(800); // scroll sync and the last update settle
  const artifacts = options.artifactsDir ?? join(process.cwd(), 'test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  const shot = join(artifacts, 'preview.png');
  await page.screenshot({ path: shot });
  const docsDir = options.docsImagesDir ?? null;
  if (docsDir) {
    mkdirSync(docsDir, { recursive: true });
    copyFileSync(shot, join(docsDir, 'preview.png'));
  }
  // Leave the file as it was found: the workbench restores unsaved editors into the next check's window
  // (the Post-mortems view would then list the typed duration).
  await focusEditor(page);
  await runCommand(page, 'File: Revert File');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 20_000 });
  return `duration ${before} -> ${after} ${ms} ms after the last keystroke (stated value marked); tick click revealed line ${detectedLine + 1}; Problems panel opened; exported ${exported}; ${shot}`;
}

/** The file's text once `done` holds for it, or the last text read when time runs out. */
async function waitForFile(path: string, done: (text: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text: string | undefined;
  for (;;) {
    try {
      text = readFileSync(path, 'utf8');
      if (done(text)) return text;
    } catch {
      // not written yet
    }
    if (Date.now() > deadline) {
      if (text === undefined) throw new Error(`Export HTML did not write ${path}`);
      return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
