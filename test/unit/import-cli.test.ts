import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers';

// `postmortem import` as a terminal runs it (the bundled bin; `npm run build` first), checked with
// `postmortem metrics`: the new entries are read at their instants with their phases.
const BIN = path.join(ROOT, 'bin', 'postmortem.js');
const FIX = path.join(ROOT, 'test', 'fixtures', 'import');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('postmortem import', function () {
  this.timeout(180000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-import-'));
    for (const f of ['docs/bullets-pt.md', 'docs/table-utc.md', 'pagerduty-log-entries.json', 'alertmanager-webhook.json', 'slack-copied.txt', 'slack/2024-03-10.json', 'slack/users.json']) {
      fs.copyFileSync(path.join(FIX, f), path.join(dir, path.basename(f)));
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--write merges PagerDuty and Slack entries; metrics shows them with their instants and phases', () => {
    const r = run(['import', '--into', 'bullets-pt.md', '--write', 'pagerduty-log-entries.json', 'slack-copied.txt'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /pagerduty-log-entries\.json: read as pagerduty/);
    assert.match(r.err, /slack-copied\.txt: read as slack-text/);
    assert.match(r.err, /11 entries added, 2024-03-09 11:41 PM America\/Los_Angeles to 2024-03-10 4:25 AM America\/Los_Angeles/);
    const m = run(['metrics', '--format', 'json', 'bullets-pt.md'], dir);
    assert.equal(m.code, 0, m.err);
    const j = JSON.parse(m.out) as { timeline: { at: string; phase: string | null; text: string }[]; timeToDetectMinutes: number; timeToAcknowledgeMinutes: number };
    const find = (t: string) => j.timeline.find((e) => e.text.startsWith(t))!;
    assert.deepEqual([find('PagerDuty alert').at, find('PagerDuty alert').phase], ['2024-03-10T07:41:00Z', 'detected']);
    assert.deepEqual([find('Acknowledged by Mei Lin').at, find('Acknowledged by Mei Lin').phase], ['2024-03-10T07:44:00Z', 'acknowledged']);
    assert.deepEqual([find('Resolved by Mei Lin').at, find('Resolved by Mei Lin').phase], ['2024-03-10T11:25:00Z', 'resolved']);
    // After midnight and after the DST change (3:06 AM PDT).
    assert.equal(find('Mei Lin: rollback').at, '2024-03-10T08:05:00Z');
    assert.equal(find('Mei Lin: authorization success').at, '2024-03-10T10:06:00Z');
    assert.equal(j.timeline.length, 14);
    assert.deepEqual([j.timeToDetectMinutes, j.timeToAcknowledgeMinutes], [9, 3]);
  });

  it('writes to stdout by default and to -o OUT, leaving DOC as it was', () => {
    const before = fs.readFileSync(path.join(dir, 'table-utc.md'), 'utf8');
    const r = run(['import', '--into', 'table-utc.md', '--users', 'users.json', '2024-03-10.json'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\| 07:52 \| @Mei Lin I think it's the pool-size change from 11:30 > staging value \| Ravi Shah \|/);
    const o = run(['import', '--into', 'table-utc.md', '--source', 'alertmanager', '-o', 'out.md', 'alertmanager-webhook.json'], dir);
    assert.equal(o.code, 0, o.err);
    assert.match(fs.readFileSync(path.join(dir, 'out.md'), 'utf8'), /\| 07:38 \| Alert fired: `GatewayPoolSaturated`/);
    assert.equal(fs.readFileSync(path.join(dir, 'table-utc.md'), 'utf8'), before);
  });

  it('unreadable input: a clear message, exit 2, DOC untouched', () => {
    const before = fs.readFileSync(path.join(dir, 'table-utc.md'), 'utf8');
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"log_entries": [{"type": "trigger_log_entry",');
    fs.writeFileSync(path.join(dir, 'prose.txt'), 'We rolled back.\nIt got better.\n');
    for (const [file, message] of [
      ['broken.json', /broken\.json: broken JSON/],
      ['prose.txt', /prose\.txt: not a known source/],
      ['missing.json', /missing\.json: /],
      ['users.json', /Slack users\.json/],
    ] as const) {
      const r = run(['import', '--into', 'table-utc.md', '--write', 'pagerduty-log-entries.json', file], dir);
      assert.equal(r.code, 2, file);
      assert.match(r.err, message);
      assert.equal(fs.readFileSync(path.join(dir, 'table-utc.md'), 'utf8'), before, file);
    }
    const bad = run(['import', '--into', 'table-utc.md', '--source', 'jira', 'pagerduty-log-entries.json'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown source 'jira'/);
    assert.equal(run(['import', 'pagerduty-log-entries.json'], dir).code, 2);
  });
});
