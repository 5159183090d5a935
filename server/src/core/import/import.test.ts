import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { applyTextEdits } from '../textEdits';
import type { ImportInput, ImportResult } from '.';

const DIR = path.resolve(__dirname, '../../../../test/fixtures/import');
const read = (rel: string) => fs.readFileSync(path.join(DIR, rel), 'utf8');
const service = () => createService({ templates: loadBuiltinTemplates(), today: () => '2024-03-10' });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace(':00.000Z', 'Z'));

function run(docText: string, files: string[], users?: string) {
  const s = service();
  const inputs: ImportInput[] = files.map((f) => ({ name: f, text: f.includes('\n') ? f : read(f) }));
  const r = s.timelineImport({ uri: 'file:///ws/pm.md', version: 1, text: docText }, inputs, users ? { users: read(users) } : {});
  const text = applyTextEdits(docText, r.edits);
  const model = s.model({ uri: 'file:///ws/after.md', version: 1, text });
  return { r, text, model };
}

/** The author's lines are all still there, in order, unchanged: the edits only insert. */
function onlyInserts(before: string, r: ImportResult, after: string) {
  for (const e of r.edits) assert.deepEqual(e.range.start, e.range.end, 'an insertion, not a replacement');
  const added = new Set(r.entries.map((e) => e.line));
  const kept = after.split('\n');
  let i = 0;
  for (const line of before.split('\n')) {
    while (i < kept.length && kept[i] !== line) i++;
    assert.ok(i < kept.length, `author line kept: ${line}`);
    i++;
  }
  assert.ok(added.size === r.entries.length);
}

describe('timeline import into the document', () => {
  it('table, UTC: rows with the same columns and owner, merged in time order, author lines untouched', () => {
    const doc = read('docs/table-utc.md');
    const { r, text, model } = run(doc, ['pagerduty-log-entries.json']);
    onlyInserts(doc, r, text);
    const rows = text.split('\n').filter((l) => l.startsWith('| 0') || l.startsWith('| 1'));
    assert.deepEqual(rows, [
      '| 07:32 | Incident began: first payment authorization timeouts | |',
      '| 07:41 | PagerDuty alert: CheckoutAuthFailureRate above 5% (Triggered through the API) | Checkout Payments |',
      '| 07:44 | Acknowledged by Mei Lin | Mei Lin |',
      '| 07:50 | Escalated to Ravi Shah (level 2) | Checkout Payments |',
      '| 08:20 | Mitigation applied: rolled back the gateway configuration | Ravi Shah |',
      '| 09:15 | Note by Ravi Shah: Pinned card-network connections recycled, replay running | Ravi Shah |',
      '| 10:06 | Service restored: authorization success rate at baseline | Mei Lin |',
      '| 11:25 | Resolved by Mei Lin | Mei Lin |',
    ]);
    assert.deepEqual(
      model.timeline.entries.map((e) => [iso(e.at), e.phase]),
      [
        ['2024-03-10T07:32Z', 'started'],
        ['2024-03-10T07:41Z', 'detected'],
        ['2024-03-10T07:44Z', 'acknowledged'],
        ['2024-03-10T07:50Z', null],
        ['2024-03-10T08:20Z', 'mitigated'],
        ['2024-03-10T09:15Z', 'mitigated'],
        ['2024-03-10T10:06Z', 'restored'],
        ['2024-03-10T11:25Z', 'resolved'],
      ],
    );
    assert.equal(model.metrics.timeToDetectMinutes, 9);
    assert.equal(model.metrics.timeToAcknowledgeMinutes, 3);
    assert.deepEqual([r.first, r.last, r.entries.length], ['2024-03-10 07:41 UTC', '2024-03-10 11:25 UTC', 5]);
  });

  it('bullets, 12-hour Pacific: a copied Slack conversation across midnight and the DST change', () => {
    const doc = read('docs/bullets-pt.md');
    const { r, text, model } = run(doc, ['slack-copied.txt']);
    onlyInserts(doc, r, text);
    assert.equal(r.datesAdded, false);
    const items = text.split('\n').filter((l) => l.startsWith('- **'));
    assert.deepEqual(items, [
      '- **11:32 PM**: Incident began: first payment authorization timeouts.',
      '- **11:45 PM**: Mei Lin: checkout auth failures climbing (18%), looking at the payments dashboard',
      "- **11:52 PM**: Ravi Shah: I think it's the pool-size change from 11:30 staging value reached prod",
      '- **11:58 PM**: Ravi Shah: confirmed: all gateways run 16 connections',
      '- **12:05 AM**: Mei Lin: rollback of the gateway config started',
      '- **12:20 AM**: Mitigation applied: rolled back the gateway configuration.',
      '- **1:58 AM**: Dana O.: replay of held authorizations at 80%',
      '- **3:06 AM**: Mei Lin: authorization success back at the 99.9% baseline, replay queue empty',
      '- **3:25 AM**: Incident resolved after 15 minutes of stable metrics.',
    ]);
    assert.deepEqual(
      model.timeline.entries.map((e) => iso(e.at)),
      ['2024-03-10T07:32Z', '2024-03-10T07:45Z', '2024-03-10T07:52Z', '2024-03-10T07:58Z', '2024-03-10T08:05Z', '2024-03-10T08:20Z', '2024-03-10T09:58Z', '2024-03-10T10:06Z', '2024-03-10T10:25Z'],
    );
    assert.deepEqual([r.first, r.last], ['2024-03-09 11:45 PM America/Los_Angeles', '2024-03-10 3:06 AM America/Los_Angeles']);
  });

  it('bullets, 12-hour Pacific: PagerDuty phases move the metrics at once', () => {
    const doc = read('docs/bullets-pt.md');
    const before = service().model({ uri: 'file:///ws/b.md', version: 1, text: doc });
    assert.equal(before.metrics.timeToDetectMinutes, null);
    const { model } = run(doc, ['pagerduty-log-entries.json']);
    const detected = model.timeline.entries.find((e) => e.phase === 'detected')!;
    assert.equal(model.lines[detected.line], '- **11:41 PM**: PagerDuty alert: CheckoutAuthFailureRate above 5% (Triggered through the API)');
    assert.equal(model.metrics.timeToDetectMinutes, 9);
    assert.equal(model.metrics.timeToAcknowledgeMinutes, 3);
  });

  it('blocks: a Detection and a Resolution block around the author’s Response; other events left out and counted', () => {
    const doc = read('docs/blocks-utc.md');
    const { r, text, model } = run(doc, ['pagerduty-log-entries.json', 'alertmanager-webhook.json']);
    onlyInserts(doc, r, text);
    assert.match(text, /## Timeline\n\n### Detection\n- \*\*Time:\*\* 2024-03-10 07:38 UTC\n- \*\*Method:\*\* Alert fired: `GatewayPoolSaturated`[^\n]*\n\n### Response\n/);
    assert.match(text, /### Resolution\n- \*\*Time:\*\* 2024-03-10 11:25 UTC\n- \*\*Resolution Method:\*\* Resolved by Mei Lin\n\n## Root Cause/);
    assert.deepEqual(
      model.timeline.entries.map((e) => [e.phase, iso(e.at)]),
      [
        ['detected', '2024-03-10T07:38Z'],
        ['acknowledged', '2024-03-10T07:44Z'],
        ['resolved', '2024-03-10T11:25Z'],
      ],
    );
    assert.ok(r.skipped.some((s) => /one Detection block: the first of 4/.test(s.reason)));
    assert.ok(r.skipped.some((s) => /already has a Response block/.test(s.reason)));
  });

  it('importing the same input twice adds nothing the second time', () => {
    const doc = read('docs/table-utc.md');
    const first = run(doc, ['slack/2024-03-10.json'], 'slack/users.json');
    assert.equal(first.r.entries.length, 7);
    const again = run(first.text, ['slack/2024-03-10.json'], 'slack/users.json');
    assert.deepEqual([again.r.edits.length, again.r.duplicates], [0, 7]);
    assert.equal(again.text, first.text);
  });

  it('dates written only where a time alone would read on another day', () => {
    const doc = read('docs/table-utc.md');
    const { r, text, model } = run(doc, ['lines.log']);
    assert.equal(r.datesAdded, true);
    assert.match(text, /\| 2024-03-09 23:39 \| gw-3 payments-gateway/);
    assert.match(text, /\| 07:38 \| gateway-3 connection pool saturated/);
    const at = (t: string) => iso(model.timeline.entries.find((e) => e.text.startsWith(t))!.at);
    assert.equal(at('Incident began'), '2024-03-10T07:32Z');
    assert.equal(at('gw-3'), '2024-03-09T23:39Z');
    assert.equal(r.unreadable.length, 1);
  });

  it('an empty timeline section gets a list in the template style; no timeline section is a clear problem', () => {
    const doc = '# Incident Post-Mortem: x\n\n**Date:** 2024-03-10\n\n## Issue Summary\n\nx\n\n## Timeline\n\n## Root Cause Analysis\n\ny\n';
    const { r, text } = run(doc, ['git-log.txt']);
    assert.equal(r.problem, null);
    assert.match(text, /## Timeline\n\n- \*\*[^\n]+Commit 1a2b3c4[^\n]+\n- \*\*[^\n]+Commit 9f3c2a1[^\n]+\n\n## Root Cause/);
    const none = run('# Notes\n\nNothing here.\n', ['git-log.txt']);
    assert.match(none.r.problem ?? '', /no Timeline section/);
    assert.equal(none.r.edits.length, 0);
  });

  it('an input that is not a known format is refused and nothing is placed from it', () => {
    const { r } = run(read('docs/table-utc.md'), ['We talked about it.\nThen it was fine.']);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!.message, /not a known source/);
    assert.equal(r.edits.length, 0);
  });
});
