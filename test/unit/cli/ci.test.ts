// The ready-made CI definitions, run as their runners run them: the pre-commit hooks' entries with
// the staged file names after them, and the GitHub Action's lint step under bash with its inputs
// in the environment (GitHub substitutes ${{ }} in `env:` only; the script itself is used as is).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { fixture, ROOT } from '../helpers';
import { run } from './run';

interface Hook {
  id: string;
  entry: string;
  language: string;
  types: string[];
}
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}

describe('CI: the pre-commit hooks and the GitHub Action', function () {
  this.timeout(180000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-ci-'));
    fs.mkdirSync(path.join(dir, 'postmortems', 'drafts'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'postmortems', 'raw.md'), fixture('seeds/sev.md'));
    fs.writeFileSync(path.join(dir, 'postmortems', 'duration.md'), fixture('fix/stated-duration.md'));
    fs.writeFileSync(path.join(dir, 'postmortems', 'drafts', 'draft.md'), fixture('seeds/report.md'));
    fs.writeFileSync(path.join(dir, 'notes.md'), fixture('plain/readme-with-timeline.md'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('.pre-commit-hooks.yaml: each hook runs postmortem on the staged markdown files', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    assert.deepEqual(
      hooks.map((h) => h.id),
      ['postmortem-lint', 'postmortem-lint-fix'],
    );
    const staged = ['notes.md', 'postmortems/duration.md', 'postmortems/raw.md'];
    for (const hook of hooks) {
      assert.equal(hook.language, 'node');
      assert.deepEqual(hook.types, ['markdown']);
      const [bin, ...args] = hook.entry.split(' ');
      assert.equal(bin, 'postmortem', 'the package.json bin pre-commit installs');
      const r = run([...args, ...staged], dir);
      assert.equal(r.code, 1, `${hook.id}: the unfilled template fails the commit\n${r.err}`);
      assert.match(r.out, /^postmortems\/raw\.md:\d+:\d+ error placeholder /m);
      assert.doesNotMatch(r.out, /^notes\.md:/m, 'other markdown gives no findings');
    }
    // The --fix hook ran last: the stated duration is now the computed one.
    assert.match(fs.readFileSync(path.join(dir, 'postmortems', 'duration.md'), 'utf8'), /\*\*Duration:\*\* 03:05/);
  });

  it('action.yml: a composite action whose lint step writes workflow commands for the given globs', () => {
    const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] }; inputs: Record<string, { default?: string }> };
    assert.equal(action.runs.using, 'composite');
    const step = action.runs.steps.find((s) => s.run?.includes('lint --format github'));
    assert.ok(step?.run && step.env, 'a lint step with its inputs in env');
    assert.equal(step.shell, 'bash');
    // Inputs reach the script through the environment only, never pasted into it.
    assert.doesNotMatch(step.run, /\$\{\{/);
    const lint = (files: string, args = '') => {
      const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: ROOT };
      for (const [k, v] of Object.entries(step.env!)) env[k] = v.replace('${{ inputs.files }}', files).replace('${{ inputs.args }}', args);
      delete env['NO_COLOR'];
      delete env['FORCE_COLOR'];
      const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd: dir, encoding: 'utf8', env });
      return { code: r.status, lines: r.stdout.split('\n').filter(Boolean), err: r.stderr };
    };
    // The default input, as the README example writes it (a glob and a negated one), and with args.
    const byDefault = lint(action.inputs['files']!.default!);
    assert.equal(byDefault.code, 1, byDefault.err);
    assert.ok(byDefault.lines.length > 0 && byDefault.lines.every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,/.test(l)), byDefault.lines[0]);
    const files = (r: { lines: string[] }) => [...new Set(r.lines.map((l) => /file=([^,]+)/.exec(l)![1]))].sort();
    assert.deepEqual(files(byDefault), ['postmortems/drafts/draft.md', 'postmortems/duration.md', 'postmortems/raw.md']);
    const negated = lint('postmortems/**/*.md !**/drafts/**', '--ignore duration.md');
    assert.equal(negated.code, 1, negated.err);
    assert.deepEqual(files(negated), ['postmortems/raw.md']);
  });
});
