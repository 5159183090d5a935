// The document body: GFM rendered faithfully, source lines for scroll sync, images kept local.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderMarkdown, MAX_INLINE_IMAGE_BYTES, slug } from '../../server/src/core/render/markdown';
import { splitChunks } from '../../server/src/core/render/chunks';
import { fixture, ROOT } from './helpers';

const BASE = 'https://file+.vscode-resource.vscode-cdn.net/ws/docs/';
const webview = (text: string) => renderMarkdown(text, { mode: 'webview', docUri: 'file:///ws/docs/pm.md', resourceBase: BASE });
const standalone = (text: string, read?: (url: string, max: number) => Uint8Array | null) =>
  renderMarkdown(text, { mode: 'standalone', docUri: 'file:///ws/docs/pm.md', ...(read ? { readResource: read } : {}) });

describe('render: markdown body', () => {
  it('renders GFM tables with their alignment', () => {
    const html = webview('| Time | Event | n |\n|:-----|:-----:|--:|\n| 13:52 | began | 1 |\n');
    assert.match(html, /<th align="left">Time<\/th>\n<th align="center">Event<\/th>\n<th align="right">n<\/th>/);
    assert.match(html, /<td align="left">13:52<\/td>/);
  });

  it('renders task lists as disabled checkboxes', () => {
    const html = webview('- [x] done\n- [ ] open\n');
    assert.match(html, /<ul class="contains-task-list" data-line="0">/);
    assert.match(html, /<li class="task-list-item" data-line="0"><input type="checkbox" checked disabled> done<\/li>/);
    assert.match(html, /<li class="task-list-item" data-line="1"><input type="checkbox" disabled> open<\/li>/);
  });

  it('renders code blocks with their language, escaped', () => {
    const html = webview('```sql\nSELECT 1 < 2;\n```\n');
    assert.match(html, /<pre data-line="0"><code class="language-sql">SELECT 1 &#x3C; 2;\n<\/code><\/pre>/);
  });

  it('puts the 0-based source line on top-level blocks, list items and table rows', () => {
    const text = ['---', 'title: x', '---', '# Title', '', 'Para', '', '- a', '- b', '', '| h |', '|---|', '| c |', '', '> quote'].join('\n');
    const html = webview(text);
    assert.match(html, /<h1 data-line="3" id="title">Title<\/h1>/);
    assert.match(html, /<p data-line="5">Para<\/p>/);
    assert.match(html, /<li data-line="7">a<\/li>\n<li data-line="8">b<\/li>/);
    assert.match(html, /<table data-line="10">/);
    assert.match(html, /<tr data-line="12">/);
    assert.match(html, /<blockquote data-line="14">/);
    assert.doesNotMatch(html, /title: x/, 'front matter is not shown');
  });

  it('gives headings GitHub-style anchors, numbering repeats', () => {
    const html = webview('## Root Cause & Fix\n\n## Root Cause & Fix\n');
    assert.match(html, /id="root-cause--fix"/);
    assert.match(html, /id="root-cause--fix-1"/);
    assert.equal(slug('What Went Well?', new Map()), 'what-went-well');
  });

  it('keeps <br> as a line break and leaves other raw HTML and comments out', () => {
    const html = webview('| a |\n|---|\n| one<br>two |\n\n<!-- postmortem-disable placeholder -->\n\n<details><summary>s</summary>hidden</details>\n');
    assert.match(html, /<td>one<br>\ntwo<\/td>/);
    assert.doesNotMatch(html, /postmortem-disable|details|summary/);
  });

  it('keeps footnotes working (reference and note ids agree)', () => {
    const html = webview('Text[^1].\n\n[^1]: The note.\n');
    assert.match(html, /<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref/);
    assert.match(html, /<li id="user-content-fn-1"/);
    assert.match(html, /<a href="#user-content-fnref-1" data-footnote-backref/);
  });

  it('shows where links go (webviews have no status bar) and keeps relative ones for the extension to resolve', () => {
    const html = webview('[runbook](../runbooks/redis.md#L12) [site](https://example.com/a?b=1&c=2) [top](#timeline)');
    assert.match(html, /<a href="..\/runbooks\/redis.md#L12" title="..\/runbooks\/redis.md#L12">runbook<\/a>/);
    assert.match(html, /<a href="https:\/\/example.com\/a\?b=1&#x26;c=2" title="https:\/\/example.com\/a\?b=1&#x26;c=2">site<\/a>/);
    assert.match(html, /<a href="#timeline">top<\/a>/);
  });

  describe('chunk by chunk (only what changed is parsed again while typing)', () => {
    const TRICKY = [
      '# Title',
      '',
      'Intro with a [ref link][r] and [another][R2].',
      '',
      '```js',
      'const a = 1;',
      '',
      'const b = 2;',
      '```',
      '',
      '<!-- a comment',
      '',
      'with a blank line -->',
      '',
      '- loose a',
      '',
      '- loose b',
      '',
      '  continued b',
      '',
      '      indented code in b',
      '',
      '1. one',
      '',
      '2. two',
      '',
      '> quote',
      'continued lazily',
      '',
      '> second quote',
      '',
      'Setext',
      '======',
      '',
      '    indented code',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '[r]: https://example.com/r',
      '[R2]: https://example.com/r2 "Title"',
      '',
      '~~~',
      'tilde fence',
      '',
      '~~~',
      'after',
      '',
    ].join('\n');

    it('renders exactly what a whole-document parse renders (fixtures and a tricky document)', () => {
      const files = ['seeds', 'filled', 'plain'].flatMap((d) =>
        fs
          .readdirSync(path.join(ROOT, 'test/fixtures', d))
          .filter((f) => f.endsWith('.md'))
          .map((f) => `${d}/${f}`),
      );
      assert.ok(files.length >= 11);
      for (const [name, text] of [...files.map((f) => [f, fixture(f)] as const), ['tricky', TRICKY] as const]) {
        const whole = renderMarkdown(text, { mode: 'webview', docUri: 'file:///ws/x.md', wholeDocument: true });
        assert.equal(webview(text), whole, name);
      }
    });

    it('splits at blank lines, keeping fences, multi-line comments and lists together', () => {
      const starts = splitChunks(TRICKY.split('\n')).map((c) => c.start);
      // # Title | Intro | ```js..``` | <!-- ... --> | list items up to "2. two" (a list item after a list stays with it) |
      // > quote | > second | Setext with the indented code after it (indented lines never start a chunk) | table | defs | ~~~..~~~ after
      assert.deepEqual(starts, [0, 2, 4, 10, 14, 26, 29, 31, 36, 40, 43]);
    });

    it('renders a long table in groups of rows, identical to the whole table', () => {
      const rows = Array.from({ length: 130 }, (_, i) => `| 10:${String(i % 60).padStart(2, '0')} | Event \`${i}\` [link](https://example.com/${i}) |`);
      const text = ['## Timeline', '', '| Time | Event |', '|:-----|------:|', ...rows, '', 'After.'].join('\n');
      const html = webview(text);
      assert.equal(html, renderMarkdown(text, { mode: 'webview', docUri: 'file:///ws/x.md', wholeDocument: true }));
      assert.equal((html.match(/<table/g) ?? []).length, 1);
      // Row i is on line 4 + i.
      assert.match(html, /<tr data-line="133">\n<td align="left">10:09<\/td>/);
    });

    it('numbers repeated headings across chunks', () => {
      assert.match(webview('## Notes\n\ntext\n\n## Notes\n'), /<h2 data-line="0" id="notes">Notes<\/h2>\n<p data-line="2">text<\/p>\n<h2 data-line="4" id="notes-1">Notes<\/h2>/);
    });
  });

  describe('images', () => {
    it('webview: relative images load from the document folder through the webview resource origin', () => {
      const html = webview('![graph](img/errors.png) ![up](../shared/arch.svg)');
      assert.match(html, new RegExp(`<img src="${BASE.replace(/[.+/]/g, '\\$&')}img/errors.png" alt="graph">`));
      assert.match(html, /<img src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ws\/shared\/arch\.svg" alt="up">/);
    });

    it('webview without a resource base (untitled document): relative images are not loaded', () => {
      const html = renderMarkdown('![graph](img/errors.png)', { mode: 'webview', docUri: 'untitled:Untitled-1' });
      assert.match(html, /<span class="pm-missing-image" title="Image not shown: img\/errors.png">🖼 graph<\/span>/);
      assert.doesNotMatch(html, /<img/);
    });

    it('remote images are offered as links, never loaded', () => {
      const html = webview('![dashboard](https://grafana.example.com/render.png)');
      assert.match(html, /<a class="pm-remote-image" href="https:\/\/grafana.example.com\/render.png" title="Remote image, not loaded: https:\/\/grafana.example.com\/render.png">🖼 dashboard<\/a>/);
      assert.doesNotMatch(html, /<img/);
    });

    it('a remote image inside a link becomes text (no link inside a link)', () => {
      const html = webview('[![build](https://ci.example.com/badge.svg)](https://ci.example.com)');
      assert.match(html, /<a href="https:\/\/ci.example.com" title="https:\/\/ci.example.com"><span class="pm-remote-image" title="[^"]*">🖼 build<\/span><\/a>/);
    });

    it('rooted, protocol-relative and backslash paths are not loaded', () => {
      const html = webview('![a](/etc/x.png) ![b](//host.example/x.png) ![c](%5C%5Chost%5Cx.png)');
      assert.equal((html.match(/pm-missing-image/g) ?? []).length, 3);
      assert.doesNotMatch(html, /<img/);
    });

    it('data: images only as png, jpeg, gif or webp', () => {
      const html = webview('![ok](data:image/png;base64,iVBORw==) ![svg](data:image/svg+xml;base64,PHN2Zz4=) ![html](data:text/html;base64,PGI+)');
      assert.match(html, /<img src="data:image\/png;base64,iVBORw==" alt="ok">/);
      assert.equal((html.match(/<img/g) ?? []).length, 1);
    });

    it('standalone: small local images are inlined as data: URIs, large ones keep their relative path', () => {
      const calls: [string, number][] = [];
      const read = (url: string, max: number) => {
        calls.push([url, max]);
        return url.endsWith('small.png') ? new Uint8Array([0x89, 0x50, 0x4e, 0x47]) : null; // null: too large
      };
      const html = standalone('![s](img/small.png) ![l](img/large.png) ![t](notes.txt)', read);
      // 89 50 4E 47 -> base64 "iVBORw==" (0x89504E = i V B O; 0x47 = R w = =)
      assert.match(html, /<img src="data:image\/png;base64,iVBORw==" alt="s">/);
      assert.match(html, /<img src="img\/large.png" alt="l">/);
      assert.deepEqual(
        calls,
        [
          ['file:///ws/docs/img/small.png', MAX_INLINE_IMAGE_BYTES],
          ['file:///ws/docs/img/large.png', MAX_INLINE_IMAGE_BYTES],
        ],
        'only image files are read, resolved against the document',
      );
    });

    it('standalone: a reader that returns more than the limit is not trusted', () => {
      const html = standalone('![s](big.png)', () => new Uint8Array(MAX_INLINE_IMAGE_BYTES + 1));
      assert.match(html, /<img src="big.png" alt="s">/);
    });
  });
});
