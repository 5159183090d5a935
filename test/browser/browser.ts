// Shared by the browser tests: headless Chromium as the e2e runner starts it (offline), a local
// server on 127.0.0.1, and a recorder of everything a page tries.
import * as http from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Belt and braces: even a request that got out could not resolve a name.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Serves `pages` (path -> [content type, body]) on 127.0.0.1 and records every path asked for. */
export async function serve(pages: Record<string, [string, string]>): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const page = pages[req.url ?? ''];
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': page[0] }).end(page[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) };
}

/** Records what the page tried: requests, console output, dialogs, CSP violations, page errors. */
export async function watch(context: BrowserContext, page: Page) {
  const seen = { requests: [] as string[], console: [] as string[], dialogs: [] as string[], errors: [] as string[] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  // Runs before the page (not subject to its CSP): notes every violation, i.e. every attempt. A string,
  // not a function: the test transpiler would add helpers to a function that do not exist in the page.
  await context.addInitScript({
    content: `window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  return seen;
}
