import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { startServer, fixture, type LspSession } from './harness';
import { INSIGHTS_REQUEST, WORKSPACE_LIST_REQUEST, WORKSPACE_PROBLEMS_REQUEST, type InsightsResult, type WorkspaceListResult } from '../../server/src/protocol';
import { main } from '../../server/src/cli';

/** `postmortem metrics --format json FILE` in-process: what every figure must equal. */
function metricsOf(file: string): Record<string, unknown> {
  const out: string[] = [];
  main(
    ['metrics', '--format', 'json', file],
    (s) => out.push(s),
    () => undefined,
  );
  return JSON.parse(out.join('\n')) as Record<string, unknown>;
}

describe('workspace index over LSP', function () {
  this.timeout(60000);
  let dir: string;
  let s: LspSession | undefined;
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();
  const list = () => s!.connection.sendRequest(WORKSPACE_LIST_REQUEST) as Promise<WorkspaceListResult>;
  async function until(accept: (r: WorkspaceListResult) => boolean, what: string): Promise<WorkspaceListResult> {
    const deadline = Date.now() + 20000;
    for (;;) {
      const r = await list();
      if (!r.indexing && accept(r)) return r;
      if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify({ ...r, summaries: r.summaries.map((x) => x.uri) })}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const watched = (changes: { uri: string; type: FileChangeType }[]) => s!.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-ws-'));
    fs.mkdirSync(path.join(dir, 'postmortems', '2025'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'postmortems', 'standard.md'), fixture('filled/standard.md'));
    fs.writeFileSync(path.join(dir, 'postmortems', '2025', 'sev.md'), fixture('filled/sev.md'));
    fs.writeFileSync(path.join(dir, 'postmortems', 'classic.md'), fixture('filled/classic.md'));
    fs.writeFileSync(path.join(dir, 'README.md'), fixture('plain/readme-with-timeline.md'));
    s = await startServer({ rootUri: pathToFileURL(dir).toString() });
  });
  afterEach(async () => {
    await s?.stop();
    s = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('indexes the post-mortems on disk after initialization, with the figures metrics gives', async () => {
    const r = await until((x) => x.postmortems === 3, 'three post-mortems');
    assert.deepEqual(
      r.summaries.map((x) => r.labels[x.uri]),
      ['postmortems/2025/sev.md', 'postmortems/standard.md', 'postmortems/classic.md'],
    );
    for (const summary of r.summaries) {
      const m = metricsOf(path.join(dir, r.labels[summary.uri]!));
      for (const k of ['start', 'end', 'durationMinutes', 'timeToDetectMinutes', 'timeToAcknowledgeMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes'] as const)
        assert.deepEqual(summary[k], m[k], `${summary.uri} ${k}`);
    }
  });

  it('files created, changed, renamed and deleted on disk update one entry each', async () => {
    await until((x) => x.postmortems === 3, 'indexed');
    // Outside a post-mortem folder (a file under postmortems/ is one whatever it holds).
    fs.writeFileSync(path.join(dir, 'new.md'), fixture('filled/report.md'));
    await watched([{ uri: uri('new.md'), type: FileChangeType.Created }]);
    await until((x) => x.summaries.some((y) => y.uri === uri('new.md')), 'created');
    fs.writeFileSync(path.join(dir, 'new.md'), fixture('plain/readme-with-timeline.md'));
    await watched([{ uri: uri('new.md'), type: FileChangeType.Changed }]);
    await until((x) => x.postmortems === 3 && !x.summaries.some((y) => y.uri === uri('new.md')), 'no longer a post-mortem');
    fs.renameSync(path.join(dir, 'postmortems', 'classic.md'), path.join(dir, 'postmortems', 'renamed.md'));
    await watched([
      { uri: uri('postmortems/classic.md'), type: FileChangeType.Deleted },
      { uri: uri('postmortems/renamed.md'), type: FileChangeType.Created },
    ]);
    const renamed = await until((x) => x.summaries.some((y) => y.uri === uri('postmortems/renamed.md')) && !x.summaries.some((y) => y.uri === uri('postmortems/classic.md')), 'renamed');
    assert.equal(renamed.postmortems, 3);
    fs.rmSync(path.join(dir, 'postmortems', '2025'), { recursive: true });
    await watched([{ uri: uri('postmortems/2025'), type: FileChangeType.Deleted }]);
    await until((x) => x.postmortems === 2, 'folder deleted');
  });

  it('an edit in the editor updates the entry before it is saved; closing goes back to the file', async () => {
    await until((x) => x.postmortems === 3, 'indexed');
    const u = uri('postmortems/standard.md');
    const text = fixture('filled/standard.md');
    await s!.open(u, text);
    await s!.change(u, text.replace('**Severity:** P1', '**Severity:** P3'));
    await until((x) => x.summaries.find((y) => y.uri === u)?.severity === 'P3', 'edited severity');
    await s!.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: u } });
    await until((x) => x.summaries.find((y) => y.uri === u)?.severity === 'P1', 'severity from disk');
  });

  it('Insights: webview page with the given nonce, the charts and the mismatch list', async () => {
    fs.writeFileSync(path.join(dir, 'postmortems', 'standard.md'), fixture('filled/sev.md').replace('**Duration:** 03:05', '**Duration:** 01:00'));
    await until((x) => x.postmortems === 3, 'indexed');
    const nonce = 'abcdefghijklmnopqrstuvwx';
    const r = (await s!.connection.sendRequest(INSIGHTS_REQUEST, { mode: 'webview', nonce, cspSource: 'vscode-webview://x', scriptUri: 'vscode-webview://x/insights.js' })) as InsightsResult;
    assert.equal(r.postmortems, 3);
    assert.match(r.html, new RegExp(`script-src &#39;nonce-${nonce}&#39;`));
    assert.match(r.html, new RegExp(`<script nonce="${nonce}" src="vscode-webview://x/insights.js">`));
    for (const chart of ['per-month', 'per-severity', 'metric-timeToDetect', 'metric-timeToAcknowledge', 'metric-timeToMitigate', 'metric-timeToResolve', 'owners'])
      assert.match(r.body, new RegExp(`data-chart="${chart}"`), chart);
    assert.match(r.body, /data-mismatch="postmortems\/standard\.md"/);
    assert.match(r.body, /<dd>3<\/dd>/);
  });

  it('workspace problems: findings of closed post-mortems are published, and withdrawn when switched off', async () => {
    fs.writeFileSync(path.join(dir, 'postmortems', 'raw.md'), fixture('seeds/report.md'));
    await until((x) => x.postmortems === 4, 'indexed');
    assert.equal(s!.diagnostics.has(uri('postmortems/raw.md')), false, 'nothing published for closed files by default');
    await s!.connection.sendRequest(WORKSPACE_PROBLEMS_REQUEST, { enabled: true });
    const published = await s!.waitForDiagnostics(uri('postmortems/raw.md'), (p) => p.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((d) => d.code === 'placeholder'));
    assert.equal(s!.diagnostics.has(uri('README.md')), false, 'not a post-mortem: nothing published');
    await s!.connection.sendRequest(WORKSPACE_PROBLEMS_REQUEST, { enabled: false });
    await s!.waitForDiagnostics(uri('postmortems/raw.md'), (p) => p.diagnostics.length === 0);
  });
});
