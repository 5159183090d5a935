import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { ACTION_ITEM_COLUMNS, POSTMORTEM_COLUMNS } from '../../server/src/core/workspace/formats';
import { ROOT } from './helpers';

// `postmortem report` in-process: each document's figures must be exactly what `metrics` gives.
const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
function markdownUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? markdownUnder(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
}
const METRIC_FIELDS = ['template', 'start', 'end', 'durationMinutes', 'timeToDetectMinutes', 'timeToAcknowledgeMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes'] as const;

describe('postmortem report', function () {
  this.timeout(60000);
  const files = markdownUnder(FIXTURES);

  it('JSON: every fixture post-mortem with the figures `postmortem metrics` gives, others skipped', async () => {
    const r = await run(['report', '--format', 'json', FIXTURES]);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as { postmortems: Record<string, unknown>[]; actionItems: Record<string, unknown>[]; summary: Record<string, unknown> };
    assert.ok(files.length >= 10);
    let postmortems = 0;
    for (const file of files) {
      const m = await run(['metrics', '--format', 'json', file]);
      assert.equal(m.code, 0, m.err);
      const metrics = JSON.parse(m.out) as Record<string, unknown>;
      const entry = report.postmortems.find((p) => p['file'] === file);
      if (!metrics['isPostmortem']) {
        assert.equal(entry, undefined, `${file} is not a post-mortem and is skipped`);
        continue;
      }
      postmortems++;
      assert.ok(entry, `${file} is in the report`);
      for (const k of METRIC_FIELDS) assert.deepEqual(entry[k], metrics[k], `${path.relative(ROOT, file)}: ${k}`);
      const lint = await run(['lint', '--format', 'json', file]);
      const findings = JSON.parse(lint.out) as { severity: string }[];
      assert.equal(entry['errors'], findings.filter((f) => f.severity === 'error').length, `${file}: errors as lint counts them`);
      assert.equal(entry['warnings'], findings.filter((f) => f.severity === 'warning').length, `${file}: warnings`);
    }
    assert.equal(report.postmortems.length, postmortems);
    assert.ok(postmortems >= 10, `${postmortems} post-mortems among the fixtures`);
    assert.deepEqual(Object.keys(report), ['postmortems', 'actionItems', 'summary']);
    assert.deepEqual(Object.keys(report.summary), ['postmortems', 'bySeverity', 'byMonth', 'openActionItems', 'overdueActionItems']);
    // The JSON has the CSV's columns, in the same order.
    assert.deepEqual(Object.keys(report.postmortems[0]!), POSTMORTEM_COLUMNS);
    assert.deepEqual(Object.keys(report.actionItems[0]!), ACTION_ITEM_COLUMNS);
    assert.equal(report.summary['postmortems'], postmortems);
  });

  it("counts errors and warnings at the config's levels, as lint does (a hint raised to error counts)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-report-levels-'));
    try {
      const doc = fs.readFileSync(path.join(FIXTURES, 'filled', 'standard.md'), 'utf8').replace('## Timeline', "It was the on-call engineer's fault.\n\n## Timeline");
      fs.writeFileSync(path.join(dir, 'pm.md'), doc);
      const config = path.join(dir, 'config.yaml');
      const counts = async (rules: string) => {
        fs.writeFileSync(config, `rules:\n${rules}`);
        const r = await run(['report', '--format', 'json', '--config', config, dir]);
        const l = await run(['lint', '--format', 'json', '--config', config, dir]);
        assert.equal(r.code, 0, r.err);
        const entry = (JSON.parse(r.out) as { postmortems: { errors: number; warnings: number }[] }).postmortems[0]!;
        const findings = JSON.parse(l.out) as { severity: string; code: string }[];
        assert.equal(entry.errors, findings.filter((f) => f.severity === 'error').length);
        assert.equal(entry.warnings, findings.filter((f) => f.severity === 'warning').length);
        return { ...entry, blameful: findings.find((f) => f.code === 'blameful-language')?.severity };
      };
      const plain = await counts('  duration-mismatch: off\n');
      assert.equal(plain.blameful, 'hint');
      const raised = await counts('  duration-mismatch: off\n  blameful-language: error\n');
      assert.equal(raised.blameful, 'error');
      assert.equal(raised.errors, plain.errors + 1);
      const warned = await counts('  duration-mismatch: off\n  blameful-language: warning\n');
      assert.equal(warned.warnings, plain.warnings + 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CSV: one row per post-mortem, or per action item with --action-items', async () => {
    const json = JSON.parse((await run(['report', '--format', 'json', FIXTURES])).out) as { postmortems: unknown[]; actionItems: unknown[] };
    const csv = await run(['report', '--format', 'csv', FIXTURES]);
    assert.equal(csv.code, 0, csv.err);
    // Rows are counted by their leading file column (a title may hold a quoted line break).
    const rows = (text: string) => text.split('\r\n').filter((l) => l.startsWith(FIXTURES));
    assert.ok(csv.out.startsWith(`${POSTMORTEM_COLUMNS.join(',')}\r\n`), csv.out.slice(0, 200));
    assert.equal(rows(csv.out).length, json.postmortems.length);
    const items = await run(['report', '--format', 'csv', '--action-items', FIXTURES]);
    assert.ok(items.out.startsWith(`${ACTION_ITEM_COLUMNS.join(',')}\r\n`), items.out.slice(0, 200));
    assert.equal(rows(items.out).length, json.actionItems.length);
  });

  it('HTML: a standalone page with a CSP, the charts, no script and the hostile fixture escaped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-report-'));
    try {
      const out = path.join(dir, 'insights.html');
      const r = await run(['report', '--format', 'html', '-o', out, FIXTURES]);
      assert.equal(r.code, 0, r.err);
      const html = fs.readFileSync(out, 'utf8');
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; base-uri/);
      for (const chart of ['per-month', 'per-severity', 'metric-timeToDetect', 'metric-timeToResolve', 'owners']) assert.match(html, new RegExp(`data-chart="${chart}"`));
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /<b onmouseover/i);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('text by default; usage errors and missing paths exit 2', async () => {
    const r = await run(['report', path.join(FIXTURES, 'filled')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /5 post-mortem\(s\); action items: \d+ open, \d+ overdue/);
    assert.equal((await run(['report'])).code, 2);
    assert.equal((await run(['report', '--format', 'xml', FIXTURES])).code, 2);
    const missing = await run(['report', path.join(FIXTURES, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file/);
  });
});
