// The post-mortem preview's script (loaded with the page's nonce). It only swaps in HTML the
// language server rendered and sanitised, keeps the scroll position, and turns clicks into messages
// for the extension: reveal a line, open a link, show the Problems panel. It never navigates itself.
// @ts-check
(function () {
  'use strict';
  /* global acquireVsCodeApi */
  // @ts-ignore: provided by VS Code in webviews
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('pm-root');
  if (!root) return;

  /** Scroll events until this time come from us (scrollTo), not from the user. */
  let ownScrollUntil = 0;
  let lastPostedLine = -1;
  let scrollFrame = 0;

  const post = (message) => vscode.postMessage(message);

  /** Elements of the document body with their source line, in document order. */
  function lineElements() {
    const out = [];
    for (const el of root.querySelectorAll('.pm-doc [data-line]')) {
      const line = Number(el.getAttribute('data-line'));
      if (Number.isInteger(line)) out.push({ el, line });
    }
    return out;
  }

  const topOf = (el) => el.getBoundingClientRect().top + window.scrollY;

  /** Scroll so that source line `line` is at the top, between the elements around it. */
  function scrollToLine(line) {
    const els = lineElements();
    if (els.length === 0 || line <= 0) return scrollTo(0);
    let before = null;
    let after = null;
    for (const e of els) {
      if (e.line <= line) before = e;
      else if (!after || e.line < after.line) {
        after = e;
        if (before) break;
      }
    }
    if (!before) return scrollTo(0);
    let y = topOf(before.el);
    if (after && after.line > before.line) {
      const span = Math.max(topOf(after.el) - y, 0);
      y += (span * (line - before.line)) / (after.line - before.line);
    } else {
      y += Math.min(Math.max(line - before.line, 0) * 18, before.el.getBoundingClientRect().height);
    }
    scrollTo(y);
  }

  function scrollTo(y) {
    ownScrollUntil = Date.now() + 150;
    window.scrollTo(0, Math.max(0, Math.round(y)));
  }

  /** The source line at the top of the view (fractional positions interpolated between elements). */
  function lineAtTop() {
    const els = lineElements();
    if (els.length === 0) return 0;
    const y = window.scrollY;
    if (y < topOf(els[0].el) - 4) return 0;
    let i = 0;
    while (i + 1 < els.length && topOf(els[i + 1].el) <= y) i++;
    const cur = els[i];
    const next = els[i + 1];
    if (!next || next.line <= cur.line) return cur.line;
    const top = topOf(cur.el);
    const span = topOf(next.el) - top;
    return span > 0 ? Math.floor(cur.line + ((y - top) / span) * (next.line - cur.line)) : cur.line;
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update' && typeof m.body === 'string') {
      const y = window.scrollY;
      root.innerHTML = m.body; // rendered and sanitised by the server; the CSP forbids inline script
      if (typeof m.version === 'number') root.setAttribute('data-version', String(m.version));
      ownScrollUntil = Date.now() + 150;
      window.scrollTo(0, y);
    } else if (m.type === 'scrollTo' && Number.isInteger(m.line)) {
      scrollToLine(m.line);
    }
  });

  window.addEventListener(
    'scroll',
    () => {
      if (Date.now() < ownScrollUntil || scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        const line = lineAtTop();
        vscode.setState({ line });
        if (line !== lastPostedLine) {
          lastPostedLine = line;
          post({ type: 'scrolled', line });
        }
      });
    },
    { passive: true },
  );

  /** What a click means, or null when it is not ours to handle. */
  function action(target) {
    if (!(target instanceof Element)) return null;
    const reveal = target.closest('[data-reveal-line]');
    if (reveal) return { type: 'reveal', line: Number(reveal.getAttribute('data-reveal-line')) };
    const command = target.closest('[data-command]');
    if (command && command.getAttribute('data-command') === 'problems') return { type: 'problems' };
    const link = target.closest('a[href]');
    if (link) return { type: 'open', href: link.getAttribute('href') || '' };
    return null;
  }

  function perform(a) {
    if (a.type === 'reveal') {
      if (Number.isInteger(a.line)) post(a);
    } else if (a.type === 'open' && a.href.startsWith('#')) {
      const id = decodeURIComponent(a.href.slice(1));
      const el = document.getElementById(id) || document.getElementById('user-content-' + id);
      if (el) el.scrollIntoView();
    } else {
      post(a);
    }
  }

  // Capture phase on window: runs before anything else sees the click, so no link ever navigates
  // the webview (the extension validates and opens it).
  window.addEventListener(
    'click',
    (event) => {
      const a = action(event.target);
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!a && !link) return;
      event.preventDefault();
      event.stopPropagation();
      if (a) perform(a);
    },
    true,
  );
  window.addEventListener(
    'auxclick',
    (event) => {
      if (event.target instanceof Element && event.target.closest('a')) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    true,
  );
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const el = event.target instanceof Element ? event.target.closest('[role="button"][data-reveal-line]') : null;
    if (!el) return;
    event.preventDefault();
    perform({ type: 'reveal', line: Number(el.getAttribute('data-reveal-line')) });
  });
  // Double-click on the document jumps to that line, as in the markdown preview.
  window.addEventListener('dblclick', (event) => {
    const el = event.target instanceof Element ? event.target.closest('.pm-doc [data-line]') : null;
    if (el) post({ type: 'reveal', line: Number(el.getAttribute('data-line')) });
  });

  const state = vscode.getState();
  if (state && Number.isInteger(state.line)) scrollToLine(state.line);
  post({ type: 'ready' });
})();
