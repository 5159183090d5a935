// Nothing in a post-mortem can run script or make the preview fetch anything: the produced HTML is
// checked tag by tag and attribute by attribute (the browser test runs it in Chromium as well).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentSecurityPolicy, makeNonce } from '../../server/src/core/render/page';
import { renderResponse } from '../../server/src/renderRequest';
import { EVIL, HOSTILE, startTags, strayAngles, type Tag } from './render-hostile';
import { doc, service } from './helpers';

const NONCE = 'N0nce-For-Tests-0123456789';
const CSP_SOURCE = 'https://*.vscode-cdn.net';
const BASE = 'https://file+.vscode-resource.vscode-cdn.net/ws/';
const SCRIPT = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js';

const renderWebview = (text = HOSTILE, extra: Record<string, string> = {}) =>
  service().preview(doc(text), { mode: 'webview', nonce: NONCE, cspSource: CSP_SOURCE, resourceBase: BASE, scriptUri: SCRIPT, ...extra });
const renderStandalone = (text = HOSTILE) => service().preview(doc(text), { mode: 'standalone', nonce: NONCE });

// Every element and attribute the renderer may produce; anything else came from the document.
const ALLOWED_TAGS = new Set(
  (
    'html head meta title style body main section article p div span strong em del br hr h1 h2 h3 h4 h5 h6 dl dt dd ul ol li ' +
    'table thead tbody tr th td a img sup pre code blockquote input button svg g line rect circle text script'
  ).split(' '),
);
const ALLOWED_ATTRS = new Set(
  (
    'class id title href src alt lang charset http-equiv content name nonce rel role tabindex type disabled checked align start ' +
    'aria-label aria-describedby data-line data-reveal-line data-metric data-field data-count data-command data-version ' +
    'data-footnotes data-footnote-ref data-footnote-backref width height x y x1 x2 y1 y2 cx cy r rx text-anchor xmlns'
  ).split(' '),
);

function checkTags(html: string, mode: 'webview' | 'standalone', minTags = 100): Tag[] {
  const tags = startTags(html);
  assert.ok(tags.length > minTags, 'the tokenizer sees the page');
  for (const t of tags) {
    assert.ok(ALLOWED_TAGS.has(t.name), `unexpected <${t.name}>`);
    for (const [name, value] of t.attrs) {
      assert.ok(ALLOWED_ATTRS.has(name), `unexpected attribute ${name}="${value}" on <${t.name}>`);
      assert.doesNotMatch(name, /^on/i);
    }
  }
  assert.deepEqual(strayAngles(html), [], 'no raw "<" outside tags');
  const scripts = tags.filter((t) => t.name === 'script');
  if (mode === 'webview') {
    assert.equal(scripts.length, 1, 'only our script');
    assert.deepEqual(
      [...scripts[0]!.attrs],
      [
        ['nonce', NONCE],
        ['src', SCRIPT],
      ],
    );
  } else {
    assert.equal(scripts.length, 0, 'the standalone page has no script at all');
  }
  const styles = tags.filter((t) => t.name === 'style');
  assert.equal(styles.length, 1, 'only our style');
  assert.equal(styles[0]!.attrs.get('nonce'), NONCE);
  const metas = tags.filter((t) => t.name === 'meta');
  assert.deepEqual(
    metas.map((m) => m.attrs.get('http-equiv') ?? m.attrs.get('name') ?? 'charset'),
    mode === 'webview' ? ['charset', 'Content-Security-Policy', 'viewport'] : ['charset', 'Content-Security-Policy', 'viewport', 'referrer'],
  );
  return tags;
}

function checkUrls(tags: Tag[], mode: 'webview' | 'standalone'): void {
  for (const t of tags) {
    const href = t.attrs.get('href');
    if (href !== undefined) {
      assert.equal(t.name, 'a', `href only on links, not <${t.name}>`);
      assert.ok(/^https?:\/\//i.test(href) || href.startsWith('#') || !/^[a-z][a-z0-9+.-]*:/i.test(href), `link to ${href}`);
      assert.ok(!href.startsWith('//'), `protocol-relative link ${href}`);
    }
    const src = t.attrs.get('src');
    if (src !== undefined && t.name === 'img') {
      const ok = /^data:image\/(?:png|jpeg|gif|webp);base64,/.test(src) || (mode === 'webview' ? src.startsWith(BASE) : !/^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(src));
      assert.ok(ok, `image from ${src}`);
    }
    if (src !== undefined) assert.ok(!src.includes(EVIL), `<${t.name} src="${src}"> reaches the network`);
  }
}

describe('render: hostile documents are neutralised', () => {
  for (const mode of ['webview', 'standalone'] as const) {
    describe(mode, () => {
      const html = mode === 'webview' ? renderWebview().html : renderStandalone().html;

      it('only known elements and attributes: no script, iframe, object, embed, meta refresh, form, base, link, style or event handler from the document', () => {
        const tags = checkTags(html, mode);
        for (const name of ['iframe', 'object', 'embed', 'form', 'base', 'link', 'video', 'audio', 'math', 'details', 'frame', 'frameset']) {
          assert.ok(!tags.some((t) => t.name === name), `<${name}> survived`);
        }
        assert.ok(!tags.some((t) => t.attrs.has('style')), 'no style attributes');
        assert.doesNotMatch(html, /http-equiv="refresh"/i);
      });

      it('links only to http(s), relative paths or anchors; images only from data: or the local folder', () => {
        checkUrls(startTags(html), mode);
        assert.doesNotMatch(html, /href="\s*(?:javascript|vbscript|data|file):/i);
        // The author's http(s) link stays; the javascript: ones lost their href.
        assert.match(html, /<a href="https:\/\/example.com\/ok"/);
        assert.match(html, /<a>JS<\/a>/);
        assert.match(html, /<a>entity<\/a>/);
        assert.match(html, /<a>data<\/a>/);
        assert.match(html, /<a>ref link<\/a>/);
      });

      it('no CSS can reach the network: no url(), no @import', () => {
        assert.doesNotMatch(html, /url\s*\(/i);
        assert.doesNotMatch(html, /@import/i);
      });

      it('what the author wrote appears as text, escaped', () => {
        assert.match(html, /<title>Post-Mortem: &lt;script&gt;window.__pwned = &#39;title&#39;&lt;\/script&gt; Hostile/);
        assert.match(html, /<code class="language-html">&#x3C;script>window.__pwned = 'code block'&#x3C;\/script>/);
      });
    });
  }

  it('the Content-Security-Policy of the webview: nothing but our nonce and the webview resource origin', () => {
    const { html } = renderWebview();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    assert.equal(csp, `default-src 'none'; base-uri 'none'; form-action 'none'; img-src ${CSP_SOURCE} data:; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'`);
    assert.doesNotMatch(csp, /https:(?!\/\/\*\.vscode-cdn\.net)|unsafe|\*(?!\.vscode-cdn)/);
  });

  it('the Content-Security-Policy of the standalone page allows no script at all', () => {
    const { html } = renderStandalone();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    assert.equal(csp, `default-src 'none'; base-uri 'none'; form-action 'none'; img-src 'self' data:; style-src 'nonce-${NONCE}'`);
  });

  it('a cspSource that tries to add a directive, or a nonce that tries to close the attribute, is refused', () => {
    assert.equal(
      contentSecurityPolicy('webview', NONCE, 'https://x; script-src *'),
      `default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'`,
    );
    const { html } = renderWebview(HOSTILE, { nonce: '"><script>window.__pwned=1</script>' });
    const nonce = /<style nonce="([^"]+)">/.exec(html)![1]!;
    assert.match(nonce, /^[A-Za-z0-9_-]{24}$/, 'a fresh nonce instead');
    assert.match(html, new RegExp(`<script nonce="${nonce}" src=`));
    assert.doesNotMatch(html, /__pwned=1<\/script>/);
  });

  it('a script URI that is not a URL, or is javascript:, is left out', () => {
    assert.doesNotMatch(renderWebview(HOSTILE, { scriptUri: 'javascript:alert(1)' }).html, /<script/);
    assert.doesNotMatch(renderWebview(HOSTILE, { scriptUri: '" onload="x' }).html, /<script/);
  });

  it('fresh nonces are random and URL-safe', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9_-]{24}$/);
    assert.notEqual(a, makeNonce());
  });

  it('the body the webview swaps in holds no script either (the CSP forbids inline script anyway)', () => {
    const r = renderResponse(service(), doc(HOSTILE), { uri: 'file:///ws/doc.md', mode: 'webview', part: 'body' });
    assert.equal(r.html, undefined);
    assert.ok(r.body);
    assert.ok(!startTags(r.body).some((t) => t.name === 'script' || t.name === 'style'));
  });

  it('arbitrary markup mixed into a post-mortem never throws and never yields a tag or attribute outside the allowlist (property)', () => {
    const pieces = fc.constantFrom(
      '<script>x()</script>',
      '<img src=x onerror=y>',
      '<a href="javascript:x">a</a>',
      '[a](javascript:x)',
      '![i](//h/x.png)',
      '<svg onload=x>',
      '<iframe src=//h>',
      '<style>*{background:url(//h)}</style>',
      '<div style="x:url(//h)">',
      '<!--',
      '-->',
      '```',
      '~~~',
      '| a | b |',
      '|---|---|',
      '[^1]',
      '[^1]: note',
      '[r]: javascript:x',
      '[x][r]',
      '<br>',
      '&#106;avascript:x',
      '"><script>',
      "'><img src=x onerror=y>",
      '\\',
      '\u0000',
      '> q',
      '- [ ] t',
    );
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      pieces,
      fc.array(pieces, { maxLength: 4 }).map((p) => p.join(' ')),
    );
    const texts = fc.array(line, { maxLength: 25 }).map((ls) => HOSTILE.split('\n').slice(0, 12).concat(ls).join('\n'));
    const svc = service();
    let version = 0;
    fc.assert(
      fc.property(texts, fc.constantFrom('webview', 'standalone' as const), (text, mode) => {
        const { html } = svc.preview(doc(text, 'file:///ws/fuzz.md', ++version), { mode, nonce: NONCE, cspSource: CSP_SOURCE, resourceBase: BASE, scriptUri: SCRIPT });
        checkTags(html, mode, 5);
        checkUrls(startTags(html), mode);
      }),
      { numRuns: 150 },
    );
  });
});
