import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture } from '../helpers';
import { run } from './run';

// The CLI as CI runs it: the bundled bin (run `npm run build` first).

describe('postmortem CLI', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-cli-'));
    fs.mkdirSync(path.join(dir, 'incidents', 'nested'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'incidents', 'raw.md'), fixture('seeds/report.md'));
    fs.writeFileSync(path.join(dir, 'incidents', 'nested', 'filled.md'), fixture('filled/sev.md'));
    fs.writeFileSync(path.join(dir, 'incidents', 'README.md'), fixture('plain/readme-with-timeline.md'));
    fs.writeFileSync(path.join(dir, 'filled.md'), fixture('filled/standard.md'));
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0xff]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lint prints file:line:col severity code message and exits 1 on errors', () => {
    const r = run(['lint', 'incidents/raw.md'], dir);
    assert.equal(r.code, 1, r.err);
    const first = r.out.split('\n')[0]!;
    assert.match(first, /^incidents\/raw\.md:\d+:\d+ (error|warning|information|hint) [a-z-]+ .+/);
    // Line 5 (1-based) of the report seed is `*   **Incident ID:** [e.g., INC-123, ...]`, the value at column 22.
    assert.ok(r.out.includes('incidents/raw.md:5:22 error placeholder'), r.out.slice(0, 500));
  });

  it('lint exits 0 on a filled post-mortem', () => {
    const r = run(['lint', 'filled.md'], dir);
    assert.equal(r.code, 0, r.out + r.err);
  });

  it('lint --format json gives 0-based ranges and the documented keys', () => {
    const r = run(['lint', '--format', 'json', 'incidents/raw.md'], dir);
    const items = JSON.parse(r.out) as Record<string, unknown>[];
    assert.ok(items.length > 0);
    for (const i of items) assert.deepEqual(Object.keys(i).sort(), ['code', 'file', 'message', 'range', 'severity']);
    const id = items.find((i) => (i['range'] as { start: { line: number } }).start.line === 4 && i['code'] === 'placeholder');
    assert.deepEqual((id!['range'] as { start: unknown }).start, { line: 4, character: 21 });
  });

  it('a folder is searched recursively and only its post-mortems are checked', () => {
    const r = run(['lint', '--format', 'json', 'incidents'], dir);
    const files = new Set((JSON.parse(r.out) as { file: string }[]).map((i) => i.file));
    assert.ok(files.has(path.join('incidents', 'raw.md')));
    assert.ok(!files.has(path.join('incidents', 'README.md')));
  });

  it('missing and binary files: a clear message each, exit 2, the other files still checked', () => {
    const r = run(['lint', 'nope.md', 'binary.md', 'incidents/raw.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /nope\.md: no such file or directory/);
    assert.match(r.err, /binary\.md: binary file/);
    assert.ok(r.out.includes('incidents/raw.md:'), 'the readable file was still linted');
  });

  it('usage errors exit 2 with the usage text', () => {
    for (const args of [[], ['lint'], ['lint', '--format', 'xml', 'a.md'], ['frobnicate'], ['metrics', 'a.md', 'b.md']]) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /Usage:/);
    }
  });

  it('metrics --format json gives the documented shape with ISO UTC instants', () => {
    const r = run(['metrics', '--format', 'json', 'incidents/nested/filled.md'], dir);
    assert.equal(r.code, 0, r.err);
    const m = JSON.parse(r.out);
    assert.deepEqual(
      Object.keys(m).sort(),
      [
        'durationMinutes',
        'end',
        'file',
        'isPostmortem',
        'start',
        'template',
        'timeToAcknowledgeMinutes',
        'timeToDetectMinutes',
        'timeToMitigateMinutes',
        'timeToResolveMinutes',
        'timeline',
        'timezone',
      ].sort(),
    );
    assert.equal(m.template, 'sev');
    assert.equal(m.start, '2025-09-03T22:18:00Z');
    assert.equal(m.durationMinutes, 185);
    assert.deepEqual(Object.keys(m.timeline[0]).sort(), ['at', 'line', 'phase', 'text']);
  });

  it('metrics text output writes durations like 3h 5m', () => {
    const r = run(['metrics', 'incidents/nested/filled.md'], dir);
    assert.match(r.out, /duration:\s+3h 5m/);
    assert.match(r.out, /time to acknowledge:\s+5m/);
  });
});
