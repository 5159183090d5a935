// Workbench steps shared by the UI checks: open a file, run a command, find the preview's frame.
import type { Frame, Page } from 'playwright-core';

export async function openFile(page: Page, relative: string): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 20_000 });
  await input.fill(relative);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  const name = relative.split('/').pop()!;
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
}

export async function runCommand(page: Page, label: string): Promise<void> {
  // The command appears once the extension has activated for the markdown editor.
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 20_000 });
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    if (
      await row.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    ) {
      await row.click();
      return;
    }
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error(`no command "${label}" in the command palette`);
  }
}

/** The frame holding our page: VS Code nests it (iframe.webview > #active-frame). */
export async function previewFrame(page: Page, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.$('#pm-root').catch(() => null)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no preview webview (#pm-root) among ${page.frames().length} frames`);
    await page.waitForTimeout(200);
  }
}

/** A plain mouse click in the middle of the text (a locator click would scroll the huge view-lines element). */
export async function focusEditor(page: Page): Promise<void> {
  const box = await page.locator('.editor-instance .monaco-editor .view-lines').first().boundingBox();
  if (!box) throw new Error('no editor on screen');
  await page.mouse.click(box.x + Math.min(box.width / 2, 200), box.y + Math.min(box.height / 2, 300));
}

/** The cursor to line:column (1-based) of the active editor, waiting until the status bar shows it there. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  // Typing before the editor has the focus back would go nowhere: wait for the cursor to be there.
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` })
    .first()
    .waitFor({ timeout: 10_000 });
}
