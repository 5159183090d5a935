// Which files lint reads: globs expanded by the CLI, .gitignore, the config's ignores: and --ignore.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture } from '../helpers';
import { run } from './run';

describe('postmortem lint: globs and ignores', function () {
  this.timeout(180000);
  let dir: string;
  const write = (rel: string, text = fixture('seeds/sev.md')) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  /** The files lint reported findings for (every file here is an unfilled template, so each has some). */
  const linted = (args: string[]) => {
    const r = run(['lint', '--format', 'json', ...args], dir);
    assert.ok(r.code === 1 || r.code === 2, r.err);
    return { files: [...new Set((JSON.parse(r.out) as { file: string }[]).map((f) => f.file.split(path.sep).join('/')))].sort(), r };
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-files-'));
    write('postmortems/2025/a.md');
    write('postmortems/2025/b.markdown');
    write('postmortems/drafts/c.md');
    write('postmortems/generated/d.md');
    write('notes.md');
    write('postmortems/notes.txt', 'not markdown');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("expands a quoted '**/*.md' itself, with no shell in between", () => {
    assert.deepEqual(linted(['postmortems/**/*.md']).files, ['postmortems/2025/a.md', 'postmortems/drafts/c.md', 'postmortems/generated/d.md']);
    assert.deepEqual(linted(['**/*.{md,markdown}']).files, ['notes.md', 'postmortems/2025/a.md', 'postmortems/2025/b.markdown', 'postmortems/drafts/c.md', 'postmortems/generated/d.md']);
  });

  it('a pattern starting with ! leaves files out', () => {
    assert.deepEqual(linted(['postmortems/**/*.md', '!postmortems/drafts/**', '!**/d.md']).files, ['postmortems/2025/a.md']);
  });

  it('a glob that matches nothing is an error (exit 2), the others are still checked', () => {
    const { files, r } = linted(['nothing/**/*.md', 'notes.md']);
    assert.equal(r.code, 2);
    assert.match(r.err, /nothing\/\*\*\/\*\.md: no markdown files match this pattern/);
    assert.deepEqual(files, ['notes.md']);
  });

  it('.gitignore is honoured by default, in folders and globs; --no-gitignore turns it off', () => {
    write('.gitignore', '# build output\npostmortems/generated/\n*.markdown\n');
    write('postmortems/drafts/.gitignore', 'c.md\n');
    const all = ['notes.md', 'postmortems/2025/a.md', 'postmortems/2025/b.markdown', 'postmortems/drafts/c.md', 'postmortems/generated/d.md'];
    assert.deepEqual(linted(['.']).files, ['notes.md', 'postmortems/2025/a.md']);
    assert.deepEqual(linted(['**/*.md']).files, ['notes.md', 'postmortems/2025/a.md']);
    assert.deepEqual(linted(['--no-gitignore', '.']).files, all);
    // Named outright, it is still left out, and the message says why and how to check it.
    const named = linted(['postmortems/generated/d.md', 'notes.md']);
    assert.deepEqual(named.files, ['notes.md']);
    assert.match(named.r.err, /postmortems\/generated\/d\.md: skipped \(a \.gitignore lists it; --no-gitignore checks it\)/);
    // report says the same, and reads it with --no-gitignore.
    assert.match(run(['report', 'postmortems/generated/d.md'], dir).err, /d\.md: skipped \(a \.gitignore lists it/);
    assert.doesNotMatch(run(['report', '--no-gitignore', 'postmortems/generated/d.md'], dir).err, /skipped/);
  });

  it('--ignore PATTERN (repeatable) leaves files out, and says so for a file named outright', () => {
    assert.deepEqual(linted(['--ignore', 'drafts/', '--ignore=generated', 'postmortems']).files, ['postmortems/2025/a.md', 'postmortems/2025/b.markdown']);
    const { files, r } = linted(['--ignore', 'notes.md', 'notes.md', 'postmortems/2025/a.md']);
    assert.deepEqual(files, ['postmortems/2025/a.md']);
    assert.match(r.err, /notes\.md: skipped \(an ignore pattern matches it\)/);
  });

  it("the config's ignores: list applies relative to the config file, from any folder", () => {
    write('.postmortem.yaml', 'ignores:\n  - postmortems/drafts/\n  - "**/d.md"\n');
    assert.deepEqual(linted(['postmortems']).files, ['postmortems/2025/a.md', 'postmortems/2025/b.markdown']);
    // From a sub-folder the config is found in the parent and its patterns stay relative to it.
    const r = run(['lint', '--format', 'json', '.'], path.join(dir, 'postmortems'));
    const files = [...new Set((JSON.parse(r.out) as { file: string }[]).map((f) => f.file.split(path.sep).join('/')))].sort();
    assert.deepEqual(files, ['2025/a.md', '2025/b.markdown']);
  });

  it('an invalid ignores: entry is reported at its place and the defaults apply', () => {
    write('.postmortem.yaml', 'ignores: drafts\n');
    const r = run(['lint', 'notes.md'], dir);
    assert.match(r.err, /\.postmortem\.yaml:1:\d+: ignores: /);
    assert.equal(r.code, 1);
  });
});
