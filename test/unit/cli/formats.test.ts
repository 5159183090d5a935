// lint's CI formats: github annotations parsed back, SARIF against the SARIF 2.1.0 schema, JUnit
// with one test case per file, and --output writing one of them while the terminal gets text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { github } from '../../../server/src/cli/lint/github';
import { fixture, ROOT } from '../helpers';
import { run } from './run';

interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

/** The runner's reading of a workflow command: `::level props::message`, each part unescaped. */
function parseCommand(line: string): { level: string; props: Record<string, string>; message: string } {
  const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, `not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(
    m[2]!.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i), unescape(p.slice(i + 1))];
    }),
  );
  return { level: m[1]!, props, message: unescape(m[3]!) };
}

/**
 * The vendored schema is draft-04: ajv reads its `id` as `$id` (see test/fixtures/sarif/NOTICE.txt).
 * Its `language` pattern has a stray `]` that only a non-unicode RegExp accepts, as draft-04 tools read it.
 */
function sarifValidator() {
  const { id, $schema: _draft, ...schema } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: String(id), ...schema });
}

describe('postmortem lint: CI formats and --output', function () {
  this.timeout(180000);
  let dir: string;
  let findings: JsonFinding[];
  const FILES = ['incidents/raw.md', 'incidents/filled.md', 'incidents/warn.md', 'notes/readme.md'];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-formats-'));
    fs.mkdirSync(path.join(dir, 'incidents'));
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.writeFileSync(path.join(dir, 'incidents', 'raw.md'), fixture('seeds/report.md'));
    fs.writeFileSync(path.join(dir, 'incidents', 'filled.md'), fixture('filled/sev.md'));
    fs.writeFileSync(path.join(dir, 'incidents', 'warn.md'), fixture('fix/missing-severity.md'));
    fs.writeFileSync(path.join(dir, 'notes', 'readme.md'), fixture('plain/readme-with-timeline.md'));
    const r = run(['lint', '--format', 'json', 'incidents', 'notes'], dir);
    assert.equal(r.code, 1, r.err);
    findings = JSON.parse(r.out) as JsonFinding[];
    assert.ok(findings.some((f) => f.severity === 'error') && findings.some((f) => f.severity !== 'error'), 'the fixtures give errors and other findings');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('github: one workflow command per finding, read back to the same file, place and message', () => {
    const r = run(['lint', '--format', 'github', 'incidents', 'notes'], dir);
    assert.equal(r.code, 1, r.err);
    const lines = r.out.split('\n').filter(Boolean);
    assert.equal(lines.length, findings.length);
    lines.forEach((line, i) => {
      const f = findings[i]!;
      const c = parseCommand(line);
      assert.equal(c.level, { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' }[f.severity]);
      assert.equal(c.props['file'], f.file.split(path.sep).join('/'));
      assert.equal(c.props['line'], String(f.range.start.line + 1));
      assert.equal(c.props['col'], String(f.range.start.character + 1));
      assert.equal(c.props['endLine'], String(f.range.end.line + 1));
      assert.equal(c.props['title'], `postmortem ${f.code}`);
      assert.equal(c.message, f.message);
    });
  });

  it('github: %, CR, LF and, in properties, : and , are escaped so the runner reads them back', () => {
    const message = '100% sure:\r\nline two, with :: inside';
    const file = 'odd, name:50%.md';
    const out = github([{ file, checked: true, diagnostics: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } }, severity: 2, code: 'placeholder', message }] }]);
    assert.equal(out.split('\n').length, 1, 'one line');
    const c = parseCommand(out);
    assert.deepEqual(c, { level: 'warning', props: { file, line: '3', col: '5', endLine: '3', endColumn: '9', title: 'postmortem placeholder' }, message });
  });

  it('sarif: valid against the SARIF 2.1.0 schema, one result per finding at the same place', () => {
    const r = run(['lint', '--format', 'sarif', 'incidents', 'notes'], dir);
    assert.equal(r.code, 1, r.err);
    const log = JSON.parse(r.out) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[] };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(log.version, '2.1.0');
    const [runEntry] = log.runs;
    assert.equal(runEntry!.results.length, findings.length);
    const rules = runEntry!.tool.driver.rules;
    runEntry!.results.forEach((res, i) => {
      const f = findings[i]!;
      const loc = (res['locations'] as { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[])[0]!.physicalLocation;
      assert.equal(res['ruleId'], f.code);
      assert.equal(rules[res['ruleIndex'] as number]!.id, f.code);
      assert.equal(loc.artifactLocation.uri, f.file.split(path.sep).join('/'));
      assert.equal(loc.region['startLine'], f.range.start.line + 1);
      assert.equal(loc.region['startColumn'], f.range.start.character + 1);
      assert.deepEqual(res['message'], { text: f.message });
      assert.equal(res['level'], { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[f.severity]);
    });
  });

  it('sarif: a log the schema refuses is refused (the validator is not a pass-through)', () => {
    const validate = sarifValidator();
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] }), false, 'driver.name is required');
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  it('junit: one test case per file, a failure for each file with errors', () => {
    const r = run(['lint', '--format', 'junit', ...FILES], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    const cases = [...r.out.matchAll(/<testcase classname="postmortem" name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
    assert.deepEqual(
      cases.map((c) => c[1]),
      [...FILES].sort().map((f) => f.split('/').join(path.sep)),
    );
    const withErrors = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file));
    for (const c of cases) {
      const failure = /<failure message="(\d+) error\(s\)"/.exec(c[3] ?? '');
      const errors = findings.filter((f) => f.file === c[1] && f.severity === 'error').length;
      assert.equal(failure ? Number(failure[1]) : 0, errors, c[1]);
      assert.equal(Boolean(failure), withErrors.has(c[1]!));
    }
    const suite = /<testsuite name="postmortem lint" tests="(\d+)" failures="(\d+)"/.exec(r.out);
    assert.deepEqual([suite?.[1], suite?.[2]], [String(FILES.length), String(withErrors.size)]);
  });

  it('junit: file names and messages are escaped for XML', () => {
    const odd = path.join(dir, 'a&b <"x">.md');
    fs.writeFileSync(odd, fixture('seeds/sev.md'));
    try {
      const r = run(['lint', '--format', 'junit', path.basename(odd)], dir);
      assert.ok(r.out.includes('name="a&amp;b &lt;&quot;x&quot;&gt;.md"'), r.out.slice(0, 600));
      const body = r.out.replace(/<\?xml[^>]*\?>/, '');
      // Outside tags, no raw < or & that is not an entity.
      for (const text of body.split(/<[^>]+>/)) assert.doesNotMatch(text, /[<>]|&(?!amp;|lt;|gt;|quot;|apos;)/);
    } finally {
      fs.rmSync(odd);
    }
  });

  it('--output FILE gets the chosen format while the terminal gets the text report', () => {
    const r = run(['lint', '--format', 'sarif', '--output', 'out/lint.sarif', 'incidents', 'notes'], dir);
    // A missing folder for the output is an unwritable FILE: a clear message, exit 2.
    assert.equal(r.code, 2);
    assert.match(r.err, /out\/lint\.sarif: .*no such file or directory/i);
    fs.mkdirSync(path.join(dir, 'out'));
    const ok = run(['lint', '--format', 'sarif', '--output', 'out/lint.sarif', 'incidents', 'notes'], dir);
    assert.equal(ok.code, 1, ok.err);
    const validate = sarifValidator();
    assert.ok(validate(JSON.parse(fs.readFileSync(path.join(dir, 'out', 'lint.sarif'), 'utf8'))));
    const text = ok.out.split('\n').filter(Boolean);
    assert.equal(text.length, findings.length);
    for (const line of text) assert.match(line, /^incidents\/\S+:\d+:\d+ (error|warning|information|hint) [a-z-]+ /);
    assert.match(ok.err, /file\(s\) checked/);
    const gh = run(['lint', '--format', 'github', '-o', 'out/annotations.txt', '--quiet', 'incidents'], dir);
    const lines = fs
      .readFileSync(path.join(dir, 'out', 'annotations.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
    assert.equal(lines.length, findings.filter((f) => f.severity === 'error').length, '--quiet: errors only');
    assert.ok(lines.every((l) => l.startsWith('::error ')));
    assert.equal(gh.err, '', '--quiet prints no summary');
  });
});
