// `postmortem lint --fix`: the editor's fix-all, on files, written atomically; --dry-run as a diff.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { applyPatch, parsePatch } from 'diff';
import { applyTextEdits, createService, FIX_ALL_KIND } from '../../../server/src/core';
import { loadBuiltinTemplates } from '../../../server/src/node/builtinTemplates';
import { ROOT } from '../helpers';
import { BIN, run } from './run';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const fixtureFiles = (dir = FIXTURES): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));

/** What the editor's "Fix all" gives for this text at this path (the service's fix-all action). */
function editorFixAll(file: string, text: string): string {
  const service = createService({ templates: loadBuiltinTemplates() });
  const doc = { uri: pathToFileURL(file).toString(), version: 1, text };
  const range = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
  const action = service.codeActions(doc, range, { diagnostics: service.diagnostics(doc), only: [FIX_ALL_KIND] }).find((a) => a.kind === FIX_ALL_KIND);
  return applyTextEdits(text, action?.edit?.changes?.[doc.uri] ?? []);
}

const OLD = new Date('2001-02-03T04:05:06Z');

describe('postmortem lint --fix', function () {
  this.timeout(300000);
  let dir: string;
  let originals: Map<string, string>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-fix-'));
    originals = new Map();
    for (const f of fixtureFiles()) {
      const copy = path.join(dir, path.relative(FIXTURES, f));
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      const text = fs.readFileSync(f, 'utf8');
      fs.writeFileSync(copy, text);
      fs.utimesSync(copy, OLD, OLD);
      originals.set(copy, text);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("gives every fixture exactly the editor's fix-all, touches no other file, and reports what is left", () => {
    const r = run(['lint', '--fix', '--format', 'json', '--output', 'left.json', '.'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    let changed = 0;
    for (const [file, text] of originals) {
      const expected = editorFixAll(file, text);
      const now = fs.readFileSync(file, 'utf8');
      assert.equal(now, expected, path.relative(dir, file));
      if (expected === text) assert.equal(fs.statSync(file).mtimeMs, OLD.getTime(), `${path.relative(dir, file)} was not changed, so not written`);
      else changed++;
    }
    assert.ok(changed >= 3, `fix-all changed ${changed} fixtures`);
    assert.match(r.err, new RegExp(`, ${changed} fixed, \\d+ error\\(s\\), \\d+ other finding\\(s\\) left`));
    // What it reports is what lint finds in the fixed files.
    const after = run(['lint', '--format', 'json', '.'], dir);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'left.json'), 'utf8')), JSON.parse(after.out));
    assert.equal(r.code, after.code);
    const left = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(left, [], 'no temporary file left');
  });

  it('keeps a byte-order mark, CRLF line ends (inserted lines too, as VS Code writes them), the file mode and a symbolic link', () => {
    const lf = originals.get(path.join(dir, 'fix', 'missing-severity.md'))!;
    const crlf = path.join(dir, 'crlf.md');
    fs.writeFileSync(crlf, '\uFEFF' + lf.replace(/\n/g, '\r\n'));
    fs.chmodSync(crlf, 0o640);
    fs.symlinkSync('crlf.md', path.join(dir, 'link.md'));
    const r = run(['lint', '--fix', 'link.md'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
    const now = fs.readFileSync(crlf, 'utf8');
    const fixedLf = editorFixAll(path.join(dir, 'link.md'), lf);
    assert.notEqual(fixedLf, lf, 'fix-all inserts a line here');
    assert.equal(now, '\uFEFF' + fixedLf.replace(/\n/g, '\r\n'));
    assert.equal(fs.statSync(crlf).mode & 0o777, 0o640);
  });

  it('--fix --dry-run prints a unified diff that gives the fixed text, and writes nothing', () => {
    const r = run(['lint', '--fix', '--dry-run', 'fix', 'seeds'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    const patches = parsePatch(r.out);
    assert.ok(patches.length >= 3);
    for (const [file, text] of originals) {
      assert.equal(fs.readFileSync(file, 'utf8'), text);
      assert.equal(fs.statSync(file).mtimeMs, OLD.getTime());
      const rel = path.relative(dir, file).split(path.sep).join('/');
      const patch = patches.find((p) => p.newFileName === `b/${rel}`);
      const expected = rel.startsWith('fix/') || rel.startsWith('seeds/') ? editorFixAll(file, text) : text;
      if (!patch) assert.equal(expected, text, `${rel} has no diff`);
      else assert.equal(applyPatch(text, patch), expected, rel);
    }
    assert.match(r.err, /would be fixed/);
    assert.equal(run(['lint', '--dry-run', 'seeds'], dir).code, 2, '--dry-run alone is a usage error');
  });

  it('killed mid-run, it leaves every file either as it was or fully fixed', async () => {
    const names = fs.readdirSync(path.join(dir, 'fix')).sort();
    const texts = names.map((n) => originals.get(path.join(dir, 'fix', n))!);
    const fixedTexts = texts.map((t) => editorFixAll(path.join(dir, 'x.md'), t));
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    const files = Array.from({ length: 1000 }, (_, i) => path.join(many, `pm-${String(i).padStart(4, '0')}.md`));
    files.forEach((f, i) => fs.writeFileSync(f, texts[i % texts.length]!));
    const child = spawn(process.execPath, [BIN, 'lint', '--fix', '--jobs', '2', 'many'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Files are handed out in order: kill it as soon as the first few are written.
    const first = files.slice(0, 12);
    for (let i = 0; i < 12000; i++) {
      if (first.filter((f, k) => fs.readFileSync(f, 'utf8') !== texts[k % texts.length]).length >= 3) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await exited;
    let fixed = 0;
    let untouched = 0;
    files.forEach((f, k) => {
      const now = fs.readFileSync(f, 'utf8');
      if (now === fixedTexts[k % texts.length]) fixed++;
      else if (now === texts[k % texts.length]) untouched++;
      else assert.fail(`${path.basename(f)} is neither the old text nor the fixed one`);
    });
    assert.ok(fixed >= 3, `${fixed} fixed before the kill`);
    assert.ok(untouched > 0, 'the run was killed before it finished');
  });
});
