// The conventions every command follows: help, version, quiet, colours, threads.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fixture } from '../helpers';
import { BIN, run } from './run';

const COMMANDS = ['lint', 'metrics', 'new', 'render', 'import'];
const ANSI = /\u001b\[\d+m/;

describe('postmortem CLI conventions', function () {
  this.timeout(180000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-conv-'));
    fs.writeFileSync(path.join(dir, 'raw.md'), fixture('seeds/report.md'));
    fs.writeFileSync(path.join(dir, 'filled.md'), fixture('filled/standard.md'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--help on every command prints its usage and options and exits 0; -h and `help CMD` print the same', () => {
    const helps = COMMANDS.map((c) => run([c, '--help'], dir));
    COMMANDS.forEach((c, i) => {
      const h = helps[i]!;
      assert.equal(h.code, 0, `${c} --help: ${h.err}`);
      assert.match(h.out, new RegExp(`^Usage:\\n  postmortem ${c} `));
      assert.match(h.out, /--config FILE/);
      assert.match(h.out, /-q, --quiet/);
    });
    assert.match(helps[0]!.out, /--format FORMAT/);
    // --help wins over everything else, even a missing PATH.
    assert.equal(run(['lint', 'whatever', '-h'], dir).out, helps[0]!.out);
    assert.equal(run(['help', 'render'], dir).out, helps[3]!.out);
  });

  it('--help alone lists every command; `help nope` is a usage error', () => {
    const r = run(['--help'], dir);
    assert.equal(r.code, 0);
    for (const c of COMMANDS) assert.match(r.out, new RegExp(`^  ${c} `, 'm'));
    const bad = run(['help', 'nope'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown command 'nope'/);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    const r = run(['--version'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out.trim(), version);
  });

  it('option errors name the option and exit 2 with the command usage', () => {
    const cases: [string[], RegExp][] = [
      [['lint', '--bogus', 'raw.md'], /unknown option --bogus/],
      [['lint', '--format'], /--format needs a value/],
      [['lint', '--format', '--quiet', 'raw.md'], /--format needs a value/],
      [['lint', '--quiet=yes', 'raw.md'], /--quiet takes no value/],
      [['lint', '--jobs', 'two', 'raw.md'], /--jobs needs a whole number/],
      [['new', 'extra'], /unexpected argument 'extra'/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
      assert.match(r.err, new RegExp(`Usage:\\n  postmortem ${args[0]} `));
    }
  });

  it('--quiet: lint reports errors only and no summary; the exit code is unchanged', () => {
    // The hostile fixture has both errors and warnings.
    fs.writeFileSync(path.join(dir, 'mixed.md'), fixture('hostile/hostile.md'));
    const loud = run(['lint', '--format', 'json', 'mixed.md'], dir);
    const quiet = run(['lint', '--quiet', '--format', 'json', 'mixed.md'], dir);
    const all = JSON.parse(loud.out) as { severity: string }[];
    const errors = JSON.parse(quiet.out) as { severity: string }[];
    assert.ok(all.some((f) => f.severity === 'warning'));
    assert.ok(errors.length > 0 && errors.every((f) => f.severity === 'error'));
    assert.equal(errors.length, all.filter((f) => f.severity === 'error').length);
    assert.equal(quiet.code, 1);
    const text = run(['lint', '-q', 'raw.md'], dir);
    assert.equal(text.err, '');
    assert.match(run(['lint', 'raw.md'], dir).err, /file\(s\) checked/);
    const out = path.join(dir, 'new.md');
    assert.equal(run(['new', '-t', 'sev', '-o', out, '-q'], dir).err, '');
    assert.match(run(['new', '-t', 'sev', '-o', out, '--force'], dir).err, /^wrote /);
  });

  it('a reader that stops early (`| head`) ends the output quietly, with the exit code the command gives', () => {
    // A timeline long enough that its listing outgrows the pipe's buffer (64 KB).
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `| ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | Step ${i} of the recovery, written out at some length |`,
    );
    fs.writeFileSync(path.join(dir, 'long.md'), `${fixture('filled/standard.md')}\n## Appendix: full log\n\n| Time | Event |\n|---|---|\n${rows.join('\n')}\n`);
    fs.mkdirSync(path.join(dir, 'drafts'));
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, 'drafts', `pm-${i}.md`), fixture('seeds/report.md'));
    // A real pipe into `head`, as in a terminal (the exit code read from bash's PIPESTATUS).
    const headOne = (args: string[]) => {
      const cmd = [process.execPath, BIN, ...args].map((x) => JSON.stringify(x)).join(' ');
      const r = spawnSync('bash', ['-c', `${cmd} | head -c 100; s=\${PIPESTATUS[0]}; echo; echo "exit=$s"`], { cwd: dir, encoding: 'utf8' });
      const exit = /exit=(\d+)\s*$/.exec(r.stdout);
      return { code: exit ? Number(exit[1]) : null, first: r.stdout.slice(0, 100), err: r.stderr };
    };
    for (const [args, code] of [
      [['render', 'long.md'], 0],
      [['metrics', '--format', 'json', 'long.md'], 0],
      // Findings of 30 unfilled templates: more than the pipe holds; the errors still set the exit code.
      [['lint', 'drafts'], 1],
    ] as const) {
      const r = headOne([...args]);
      assert.ok(r.first.length > 0, `${args.join(' ')}: wrote nothing`);
      assert.doesNotMatch(r.err, /EPIPE|Unhandled|at /, `${args.join(' ')}: ${r.err}`);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
    }
  });

  it('colours only on a terminal, and never with NO_COLOR', () => {
    assert.doesNotMatch(run(['lint', 'raw.md'], dir).out, ANSI, 'piped: no colour');
    // `script` runs the CLI on a pseudo-terminal, as a person would.
    const tty = (env: NodeJS.ProcessEnv) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} lint raw.md`, '/dev/null'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '', ...env },
      }).stdout;
    const coloured = tty({});
    assert.match(coloured, /raw\.md/);
    assert.match(coloured, ANSI);
    const plain = tty({ NO_COLOR: '1' });
    assert.match(plain, /raw\.md/);
    assert.doesNotMatch(plain, ANSI);
  });

  it('many files: worker threads give the same output, sorted by file, as one thread', () => {
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    const raw = fixture('seeds/report.md');
    // Names that sort differently by code point and by number, and a nested folder.
    for (let i = 0; i < 45; i++) fs.writeFileSync(path.join(many, `pm-${i}.md`), i % 3 ? raw : fixture('filled/sev.md'));
    fs.mkdirSync(path.join(many, 'b'));
    fs.writeFileSync(path.join(many, 'b', 'z.md'), raw);
    const one = run(['lint', '--jobs', '1', 'many'], dir);
    const two = run(['lint', '--jobs', '2', 'many'], dir);
    const auto = run(['lint', 'many'], dir);
    assert.equal(one.code, 1, one.err);
    assert.equal(two.out, one.out);
    assert.equal(auto.out, one.out);
    assert.equal(two.err, one.err);
    const files = [
      ...new Set(
        one.out
          .trim()
          .split('\n')
          .map((l) => l.split(':')[0]!),
      ),
    ];
    // The report's JSON, made in pieces on the worker threads, is the one-thread JSON.
    const report = (jobs: string) => run(['report', '--format', 'json', '--jobs', jobs, 'many'], dir);
    const [r1, r3] = [report('1'), report('3')];
    assert.equal(r1.code, 0, r1.err);
    assert.equal(JSON.parse(r1.out).postmortems.length, 46);
    assert.equal(r3.out, r1.out);
    assert.equal(files.length, 31);
    assert.deepEqual(
      files,
      [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
});
