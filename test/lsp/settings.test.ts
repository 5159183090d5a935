// Every `postmortem.*` setting that package.json contributes, handed to the real server the way the VS Code
// client hands it (the whole section as one nested object, `trace.server` as `trace: { server }`), at its
// default and at a changed value: the server takes the section without a config error and applies it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, ROOT, type LspSession } from './harness';

interface Declared {
  type?: string;
  default?: unknown;
  enum?: unknown[];
}
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Declared> } } };
const DECLARED = Object.entries(manifest.contributes.configuration.properties).map(([name, d]) => ({ name, key: name.replace(/^postmortem\./, ''), ...d }));

/** A changed value for each contributed setting; a new setting needs one here. */
const CHANGED: Record<string, unknown> = {
  enable: false,
  files: ['incidents/**/*.md'],
  defaultTemplate: 'standard',
  timeZone: 'America/Los_Angeles',
  workspaceProblems: true,
  rules: { placeholder: 'warning' },
  'trace.server': 'verbose',
};
/** A rule severity set beside the setting under test: seen on the document, it shows the section was applied. */
const MARKER = { placeholder: 'warning' };
const seed = fs.readFileSync(path.join(ROOT, 'test/fixtures/seeds/standard.md'), 'utf8');

/** The section as VS Code's getConfiguration('postmortem') gives it: dotted keys nested. */
function section(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split('.');
    let at = out;
    for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
    at[parts.at(-1)!] = value;
  }
  return out;
}

const defaults = (): Record<string, unknown> => Object.fromEntries(DECLARED.map((d) => [d.key, d.default]));
const settingProblems = (s: LspSession) => s.logs.filter((m) => /invalid postmortem\.\* settings|could not read settings/.test(m));

describe('VS Code settings over LSP: every contributed postmortem.* setting', function () {
  this.timeout(30_000);
  let dir: string;
  let s: LspSession | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-settings-'));
  });
  afterEach(async () => {
    await s?.stop();
    s = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('each has a changed value here that differs from its default and fits its declaration', () => {
    assert.deepEqual(DECLARED.map((d) => d.key).sort(), Object.keys(CHANGED).sort());
    for (const d of DECLARED) {
      const v = CHANGED[d.key];
      assert.notDeepEqual(v, d.default, d.name);
      if (d.enum) assert.ok(d.enum.includes(v), `${d.name}: ${String(v)} is not one of ${d.enum.join(', ')}`);
      const type = Array.isArray(v) ? 'array' : typeof v;
      assert.equal(type, d.type, d.name);
    }
  });

  async function open(values: Record<string, unknown>, accept: (severities: number[]) => boolean): Promise<number[]> {
    s = await startServer({ rootUri: pathToFileURL(dir).toString(), settings: section(values) });
    const uri = pathToFileURL(path.join(dir, 'incidents', 'pm.md')).toString();
    void s.open(uri, seed).catch(() => undefined);
    const p = await s.waitForDiagnostics(uri, (d) => accept(d.diagnostics.filter((x) => x.code === 'placeholder').map((x) => x.severity ?? 0)));
    return p.diagnostics.map((x) => x.severity ?? 0);
  }
  const warnings = (sev: number[]) => sev.length > 0 && sev.every((x) => x === 2);

  it('all at their defaults: accepted, and a rule severity beside them applies', async () => {
    await open({ ...defaults(), rules: MARKER }, warnings);
    assert.deepEqual(settingProblems(s!), []);
  });

  for (const d of DECLARED) {
    it(`${d.name} changed (the others at their defaults): accepted and applied`, async () => {
      const values = { ...defaults(), rules: MARKER, [d.key]: CHANGED[d.key] };
      if (d.key === 'enable') {
        // Off: the document is not read as a post-mortem, so it gets no diagnostics at all.
        const sev = await open(values, (p) => p.length === 0);
        assert.equal(sev.length, 0);
      } else {
        await open(values, warnings);
      }
      assert.deepEqual(settingProblems(s!), []);
    });
  }

  it('one invalid setting is reported and ignored; the others still apply', async () => {
    await open({ ...defaults(), rules: MARKER, timeZone: 42 }, warnings);
    const problems = settingProblems(s!);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /postmortem\.timeZone/);
  });
});
