// UI check for the end-to-end runner (scripts/e2e/run.mjs): the workspace views and Insights in a real
// VS Code (code-server). Opens the fixtures folder (several post-mortems and a plain README), waits
// for the Post-mortems and Action items views in the Explorer to fill, clicks a post-mortem (its
// editor opens), opens Insights and reads its charts. Screenshots go to test-artifacts only
// (workspace-views.png, insights.png); the README pictures are copied from there by hand.
//
// Erasable TypeScript only (type annotations, `import type`); no runtime imports beyond node:*.
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { runCommand } from './workbench';

export interface WorkspaceCheckOptions {
  artifactsDir: string;
}

export interface Verdict {
  name: string;
  ok: boolean;
  detail: string;
}

// A view in the Explorer: its .pane (panes are not nested, unlike the split views around them).
const pane = (page: Page, title: string) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) });

async function rowsOf(page: Page, title: string, atLeast: number, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = pane(page, title).first();
    const header = view.locator('.pane-header').first();
    if ((await header.count()) && (await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const rows = await view
      .locator('.monaco-list-row')
      .allInnerTexts()
      .catch(() => [] as string[]);
    if (rows.length >= atLeast) return rows.map((r) => r.replace(/\s+/g, ' ').trim());
    if (Date.now() > deadline) throw new Error(`the ${title} view shows ${rows.length} rows, expected at least ${atLeast}`);
    await page.waitForTimeout(300);
  }
}

async function insightsFrame(page: Page, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) if (await frame.$('.pm-insights').catch(() => null)) return frame;
    if (Date.now() > deadline) throw new Error(`no Insights webview (.pm-insights) among ${page.frames().length} frames`);
    await page.waitForTimeout(200);
  }
}

export async function workspaceChecks(page: Page, serverUrl: string, workspace: string, options: WorkspaceCheckOptions): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const verdict = async (name: string, fn: () => Promise<string>) => {
    try {
      verdicts.push({ name, ok: true, detail: await fn() });
    } catch (e) {
      verdicts.push({ name, ok: false, detail: (e instanceof Error ? e.message : String(e)).split('\n')[0]! });
      await page.screenshot({ path: join(options.artifactsDir, `failure-${name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
    }
  };
  await page.goto(`${serverUrl}/?folder=${encodeURIComponent(workspace)}`, { timeout: 120_000, waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  await page.keyboard.press('Control+Shift+E');
  // Room for the two views: the folder tree collapsed (its header is the folder's name).
  const folder = page.locator('.pane-header', { hasText: /^\s*postmortems\s*$/i }).first();
  if ((await folder.count()) && (await folder.getAttribute('aria-expanded')) === 'true') await folder.click();

  let postmortems: string[] = [];
  await verdict('the Post-mortems view lists the workspace post-mortems', async () => {
    postmortems = await rowsOf(page, 'Post-mortems', 5, 90_000);
    if (postmortems.some((r) => /README/i.test(r))) throw new Error('the plain README is listed as a post-mortem');
    if (!postmortems.some((r) => /duration 2h 15m/.test(r))) throw new Error(`no row with the standard fixture's duration: ${postmortems.join(' | ')}`);
    return `${postmortems.length} rows; first: "${postmortems[0]!.slice(0, 120)}"`;
  });
  await verdict('the Action items view lists action items with owner and state', async () => {
    const rows = await rowsOf(page, 'Action items', 3, 30_000);
    // A row's text is its label run into its description ('…templateopen · Aisha Bello · due …').
    if (!rows.some((r) => /(?:open|overdue|done) · /.test(r))) throw new Error(`no row marked open/overdue/done: ${rows.slice(0, 5).join(' | ')}`);
    return `${rows.length} rows (groups and items)`;
  });
  await page.screenshot({ path: join(options.artifactsDir, 'workspace-views.png') }).catch(() => undefined);

  await verdict('a click on a post-mortem opens it', async () => {
    const row = pane(page, 'Post-mortems').first().locator('.monaco-list-row', { hasText: 'Payments API errors' }).first();
    await row.click();
    await page.locator('.tab.active', { hasText: '.md' }).waitFor({ timeout: 20_000 });
    return `active tab: ${(await page.locator('.tab.active').first().innerText()).trim()}`;
  });

  await verdict('Insights shows the charts per month, per severity, per metric and by owner', async () => {
    await runCommand(page, 'Postmortem: Open Insights');
    const frame = await insightsFrame(page, 60_000);
    await frame.waitForSelector('svg[data-chart="per-month"] rect', { timeout: 30_000 });
    const charts = await frame.$$eval('svg[data-chart]', (els) => els.map((e) => e.getAttribute('data-chart')));
    for (const want of ['per-month', 'per-severity', 'metric-timeToDetect', 'metric-timeToResolve', 'owners'])
      if (!charts.includes(want)) throw new Error(`no ${want} chart (charts: ${charts.join(', ')})`);
    const months = await frame.$$eval('svg[data-chart="per-month"] .pm-bar-row', (els) => els.length);
    const count = (await frame.textContent('[data-count="postmortems"] dd'))?.trim();
    await page.screenshot({ path: join(options.artifactsDir, 'insights.png') });
    return `${charts.length} charts, ${months} months, ${count} post-mortems`;
  });
  return verdicts;
}
