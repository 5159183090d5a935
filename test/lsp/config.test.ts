import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { startServer, ROOT, type LspSession } from './harness';

const seed = fs.readFileSync(path.join(ROOT, 'test/fixtures/seeds/standard.md'), 'utf8');

describe('configuration: settings and .postmortem.yaml', function () {
  let dir: string;
  let s: LspSession | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-config-'));
  });
  afterEach(async () => {
    await s?.stop();
    s = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an invalid config file gets a diagnostic at the exact place; the defaults apply meanwhile', async () => {
    const file = path.join(dir, '.postmortem.yaml');
    fs.writeFileSync(file, 'enable: true\nrules:\n  placeholder: loud\ncolour: blue\n');
    s = await startServer({ rootUri: pathToFileURL(dir).toString() });
    const cfg = await s.waitForDiagnostics(pathToFileURL(file).toString(), (p) => p.diagnostics.length > 0);
    const lines = cfg.diagnostics.map((d) => d.range.start.line).sort();
    assert.deepEqual(lines, [2, 3], JSON.stringify(cfg.diagnostics));
    assert.ok(cfg.diagnostics.some((d) => /colour/.test(String(d.message))));
    const docDiags = await s.open(pathToFileURL(path.join(dir, 'pm.md')).toString(), seed);
    assert.ok(
      docDiags.some((d) => d.code === 'placeholder' && d.severity === 1),
      'defaults: placeholder is an error',
    );
  });

  it('edits to the config file apply without a reload', async () => {
    const file = path.join(dir, '.postmortem.yaml');
    fs.writeFileSync(file, 'rules: {}\n');
    s = await startServer({ rootUri: pathToFileURL(dir).toString() });
    const uri = pathToFileURL(path.join(dir, 'pm.md')).toString();
    const before = await s.open(uri, seed);
    assert.ok(before.some((d) => d.code === 'placeholder'));
    fs.writeFileSync(file, 'rules:\n  placeholder: off\n  missing-field: hint\n');
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Changed }] });
    const after = await s.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'placeholder'));
    assert.ok(after.diagnostics.every((d) => d.code !== 'missing-field' || d.severity === 4));
  });

  it('in Restricted Mode (untrusted workspace) the config file is not loaded', async () => {
    fs.writeFileSync(path.join(dir, '.postmortem.yaml'), 'rules:\n  placeholder: off\n');
    s = await startServer({ rootUri: pathToFileURL(dir).toString(), initializationOptions: { trusted: false } });
    const d = await s.open(pathToFileURL(path.join(dir, 'pm.md')).toString(), seed);
    assert.ok(d.some((x) => x.code === 'placeholder'));
  });

  it('VS Code settings set rule severities', async () => {
    s = await startServer({ rootUri: pathToFileURL(dir).toString(), settings: { rules: { placeholder: 'warning' } } });
    const d = await s.open(pathToFileURL(path.join(dir, 'pm.md')).toString(), seed);
    const p = d.filter((x) => x.code === 'placeholder');
    assert.ok(p.length > 0 && p.every((x) => x.severity === 2));
  });

  it('the CLI honours the same config file', () => {
    fs.writeFileSync(path.join(dir, 'pm.md'), seed);
    const run = (args: string[]) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, [path.join(ROOT, 'bin/postmortem.js'), ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
      } catch (e) {
        const err = e as { status: number; stdout: string };
        return { code: err.status, out: err.stdout };
      }
    };
    const strict = run(['lint', '--format', 'json', 'pm.md']);
    assert.equal(strict.code, 1);
    assert.ok(JSON.parse(strict.out).some((d: { code: string }) => d.code === 'placeholder'));
    fs.writeFileSync(path.join(dir, '.postmortem.yaml'), 'rules:\n  placeholder: off\n  missing-field: off\n  missing-section: off\n');
    const relaxed = run(['lint', '--format', 'json', 'pm.md']);
    assert.ok(!JSON.parse(relaxed.out).some((d: { code: string }) => d.code === 'placeholder'), relaxed.out);
  });
});
