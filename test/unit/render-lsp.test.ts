// `postmortem/render` over LSP, against the bundled server (npm run build first), as the preview uses it.
import assert from 'node:assert/strict';
import { startServer, type LspSession } from '../lsp/harness';
import { RENDER_REQUEST, type RenderResponse } from '../../server/src/protocol';
import { fixture } from './helpers';

const durationOf = (body: string) => /data-metric="duration"><dt>Duration<\/dt><dd><span class="pm-value"[^>]*>([^<]*)</.exec(body)?.[1];

describe('language server: postmortem/render', function () {
  let s: LspSession;
  const uri = 'file:///ws/filled/standard.md';
  const text = fixture('filled/standard.md');
  before(async () => {
    s = await startServer();
    await s.open(uri, text);
  });
  after(async () => {
    await s.stop();
  });

  const render = (params: object) => s.connection.sendRequest(RENDER_REQUEST, params) as Promise<RenderResponse | null>;

  it('answers with the body for the webview, and the page with our CSP and nonce', async () => {
    const body = await render({ uri, mode: 'webview', part: 'body' });
    assert.equal(body?.version, 1);
    assert.equal(durationOf(body!.body!), '2h 15m');
    const page = await render({ uri, mode: 'webview', part: 'html', nonce: 'abcdefghijklmnopqrstuvwx', cspSource: 'https://*.vscode-cdn.net', scriptUri: 'https://x.vscode-cdn.net/media/preview.js' });
    assert.match(page!.html!, /script-src &#39;nonce-abcdefghijklmnopqrstuvwx&#39;/);
    assert.match(page!.html!, /<script nonce="abcdefghijklmnopqrstuvwx" src="https:\/\/x.vscode-cdn.net\/media\/preview.js"><\/script>/);
  });

  it('a new "resolved" entry changes the computed duration in the next rendering', async () => {
    // 13:52 -> 16:45 = 2 h 53 min: the first "resolved" entry is now the end.
    const edited = text.replace('| 16:30 |', '| 16:45 | Incident resolved: error rate normal for 30 minutes |\n| 16:30 |');
    await s.change(uri, edited);
    const r = await render({ uri, mode: 'webview', part: 'body' });
    assert.equal(r?.version, 2);
    assert.equal(durationOf(r!.body!), '2h 53m');
    // The stated "2 hours 15 minutes" now disagrees and is shown beside the computed value.
    assert.match(r!.body!, /data-metric="duration">[\s\S]*?⚠ stated 2h 15m/);
    assert.equal(r!.metrics.durationMinutes, 173);
  });

  it('renders a typical document quickly enough to follow typing', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await render({ uri, mode: 'webview', part: 'body' });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    assert.ok(times[2]! < 100, `median ${times[2]!.toFixed(1)} ms`);
  });

  it('null for a document the server does not have; metrics only for the context key', async () => {
    assert.equal(await render({ uri: 'file:///ws/nope.md', mode: 'webview' }), null);
    const m = await render({ uri, mode: 'webview', part: 'metrics' });
    assert.equal(m?.isPostmortem, true);
    assert.equal(m?.body, undefined);
  });
});
