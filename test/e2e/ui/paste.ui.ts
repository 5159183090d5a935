// UI check for the end-to-end runner (scripts/e2e/run.mjs): a Slack conversation copied from the client is
// pasted into a timeline in a real VS Code (code-server) with Ctrl+V, then "Paste as timeline entries" is
// picked in the paste widget. The rows appear in the table in its own shape and the preview's time to
// detect and time to acknowledge, "—" before, become the durations the pasted messages give.
//
// Why Ctrl+V and not the "Paste As..." command: in VS Code for the Web the command reads the clipboard
// and inserts its text without a browser paste event, so no paste edit provider is asked and no menu
// appears. A real paste asks the providers; the plain text goes in first (ours yields to it) and the
// widget beside it offers the other edits.
//
// Erasable TypeScript only; no runtime imports beyond node:* and the shared workbench steps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { focusEditor, goTo, openFile, previewFrame, runCommand } from './workbench';

const FILE = 'import/docs/table-utc.md';
// The doc's date is 2024-03-10 and its times are UTC: 7:41 AM is 9 minutes after the 07:32 start.
const COPIED = ['Mei Lin  7:41 AM', 'CheckoutAuthFailureRate alert fired, looking at the payments dashboard', 'Ravi Shah  7:44 AM', 'On-call acknowledged, joining the bridge'].join('\n');
const ROWS = ['| 07:41 | CheckoutAuthFailureRate alert fired, looking at the payments dashboard | Mei Lin |', '| 07:44 | On-call acknowledged, joining the bridge | Ravi Shah |'];
const TTD = '[data-metric="timeToDetect"] .pm-value';
const TTA = '[data-metric="timeToAcknowledge"] .pm-value';

/** Runs the check; returns a one-line detail for the runner's report, throws with the reason otherwise. */
export async function pasteCheck(page: Page, workspaceDir: string, opts: { artifactsDir: string }): Promise<string> {
  const lines = readFileSync(join(workspaceDir, FILE), 'utf8').split('\n');
  const last = lines.findIndex((l) => l.startsWith('| 10:06 |'));
  if (last < 0) throw new Error(`${FILE} has no row starting "| 10:06 |"`);

  await openFile(page, FILE);
  await runCommand(page, 'Postmortem: Open Preview to the Side');
  const frame = await previewFrame(page, 60_000);
  await frame.waitForSelector(TTD, { timeout: 30_000 });
  const before = [(await frame.textContent(TTD))?.trim(), (await frame.textContent(TTA))?.trim()];
  if (before[0] !== '—' || before[1] !== '—') throw new Error(`before the paste the preview shows detect "${before[0]}", acknowledge "${before[1]}"; expected "—"`);

  // The cursor on the blank line under the table (1-based: the line after the last row + 1).
  await goTo(page, last + 2, 1);
  await page.evaluate((text) => navigator.clipboard.writeText(text), COPIED);
  await page.keyboard.press('Control+V');
  const widget = page.locator('.post-edit-widget').first();
  await widget.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(opts.artifactsDir, 'paste-widget.png') });
  await widget.click();
  const option = page.locator('.action-widget .monaco-list-row', { hasText: 'Paste as timeline entries' }).first();
  await option.waitFor({ timeout: 20_000 });
  const title = (await option.textContent())?.trim() ?? '';
  if (!/2 entries, 2024-03-10 07:41 UTC – 2024-03-10 07:44 UTC/.test(title)) throw new Error(`the paste offers "${title}"`);
  await page.screenshot({ path: join(opts.artifactsDir, 'paste-menu.png') });
  await option.click();

  // The rows in the editor (the rendered text of the view lines) and in the preview's document. Both are
  // polled: the plain text goes in first, and right under a table GFM reads its lines as rows too, so the
  // preview can show the event's words in a cell before the picked edit replaces them.
  const view = page.locator('.editor-instance .monaco-editor .view-lines').first();
  for (const row of ROWS) {
    const [time, event] = row
      .split('|')
      .slice(1, 3)
      .map((c) => c.trim());
    await page
      .waitForFunction((want) => (document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(want), row, { timeout: 20_000 })
      .catch(() => {
        throw new Error(`the editor does not show the row ${row}`);
      });
    await frame
      .locator('.pm-doc tr')
      .filter({ has: frame.locator('td', { hasText: time! }) })
      .filter({ has: frame.locator('td', { hasText: event! }) })
      .first()
      .waitFor({ timeout: 20_000 });
  }
  const text = (await view.textContent())?.replace(/\u00a0/g, ' ') ?? '';
  if (text.includes(COPIED.split('\n')[0]!)) throw new Error('the copied text itself is still in the editor beside the rows');
  await frame.waitForFunction(
    (s) => document.querySelector(s.ttd)?.textContent?.trim() === '9m' && document.querySelector(s.tta)?.textContent?.trim() === '3m',
    { ttd: TTD, tta: TTA },
    { timeout: 20_000 },
  );
  // Leave the file as it was found: the workbench restores unsaved editors into the next check's window.
  await focusEditor(page);
  await runCommand(page, 'File: Revert File');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 20_000 });
  return `offered "${title}"; 2 rows inserted; preview: time to detect — → 9m, time to acknowledge — → 3m`;
}
