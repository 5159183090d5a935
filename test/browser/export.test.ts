// The exported report in a real browser: a hostile post-mortem rendered to standalone HTML is opened
// in headless Chromium; no script may run and no request may leave for any address but the page.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serve, watch } from './browser';
import { HOSTILE } from '../unit/render-hostile';
import { doc, fixture, service } from '../unit/helpers';

describe('browser: the exported HTML of a hostile post-mortem', function () {
  this.timeout(60000);
  let browser: Browser;
  let dir: string;
  before(async function () {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-export-'));
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const standalone = (text: string) => service().preview(doc(text, 'file:///ws/hostile.md'), { mode: 'standalone' }).html;

  async function open(url: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = await watch(context, page);
    // Nothing but the page itself may be fetched; anything else is recorded, then refused.
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(800); // a meta refresh, a delayed handler or a lazy load would have fired
    return { context, page, seen };
  }

  async function assertInert(page: Page, seen: Awaited<ReturnType<typeof watch>>, pageUrl: string) {
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      title: document.title,
      href: location.href,
      violations: (window as unknown as { __violations: string[] }).__violations,
      scripts: document.scripts.length,
      iframes: document.querySelectorAll('iframe, frame, object, embed').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`)),
      summary: document.querySelector('[data-metric="duration"] .pm-value')?.textContent ?? null,
    }));
    assert.equal(state.pwned, null, 'a hostile script ran');
    assert.match(state.title, /^Post-Mortem: <script>window.__pwned = 'title'<\/script> Hostile/);
    assert.equal(state.href, pageUrl, 'the page navigated');
    assert.equal(state.scripts, 0);
    assert.equal(state.iframes, 0);
    assert.deepEqual(state.handlers, []);
    assert.deepEqual(state.violations, [], 'something tried to load or run and was stopped by the CSP');
    assert.deepEqual(seen.requests, [pageUrl], 'only the page itself is requested');
    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.console, []);
    assert.equal(state.summary, '2h 15m', 'the report itself rendered');
  }

  it('served from 127.0.0.1: no script runs, nothing else is requested', async () => {
    const server = await serve({ '/report.html': ['text/html; charset=utf-8', standalone(HOSTILE)] });
    try {
      const url = `${server.url}/report.html`;
      const { context, page, seen } = await open(url);
      await assertInert(page, seen, url);
      await context.close();
      assert.deepEqual(server.hits, ['/report.html']);
    } finally {
      await server.close();
    }
  });

  it('opened as a file: no script runs, nothing else is requested', async () => {
    const file = path.join(dir, 'hostile.html');
    fs.writeFileSync(file, standalone(HOSTILE));
    const url = `file://${file}`;
    const { context, page, seen } = await open(url);
    await assertInert(page, seen, url);
    await context.close();
  });

  it('hovering and clicking through the report runs nothing (no handler survived to fire)', async () => {
    const server = await serve({ '/report.html': ['text/html; charset=utf-8', standalone(HOSTILE)] });
    try {
      const url = `${server.url}/report.html`;
      const { context, page, seen } = await open(url);
      for (const sel of ['.pm-tick', '.pm-doc strong', '.pm-doc td', '.pm-doc a:not([href])']) {
        for (const el of await page.$$(sel)) {
          await el.hover().catch(() => undefined);
          await el.click({ timeout: 1000 }).catch(() => undefined);
        }
      }
      await page.keyboard.press('Tab');
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null), null);
      assert.deepEqual(seen.requests, [url]);
      await context.close();
    } finally {
      await server.close();
    }
  });

  it('a filled fixture looks like the preview: light theme, summary, chart, action items, document', async () => {
    const file = path.join(dir, 'classic.html');
    fs.writeFileSync(file, service().preview(doc(fixture('filled/classic.md'), 'file:///ws/classic.md'), { mode: 'standalone' }).html);
    const { context, page, seen } = await open(`file://${file}`);
    const look = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.body).color,
      duration: document.querySelector('[data-metric="duration"] .pm-value')?.textContent,
      ticks: document.querySelectorAll('.pm-chart .pm-tick').length,
      bandWidth: (document.querySelector('.pm-band-mitigated') as SVGRectElement | null)?.getBoundingClientRect().width ?? 0,
      timelineItems: document.querySelectorAll('.pm-doc ul li[data-line]').length,
    }));
    assert.equal(look.bg, 'rgb(255, 255, 255)');
    assert.equal(look.fg, 'rgb(31, 35, 40)');
    assert.equal(look.duration, '2h 53m');
    assert.equal(look.ticks, 10);
    assert.ok(look.bandWidth > 20, `the acknowledged → mitigated band is drawn (${look.bandWidth}px)`);
    assert.ok(look.timelineItems >= 10, `list items with their source line (${look.timelineItems})`);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
});
