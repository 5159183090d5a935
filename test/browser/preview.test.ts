// The webview script (media/preview.js) in Chromium, with acquireVsCodeApi faked: it swaps updates in
// place keeping the scroll position, syncs scrolling both ways, and turns clicks into messages for the
// extension instead of navigating.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serve, watch } from './browser';
import { doc, fixture, ROOT, service } from '../unit/helpers';

interface Message {
  type: string;
  line?: number;
  href?: string;
}

const standard = fixture('filled/standard.md');
const lineOf = (needle: string) => standard.split('\n').findIndex((l) => l.includes(needle));

describe('browser: the preview webview script', function () {
  this.timeout(60000);
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  let seen: Awaited<ReturnType<typeof watch>>;
  let pageUrl: string;

  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    // The server plays the webview resource origin: our script comes from it, like asWebviewUri.
    const pages: Record<string, [string, string]> = { '/media/preview.js': ['text/javascript', fs.readFileSync(path.join(ROOT, 'media/preview.js'), 'utf8')] };
    server = await serve(pages);
    const html = service().preview(doc(standard, 'file:///ws/standard.md'), {
      mode: 'webview',
      nonce: 'TestNonce0123456789abcdef',
      cspSource: server.url,
      scriptUri: `${server.url}/media/preview.js`,
      resourceBase: `${server.url}/ws/`,
    }).html;
    pages['/index.html'] = ['text/html; charset=utf-8', html];
    pageUrl = `${server.url}/index.html`;
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    page = await context.newPage();
    seen = await watch(context, page);
    await context.addInitScript({
      content: `window.__messages = [];
        window.acquireVsCodeApi = () => ({
          postMessage: (m) => window.__messages.push(m),
          getState: () => window.__state,
          setState: (s) => { window.__state = s; },
        });`,
    });
    await page.goto(pageUrl);
    await page.waitForFunction(() => (window as unknown as { __messages: { type: string }[] }).__messages.some((m) => m.type === 'ready'));
  });
  afterEach(async () => {
    await page.context().close();
    await server.close();
  });

  const messages = () => page.evaluate(() => (window as unknown as { __messages: Message[] }).__messages.filter((m) => m.type !== 'ready'));
  // Clicking may scroll the target into view first, which the editor hears about too: leave those out.
  const actions = async () => (await messages()).filter((m) => m.type !== 'scrolled');
  const clear = () => page.evaluate(() => ((window as unknown as { __messages: unknown[] }).__messages.length = 0));
  const send = (m: object) => page.evaluate((msg) => window.postMessage(msg, '*'), m);

  it('loads under the CSP with its nonce and posts ready; nothing else is fetched', async () => {
    assert.deepEqual(seen.requests, [pageUrl, `${server.url}/media/preview.js`]);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
  });

  it('clicking a timeline tick asks the editor to reveal its line', async () => {
    await page.click(`.pm-tick[data-reveal-line="${lineOf('| 14:03 |')}"]`);
    assert.deepEqual(await actions(), [{ type: 'reveal', line: lineOf('| 14:03 |') }]);
  });

  it('Enter on a focused tick does the same (keyboard)', async () => {
    await page.focus(`.pm-tick[data-reveal-line="${lineOf('| 15:10 |')}"]`);
    await page.keyboard.press('Enter');
    assert.deepEqual(await actions(), [{ type: 'reveal', line: lineOf('| 15:10 |') }]);
  });

  it('a link is handed to the extension and the webview does not navigate', async () => {
    await page.click('.pm-doc a[href^="https://grafana.example.com/d/payments-api"]');
    await page.waitForTimeout(200);
    assert.deepEqual(await actions(), [{ type: 'open', href: 'https://grafana.example.com/d/payments-api' }]);
    assert.equal(page.url(), pageUrl);
    assert.ok(!seen.requests.some((u) => u.includes('grafana')));
  });

  it('the problems link asks for the Problems panel', async () => {
    await page.click('[data-command="problems"]');
    assert.deepEqual(await actions(), [{ type: 'problems' }]);
  });

  it('an update swaps the content in place and keeps the scroll position', async () => {
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.waitForTimeout(100);
    const edited = standard.replace('| 16:30 |', '| 16:45 | Incident resolved: error rate normal for 30 minutes |\n| 16:30 |');
    const body = service().preview(doc(edited, 'file:///ws/standard.md', 2), { mode: 'webview', resourceBase: `${server.url}/ws/` }).body;
    await send({ type: 'update', body, version: 2 });
    await page.waitForFunction(() => document.querySelector('[data-metric="duration"] .pm-value')?.textContent === '2h 53m');
    assert.equal(await page.evaluate(() => window.scrollY), 600);
    assert.equal(await page.getAttribute('#pm-root', 'data-version'), '2');
  });

  it('scrollTo from the editor puts that line at the top', async () => {
    const line = lineOf('## Root Cause Analysis');
    await send({ type: 'scrollTo', line });
    await page.waitForTimeout(100);
    const top = await page.evaluate((l) => document.querySelector(`.pm-doc [data-line="${l}"]`)!.getBoundingClientRect().top, line);
    assert.ok(Math.abs(top) <= 1, `heading at ${top}px`);
    await page.waitForTimeout(250);
    assert.deepEqual(await messages(), [], 'our own scrolling is not echoed back to the editor');
  });

  it('scrolling the preview tells the editor which line is at the top', async () => {
    await clear();
    await page.mouse.move(450, 350);
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(400);
    const posted = (await messages()).filter((m) => m.type === 'scrolled').at(-1);
    assert.ok(posted && typeof posted.line === 'number', 'a scrolled message');
    const around = await page.evaluate(() => {
      const els = [...document.querySelectorAll('.pm-doc [data-line]')].map((el) => ({ line: Number(el.getAttribute('data-line')), top: el.getBoundingClientRect().top }));
      const cur = els.filter((e) => e.top <= 0.5).at(-1)!;
      const next = els.find((e) => e.top > 0.5)!;
      return { cur: cur.line, next: next.line };
    });
    assert.ok(posted.line! >= around.cur && posted.line! <= Math.max(around.cur, around.next - 1), `line ${posted.line} between ${around.cur} and ${around.next}`);
  });

  it('markup posted in an update cannot run script either (the CSP has no unsafe-inline)', async () => {
    await send({ type: 'update', body: '<img src="data:image/png;base64,AAAA" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>', version: 3 });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null), null);
  });
});
