// The bundled language server (dist/server.js) in a second real LSP client: Neovim's built-in
// one (Neovim 0.7+, `nvim` on PATH; scripts/e2e/install.sh installs Debian's). Needs `npm run build`.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// Overridable to try another build of the server or other fixtures.
const SERVER = process.env.POSTMORTEM_SERVER ?? join(ROOT, 'dist', 'server.js');
const SEED = join(process.env.POSTMORTEM_FIXTURES ?? join(ROOT, 'test', 'fixtures'), 'seeds', 'standard.md');
const SEVERITY_LINE = '**Severity:** P0 | P1 | P2 | P3';

interface NvimDiagnostic {
  line: number;
  col: number;
  severity: number;
  source?: string;
  code?: string | number;
  message: string;
}
interface NvimResult {
  ok: boolean;
  error?: string;
  log: string[];
  completionProvider?: boolean;
  diagnostics: NvimDiagnostic[] | Record<string, never>;
  completion?: { timeout?: boolean; error?: unknown; isNull?: boolean; isList?: boolean; count?: number; labels?: string[] };
  exit?: { code: number; signal: number };
}

function runNeovim(file: string, line: number, out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${join(ROOT, 'test', 'lsp', 'neovim.lua')}`], {
      cwd: ROOT,
      env: { ...process.env, PM_NVIM_SERVER: SERVER, PM_NVIM_FILE: file, PM_NVIM_OUT: out, PM_NVIM_LINE: String(line) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`could not run nvim (${e.message}); install Neovim 0.7+ (bash scripts/e2e/install.sh)`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('the language server in Neovim', function () {
  this.timeout(90_000);
  let dir: string;
  let result: NvimResult;
  let severityLine: number; // 0-based

  before(async function () {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build`);
    dir = mkdtempSync(join(tmpdir(), 'postmortem-nvim-'));
    const file = join(dir, 'standard.md');
    copyFileSync(SEED, file);
    severityLine = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .findIndex((l) => l.includes(SEVERITY_LINE));
    assert.ok(severityLine >= 0, `test/fixtures/seeds/standard.md has no line ${SEVERITY_LINE}`);
    const out = join(dir, 'result.json');
    const { code, stderr } = await runNeovim(file, severityLine + 1, out);
    assert.ok(existsSync(out), `nvim (exit ${code}) wrote no result; stderr:\n${stderr}`);
    result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts, initializes and stops cleanly', () => {
    assert.equal(result.error, undefined, `the Neovim script failed: ${result.error}\n${result.log.join('\n')}`);
    assert.ok(result.ok);
    assert.equal(result.exit?.code, 0, `the server should exit 0 after shutdown/exit, got ${JSON.stringify(result.exit)}`);
  });

  it('publishes placeholder diagnostics for the raw standard template', () => {
    const ds = Array.isArray(result.diagnostics) ? result.diagnostics : [];
    const codes = new Set(ds.map((d) => String(d.code)));
    if (!codes.has('placeholder')) assert.fail(`no placeholder diagnostic; got ${JSON.stringify([...codes])}`);
    assert.ok(
      ds.every((d) => d.source === 'postmortem'),
      'every diagnostic has source "postmortem"',
    );
    assert.ok(
      ds.some((d) => d.code === 'placeholder' && d.line === severityLine),
      `a placeholder diagnostic on line ${severityLine + 1} (${SEVERITY_LINE}); got lines ${ds.map((d) => `${d.line + 1}:${d.code}`).join(', ')}`,
    );
  });

  it('completes the severity options at the end of the Severity line', () => {
    const c = result.completion;
    assert.ok(c, 'no completion result recorded');
    assert.ok(!c.timeout, `the completion request timed out: ${JSON.stringify(c)}`);
    assert.equal(c.error ?? null, null, `the completion request failed: ${JSON.stringify(c.error)}`);
    assert.ok(result.completionProvider, 'the server advertises completionProvider');
    assert.ok(c.isList, `completion returns CompletionItem[] or a CompletionList, got ${JSON.stringify(c)}`);
    assert.ok(
      (c.labels ?? []).some((l) => /^P[0-3]\b/.test(l)),
      `the template's severities (P0..P3) are offered; got ${JSON.stringify(c.labels)}`,
    );
  });
});
