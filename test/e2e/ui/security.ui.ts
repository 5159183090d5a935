// UI check for the end-to-end runner (scripts/e2e/run.mjs): a hostile post-mortem in the real preview
// webview of code-server. Opens test/fixtures/hostile/hostile.md (the payloads of test/unit/render-hostile.ts
// plus ones aimed at the webview: window.top, acquireVsCodeApi().postMessage, fetch, srcset, svg, CSS,
// meta refresh, forms, ... towards the canaries 198.51.100.7, evil.invalid and evil.example), runs
// "Postmortem: Open Preview to the Side", hovers over the result, then judges three things:
//  - the preview did render it (summary card, the safe text around the payloads), so nothing passes vacuously;
//  - no script from the document ran, in any frame (the workbench and the webview's nested iframes);
//  - no request left for an address other than code-server (every request of the window and its frames).
//
// Erasable TypeScript only, no runtime imports beyond node:* (the runner strips the types with esbuild).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { openFile, previewFrame, runCommand } from './workbench';

export interface SecurityCheckOptions {
  /** Where security.png goes (default: <cwd>/test-artifacts). */
  artifactsDir?: string;
  /** The hostile document, relative to the workspace (default: hostile/hostile.md). */
  file?: string;
}

export interface Verdict {
  name: string;
  ok: boolean;
  detail: string;
}

const FILE = 'hostile/hostile.md';
const CANARY = /198\.51\.100\.7|evil\.invalid|evil\.example/i;
/** What a payload writes (window.__pwned, window.top.__pwned, document.title = 'PWNED') or posts. */
const MARK = /pwned|198\.51\.100\.7|evil\./i;
/** The preview page's title: the document's title, its markup as text. */
const TITLE = /^Post-Mortem: <script>window\.__pwned = 'title'<\/script> Hostile/;
const SAFE_TEXT = ['Safe text before the webview payloads', 'Safe text after the webview payloads', 'On-call acknowledged'];
// 13:52 began -> 16:07 restored.
const DURATION = '2h 15m';
/** code-server's workbench asks its extension gallery about the installed extensions (offline here, it fails);
 *  allowed from the workbench's own frame only, never from the webview. */
const WORKBENCH_GALLERY = /^https:\/\/open-vsx\.org\/vscode\/gallery\//;
/** The webview's resources: VS Code serves them from its service worker, never from the network. */
const WEBVIEW_RESOURCE = /^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\//;

// Runs before every document of every frame. Records what reaches each window: window messages and
// MessagePort messages (the workbench hears its webviews through a port's onmessage), not the empty ones.
const RECORDER = `(() => {
  const seen = (window.__pmMessages = []);
  const note = (data) => {
    let json;
    try { json = JSON.stringify(data) ?? String(data); } catch { json = String(data); }
    if (json !== '{}' && seen.length < 5000) seen.push(json);
  };
  window.addEventListener('message', (e) => note(e.data), true);
  const d = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    configurable: true,
    get() { return d.get.call(this); },
    set(fn) { d.set.call(this, typeof fn === 'function' ? function (e) { note(e.data); return fn.call(this, e); } : fn); },
  });
})();`;

// Evaluated as strings in the page: a transpiled function could carry helpers the page does not have.
const FRAME_PROBE = `({
  url: location.href,
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  title: document.title,
  messages: window.__pmMessages || null,
  preview: !!document.getElementById('pm-root'),
})`;

const PREVIEW_PROBE = `(() => {
  const all = [...document.querySelectorAll('*')];
  const attrs = (test) => all.flatMap((el) => [...el.attributes].filter((a) => test(el, a)).map((a) => el.tagName.toLowerCase() + '[' + a.name + '="' + a.value.slice(0, 60) + '"]'));
  return {
    title: document.title,
    scripts: [...document.scripts].map((s) => ({ id: s.id, src: s.getAttribute('src'), nonce: !!s.nonce, vscodeApi: /globalThis\.acquireVsCodeApi = /.test(s.textContent), inline: s.textContent.trim().length })),
    handlers: attrs((el, a) => /^on/i.test(a.name)),
    // Attributes that make a browser fetch or go somewhere by themselves; a plain link (<a href>) only on a click.
    loaders: attrs((el, a) => /^(src|srcset|poster|background|data|action|formaction|ping|codebase|lowsrc|dynsrc|manifest)$/i.test(a.name) || (/href$/i.test(a.name) && el.localName !== 'a')),
    scriptUrls: attrs((el, a) => /^\\s*(javascript|vbscript|data\\s*:\\s*text)/i.test(a.value)),
    styleUrls: all.filter((el) => /url\\s*\\(|@import|expression\\s*\\(/i.test((el.getAttribute('style') || '') + (el.localName === 'style' ? el.textContent : ''))).length,
    embedded: all.filter((el) => /^(iframe|frame|frameset|object|embed|applet|form|input|button|base|link|template|noscript|isindex|marquee|video|audio|picture|source|foreignobject|image|use|animate|set)$/i.test(el.localName) && !el.closest('.pm-summary, .pm-diagnostics, .pm-chart')).map((el) => el.localName),
    refresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length,
    summary: document.querySelector('[data-metric="duration"] .pm-value')?.textContent?.trim() ?? null,
    problems: document.querySelector('.pm-diagnostics')?.textContent?.trim() ?? null,
  };
})()`;

/**
 * Runs the scenario on a fresh page of a fresh browser context (listeners go on before the workbench loads)
 * and returns the three verdicts; throws only when the scenario itself could not run.
 */
export async function securityChecks(page: Page, serverUrl: string, workspaceDir: string, options: SecurityCheckOptions = {}): Promise<Verdict[]> {
  const file = options.file ?? FILE;
  const text = readFileSync(join(workspaceDir, file), 'utf8');
  for (const s of SAFE_TEXT) if (!text.includes(s)) throw new Error(`${file} lacks the safe text "${s}"`);
  const context = page.context();
  const origin = new URL(serverUrl).origin;

  const requests: Request[] = [];
  const pages: string[] = [];
  const dialogs: string[] = [];
  const csp: string[] = [];
  context.on('request', (r) => requests.push(r));
  context.on('page', (p) => pages.push(p.url()));
  page.on('popup', (p) => pages.push(`popup ${p.url()}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('console', (m) => {
    // Every frame's console, the webview's nested ones included: a blocked attempt is reported here.
    if (/Content Security Policy|Refused to/i.test(m.text()) || CANARY.test(m.text())) csp.push(`${m.location().url}: ${m.text().slice(0, 200)}`);
  });
  await context.addInitScript({ content: RECORDER });

  await page.goto(`${serverUrl}/?folder=${encodeURIComponent(workspaceDir)}`);
  await openFile(page, file);
  await runCommand(page, 'Postmortem: Open Preview to the Side');
  const frame = await previewFrame(page, 60_000);
  await frame.waitForSelector('[data-metric="duration"] .pm-value', { timeout: 30_000 });
  // Hover over what the document wrote (a surviving onmouseover would fire), no clicks: links open by design.
  for (const el of (await frame.$$('.pm-doc p, .pm-doc h1, .pm-doc h2, .pm-doc td, .pm-doc strong, .pm-summary strong')).slice(0, 60)) {
    await el.hover({ timeout: 1000 }).catch(() => undefined);
  }
  await page.mouse.move(5, 795);
  await page.waitForTimeout(3000); // a meta refresh (1 s), a delayed handler or a lazy load would have fired

  const shot = join(options.artifactsDir ?? join(process.cwd(), 'test-artifacts'), 'security.png');
  mkdirSync(join(shot, '..'), { recursive: true });
  await page.screenshot({ path: shot });

  const frames = await Promise.all(page.frames().map(async (f) => ({ frame: f, probe: await probe(f) })));
  const dom = (await frame.evaluate(PREVIEW_PROBE)) as PreviewState;
  const visibleText = (await frame.innerText('#pm-root')).replace(/\s+/g, ' ');
  // A posted {type: 'problems'} would have opened the Problems panel.
  const problemsPanel = await page
    .locator('.markers-panel')
    .first()
    .isVisible()
    .catch(() => false);

  const verdicts: Verdict[] = [];
  const judge = (name: string, fn: () => string) => {
    try {
      verdicts.push({ name, ok: true, detail: fn() });
    } catch (e) {
      verdicts.push({ name, ok: false, detail: e instanceof Error ? e.message : String(e) });
    }
  };

  judge('hostile document: the preview renders it (summary card, the safe text around the payloads)', () => {
    if (dom.summary !== DURATION) throw new Error(`the summary card shows duration "${dom.summary}", expected "${DURATION}"`);
    if (!dom.problems || !/\d+ problems?/.test(dom.problems)) throw new Error(`no problem count in the preview ("${dom.problems}")`);
    for (const s of SAFE_TEXT) if (!visibleText.includes(s)) throw new Error(`the preview does not show "${s}"`);
    if (!TITLE.test(dom.title)) throw new Error(`the preview's title is "${dom.title}", not the document's title as text`);
    return `duration ${dom.summary}, "${dom.problems}", ${SAFE_TEXT.length} safe texts shown; ${shot}`;
  });

  judge('hostile document: no script from it ran in any frame of the window', () => {
    const problems: string[] = [];
    const webview = frames.filter((f) => f.probe && f.frame !== page.mainFrame());
    if (!frames.some((f) => f.probe?.preview)) problems.push('the preview frame was not probed');
    for (const { frame: f, probe: p } of frames) {
      if (!p) continue;
      if (p.pwned !== null) problems.push(`window.__pwned = "${p.pwned}" in ${f.url()}`);
      if (p.preview ? !TITLE.test(p.title) : /pwned/i.test(p.title)) problems.push(`title "${p.title}" in ${f.url()}`);
    }
    // What the workbench heard from its webviews (the frames inside hear the document's own text, so not there):
    // from the page only what preview.js says unprompted, no link "clicked" for it by a script. The recorder
    // works: it heard preview.js's own "ready" through the webview's port.
    const top = frames.find((f) => f.frame === page.mainFrame())?.probe;
    if (!top?.messages) problems.push('no message recorder in the workbench');
    for (const m of top?.messages ?? []) if (MARK.test(m)) problems.push(`the workbench heard ${m.slice(0, 160)}`);
    const heard = (top?.messages ?? []).map(parse);
    const posted = heard.filter((m) => m?.channel === 'onmessage').map((m) => String(m?.data?.message?.type));
    if (!posted.includes('ready')) problems.push('the workbench never heard the preview\'s "ready" message (recorder broken?)');
    const unexpected = posted.filter((t) => t !== 'ready' && t !== 'scrolled');
    if (unexpected.length) problems.push(`the webview posted ${unexpected.join(', ')}`);
    const clicks = heard.filter((m) => m?.channel === 'did-click-link').length;
    if (clicks) problems.push(`${clicks} link clicks reported by the webview`);
    // VS Code prepends its own inline script (acquireVsCodeApi, before the page's CSP); besides it only preview.js.
    const scripts = dom.scripts.filter((s) => !(s.id === '_vscodeApiScript' && s.vscodeApi && !s.src));
    if (dom.scripts.length - scripts.length !== 1) problems.push(`VS Code's API script is missing or doubled: ${JSON.stringify(dom.scripts)}`);
    if (scripts.length !== 1 || !scripts[0]!.nonce || scripts[0]!.inline || !/\/media\/preview\.js$/.test(scripts[0]!.src ?? '')) problems.push(`scripts in the preview: ${JSON.stringify(scripts)}`);
    if (dom.handlers.length) problems.push(`event handlers: ${dom.handlers.join(', ')}`);
    if (dom.scriptUrls.length) problems.push(`script URLs: ${dom.scriptUrls.join(', ')}`);
    if (dom.embedded.length) problems.push(`embedded elements: ${dom.embedded.join(', ')}`);
    if (dom.refresh) problems.push(`${dom.refresh} meta refresh`);
    if (problemsPanel) problems.push('the Problems panel opened');
    if (dialogs.length) problems.push(`dialogs: ${dialogs.join('; ')}`);
    if (pages.length) problems.push(`pages opened: ${pages.join(', ')}`);
    if (csp.length) problems.push(`blocked by the CSP (so it was tried): ${csp.slice(0, 3).join(' | ')}`);
    if (problems.length) throw new Error(problems.join('; '));
    return `${frames.length} frames (${webview.length} in the webview) clean; preview.js the only script; the workbench heard from it: ${[...new Set(posted)].join(', ')}`;
  });

  verdicts.push(await requestVerdict(requests, origin, dom, page.mainFrame()));
  return verdicts;
}

interface PreviewState {
  title: string;
  scripts: { id: string; src: string | null; nonce: boolean; vscodeApi: boolean; inline: number }[];
  handlers: string[];
  loaders: string[];
  scriptUrls: string[];
  styleUrls: number;
  embedded: string[];
  refresh: number;
  summary: string | null;
  problems: string | null;
}

async function requestVerdict(requests: Request[], origin: string, dom: PreviewState, workbench: Frame): Promise<Verdict> {
  const name = 'hostile document: no request left for an address other than code-server';
  const problems: string[] = [];
  let local = 0;
  let fromServiceWorker = 0;
  let gallery = 0;
  let previewScript = false;
  for (const r of requests) {
    const url = r.url();
    if (CANARY.test(url)) {
      problems.push(`canary requested: ${url}`);
      continue;
    }
    if (/^(data|blob):/i.test(url)) continue; // not a network request
    if (url.startsWith(`${origin}/`)) {
      local++;
      continue;
    }
    if (WORKBENCH_GALLERY.test(url) && frameOf(r) === workbench) {
      gallery++;
      continue;
    }
    if (WEBVIEW_RESOURCE.test(url)) {
      const res = await r.response().catch(() => null);
      if (res?.fromServiceWorker()) {
        fromServiceWorker++;
        if (/\/media\/preview\.js$/.test(url)) previewScript = true;
        continue;
      }
    }
    problems.push(`${r.method()} ${url.slice(0, 160)} (from ${frameUrl(r)})`);
  }
  // The recorder sees the webview's own requests, so an empty list of outside requests means something.
  if (!previewScript) problems.push("the webview's request for media/preview.js was not seen (recorder broken?)");
  if (dom.loaders.some((l) => !/^script\[src=/.test(l))) problems.push(`elements that load by themselves: ${dom.loaders.filter((l) => !/^script\[src=/.test(l)).join(', ')}`);
  if (dom.styleUrls) problems.push(`${dom.styleUrls} styles with url()/@import`);
  if (problems.length) return { name, ok: false, detail: problems.slice(0, 8).join('; ') };
  return {
    name,
    ok: true,
    detail: `${requests.length} requests: ${local} to ${origin}, ${fromServiceWorker} webview resources from its service worker, ${gallery} extension gallery queries of the workbench itself, none elsewhere`,
  };
}

function frameOf(r: Request): Frame | null {
  try {
    return r.frame();
  } catch {
    return null; // a service worker's request
  }
}

function frameUrl(r: Request): string {
  return frameOf(r)?.url().slice(0, 100) ?? (r.serviceWorker() ? 'a service worker' : 'no frame');
}

interface HeardMessage {
  channel?: string;
  data?: { message?: { type?: unknown } };
}

function parse(json: string): HeardMessage | null {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' ? (v as HeardMessage) : null;
  } catch {
    return null;
  }
}

interface FrameProbe {
  url: string;
  pwned: string | null;
  title: string;
  messages: string[] | null;
  preview: boolean;
}

async function probe(frame: Frame): Promise<FrameProbe | null> {
  if (frame.isDetached()) return null;
  return (await frame.evaluate(FRAME_PROBE).catch(() => null)) as FrameProbe | null;
}
