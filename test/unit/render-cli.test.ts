// `postmortem render FILE [-o OUT]` and the `postmortem/render` request's parts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { renderResponse } from '../../server/src/renderRequest';
import { doc, fixture, ROOT, service } from './helpers';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli: postmortem render', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-render-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a standalone page with the computed metrics to -o', () => {
    const out = path.join(dir, 'standard.html');
    const r = run(['render', path.join(ROOT, 'test/fixtures/filled/standard.md'), '-o', out]);
    assert.equal(r.code, 0, r.err);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /data-metric="duration"><dt>Duration<\/dt><dd><span class="pm-value"[^>]*>2h 15m<\/span>/);
    assert.match(html, /data-metric="timeToMitigate"><dt>Time to mitigate<\/dt><dd><span class="pm-value"[^>]*>1h 18m<\/span>/);
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, /var\(--vscode-/, 'the light theme, not VS Code variables');
    assert.doesNotMatch(html, /class="pm-card pm-diagnostics"/, 'no Problems panel outside the editor');
    assert.match(r.err, /wrote .*standard\.html/);
  });

  it('prints to stdout without -o', () => {
    const r = run(['render', path.join(ROOT, 'test/fixtures/filled/sev.md')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^<!DOCTYPE html>[\s\S]*3h 5m[\s\S]*<\/html>$/);
  });

  it('inlines a small image next to the document and keeps a large one as a relative path', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    fs.mkdirSync(path.join(dir, 'img'));
    fs.writeFileSync(path.join(dir, 'img', 'small.png'), png);
    fs.writeFileSync(path.join(dir, 'img', 'large.png'), Buffer.alloc(600 * 1024));
    const md = path.join(dir, 'pm.md');
    fs.writeFileSync(md, fixture('filled/standard.md') + '\n![small](img/small.png) ![large](img/large.png) ![missing](img/none.png)\n');
    const r = run(['render', md]);
    assert.equal(r.code, 0, r.err);
    // 89 50 4E | 47 0D 0A | 1A 0A -> iVBO Rw0K Ggo=
    assert.match(r.out, /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="small">/);
    assert.match(r.out, /<img src="img\/large.png" alt="large">/);
    assert.match(r.out, /<img src="img\/none.png" alt="missing">/);
  });

  it('usage errors and unreadable files exit with 2', () => {
    assert.equal(run(['render']).code, 2);
    assert.equal(run(['render', 'a.md', 'b.md']).code, 2);
    assert.equal(run(['render', '--bogus', 'a.md']).code, 2);
    const r = run(['render', path.join(dir, 'nope.md')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /nope\.md/);
  });

  it('a plain markdown file renders with a notice and no summary', () => {
    const r = run(['render', path.join(ROOT, 'test/fixtures/plain/readme-with-timeline.md')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /not recognised as a post-mortem/);
    assert.doesNotMatch(r.out, /pm-summary|pm-chart/);
  });
});

describe('render request: parts', () => {
  const input = doc(fixture('filled/standard.md'), 'file:///ws/standard.md', 7);

  it("'metrics' answers without rendering", () => {
    const r = renderResponse(service(), input, { uri: input.uri, mode: 'webview', part: 'metrics' });
    assert.equal(r.html, undefined);
    assert.equal(r.body, undefined);
    assert.equal(r.isPostmortem, true);
    assert.equal(r.version, 7);
    assert.equal(r.metrics.durationMinutes, 135);
  });

  it("'body' (the webview default) and 'html' (the standalone default)", () => {
    const body = renderResponse(service(), input, { uri: input.uri, mode: 'webview' });
    assert.ok(body.body?.startsWith('<section class="pm-card pm-summary"'));
    assert.equal(body.html, undefined);
    const page = renderResponse(service(), input, { uri: input.uri, mode: 'standalone' });
    assert.match(page.html!, /^<!DOCTYPE html>/);
    assert.equal(page.body, undefined);
  });

  it('counts the diagnostics of the document', () => {
    const svc = service();
    const r = renderResponse(svc, input, { uri: input.uri, mode: 'webview', part: 'body' });
    assert.equal(r.diagnosticsCount, svc.diagnostics(input).length);
    const n = r.diagnosticsCount;
    assert.match(r.body!, new RegExp(`data-count="${n}"><span class="pm-diagnostics-count">${n === 0 ? 'No problems' : `${n} problem`}`));
    assert.match(r.body!, /<button type="button" class="pm-link" data-command="problems">Show in Problems panel<\/button>/);
  });
});
