// UI check for the end-to-end runner (scripts/e2e/run.mjs): a Slack conversation copied from the client is
// pasted into a timeline with "Paste As…" → "Paste as timeline entries" in a real VS Code (code-server).
// The rows appear in the table in its own shape and the preview's time to detect and time to acknowledge,
// "—" before, become the durations the pasted messages give.
//
// Erasable TypeScript only; no runtime imports beyond node:* and the shared workbench steps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openFile, previewFrame, runCommand } from './workbench';

const FILE = 'import/docs/table-utc.md';
// The doc's date is 2024-03-10 and its times are UTC: 7:41 AM is 9 minutes after the 07:32 start.
const COPIED = ['Mei Lin  7:41 AM', 'CheckoutAuthFailureRate alert fired, looking at the payments dashboard', 'Ravi Shah  7:44 AM', 'On-call acknowledged, joining the bridge'].join('\n');
const ROWS = ['| 07:41 | CheckoutAuthFailureRate alert fired, looking at the payments dashboard | Mei Lin |', '| 07:44 | On-call acknowledged, joining the bridge | Ravi Shah |'];
const TTD = '[data-metric="timeToDetect"] .pm-value';
const TTA = '[data-metric="timeToAcknowledge"] .pm-value';

async function focusEditor(page: Page): Promise<void> {
  const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
  const box = await lines.boundingBox();
  if (!box) throw new Error('the editor has no text area on screen');
  await page.mouse.click(box.x + 40, box.y + 10);
}

async function goTo(page: Page, line: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}:1`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col 1` }).first().waitFor({ timeout: 10_000 });
}

/** Runs the check; returns a one-line detail for the runner's report, throws with the reason otherwise. */
export async function pasteCheck(page: Page, workspaceDir: string): Promise<string> {
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
  await goTo(page, last + 2);
  await page.evaluate((text) => navigator.clipboard.writeText(text), COPIED);
  await runCommand(page, 'Paste As...');
  const option = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Paste as timeline entries' }).first();
  await option.waitFor({ timeout: 20_000 });
  const title = (await option.textContent())?.trim() ?? '';
  if (!/2 entries, 2024-03-10 07:41 UTC – 2024-03-10 07:44 UTC/.test(title)) throw new Error(`the paste offers "${title}"`);
  await option.click();

  // The rows in the editor (the rendered text of the view lines) and in the preview's document.
  const view = page.locator('.editor-instance .monaco-editor .view-lines').first();
  for (const row of ROWS) {
    const cell = row.split('|')[2]!.trim();
    await frame.locator('.pm-doc td', { hasText: cell }).first().waitFor({ timeout: 20_000 });
    const shown = (await view.textContent())?.replace(/\u00a0/g, ' ') ?? '';
    if (!shown.includes(row)) throw new Error(`the editor does not show the row ${row}`);
  }
  await frame.waitForFunction(
    (s) => document.querySelector(s.ttd)?.textContent?.trim() === '9m' && document.querySelector(s.tta)?.textContent?.trim() === '3m',
    { ttd: TTD, tta: TTA },
    { timeout: 20_000 },
  );
  return `offered "${title}"; 2 rows inserted; preview: time to detect — → 9m, time to acknowledge — → 3m`;
}
