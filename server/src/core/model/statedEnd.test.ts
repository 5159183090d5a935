import assert from 'node:assert/strict';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';

// What the author states outside the timeline's own entries: detection and acknowledgement in prose, the end
// marked by a "Post-resolution:" line or named by the text under the timeline, start and end under headings.
const service = createService({ templates: loadBuiltinTemplates(), today: () => '2025-06-01' });
let n = 0;
const metrics = (lines: string[]) => service.model({ uri: `file:///ws/incidents/stated-${++n}.md`, version: 1, text: lines.join('\n') + '\n' }).metrics;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const CAUSE = ['## Root cause', '', 'A certificate expired on the mirror.', ''];

describe('detection and acknowledgement stated in prose', () => {
  const base = (detection: string[], timeline = ['- **09:10 UTC:** Mirror starts returning 502s', '- **09:50 UTC:** Certificate renewed, mirror recovered']) => [
    '# 2025-03-04: registry mirror unreachable',
    '',
    '## Timeline',
    '',
    ...timeline,
    '',
    '## Detection',
    '',
    ...detection,
    '',
    ...CAUSE,
  ];

  it('fills detection and acknowledgement the timeline does not mark, from a sentence over two lines', () => {
    const m = metrics(base(['The on-call engineer was initially alerted at 09:14 UTC by the uptime check,', 'and acknowledged at the same time.']));
    assert.equal(m.timeToDetectMinutes, 4);
    assert.equal(m.timeToAcknowledgeMinutes, 0);
    assert.match(m.basis.timeToDetect!, /line 10 \(stated in a sentence 09:14 UTC\)/);
  });

  it('never overrides a timeline entry of the same phase', () => {
    const timeline = ['- **09:10 UTC:** Mirror starts returning 502s', '- **09:20 UTC:** Alerts fired for the mirror', '- **09:50 UTC:** Mirror recovered'];
    assert.equal(metrics(base(['We were alerted at 09:14 UTC by the uptime check.'], timeline)).timeToDetectMinutes, 10);
  });

  it('takes the zone the prose states elsewhere, and gives no start of its own', () => {
    const m = metrics([
      '# Registry mirror unreachable',
      '',
      '## Summary',
      '',
      'At around 09:10 UTC on 2025-03-04 we started experiencing timeouts from the mirror.',
      '',
      '## Detection',
      '',
      'At 09:13 we started receiving alerts that the mirror was unreachable.',
      '',
      ...CAUSE,
    ]);
    assert.equal(m.timeToDetectMinutes, 3);
    const alone = metrics(['# 2025-03-04: registry mirror unreachable', '', '## Detection', '', 'At 09:13 UTC we started receiving alerts that the mirror was unreachable.', '', ...CAUSE]);
    assert.equal(alone.start, null);
  });

  it('reads nothing from a sentence with two times, or from two sentences that disagree', () => {
    assert.equal(metrics(base(['We were alerted at 09:14 UTC and again at 09:30 UTC.'])).timeToDetectMinutes, null);
    assert.equal(metrics(base(['We were alerted at 09:14 UTC.', '', 'The on-call was paged at 09:31 UTC.'])).timeToDetectMinutes, null);
  });
});

describe('the end the author marks', () => {
  const blocks = (after: string[]) => [
    '# 2025-03-04: broken deploys',
    '',
    '## Timeline',
    '',
    '### 2025-03-04 18:30 UTC',
    '',
    'Deploys stop: the build runners report a billing error.',
    '',
    '### 2025-03-04 20:10 UTC',
    '',
    'Images built by hand and deployed; the hotfix is out.',
    '',
    'The original bug is fixed, but automatic builds are still broken.',
    '',
    ...after,
    '### 2025-03-05 09:00 UTC',
    '',
    'Finance adds credit to the account; builds run again.',
    '',
    ...CAUSE,
  ];

  it('ends at the last entry above a "Post-resolution:" line', () => {
    const m = metrics(blocks(['---', '', 'Post-resolution:', '']));
    assert.equal(iso(m.end), '2025-03-04T20:10:00.000Z');
    assert.equal(m.durationMinutes, 100);
    assert.match(m.basis.end!, /Post-resolution:/);
  });

  it('reads no end without the mark', () => {
    assert.equal(metrics(blocks([])).end, null);
  });

  const log = (prose: string[]) => [
    '# Phishing campaign against our users',
    '',
    '## Timeline of events',
    '',
    '### 2025-07-26',
    '- 13:14 UTC: A user emails the security team about a phishing e-mail from a look-alike domain.',
    '- 19:18 UTC: The on-call admin sees the message and files an abuse report with the registrar.',
    '### 2025-07-27',
    '- 11:37 UTC: A warning about phishing domains is added to the login page.',
    '- 12:20 UTC: The registrar places the look-alike domain under `clientHold` status.',
    '- 12:54 UTC: The last phished account has its sessions cleared.',
    '',
    ...prose,
    '',
    ...CAUSE,
  ];

  it('ends at the event the text under the timeline says resolved it', () => {
    const m = metrics(log(['After the registrar placed the look-alike domain under `clientHold` status,', 'the phishing site no longer resolved.', '', 'The incident is considered resolved.']));
    assert.equal(iso(m.end), '2025-07-27T12:20:00.000Z');
    assert.equal(m.timeToResolveMinutes, 1386);
  });

  it('reads no end when the text does not say the incident is resolved, or names no one event', () => {
    assert.equal(metrics(log(['After the registrar placed the look-alike domain under `clientHold` status, the site went dark.'])).end, null);
    assert.equal(metrics(log(['After the team talked it over, the incident is considered resolved.'])).end, null);
  });
});

describe('start and end under headings', () => {
  const doc = (start: string[], end: string[]) => [
    '# アプリが起動しない障害について',
    '',
    '## 障害の内容',
    '',
    '### 発生日時',
    ...start,
    '',
    '### 復旧日時',
    ...end,
    '',
    '## タイムライン',
    ' * 11/25',
    '     * 15:00 - v2.0.0 リリース',
    '     * 16:17 - GitHub Issue #12 「起動しない」投稿',
    '     * 16:20 - 開発チーム 対応を開始',
    '',
    '## 原因',
    '日付の初期値が最小値のままだった。',
    '',
  ];

  it('reads Japanese dates and ends at the later of two recovery times', () => {
    const m = metrics(doc(['2021年11月25日午後3時'], ['iOS: 2021年11月26日午前10時47分', '', 'Android: 2021年11月27日午前11時40分']));
    assert.equal(m.durationMinutes, 2680);
    assert.equal(m.timeToResolveMinutes, 2680);
    assert.match(m.basis.end!, /stated 復旧日時 \(line 11\)/);
  });

  it('reads nothing under a heading with prose in it', () => {
    assert.equal(metrics(doc(['2021年11月25日午後3時'], ['iOS は翌日に復旧した。'])).end, null);
  });

  it('reads English headings too', () => {
    const m = metrics([
      '# Mirror outage',
      '',
      '## Start time',
      '',
      '2025-03-04 09:10 UTC',
      '',
      '## End time',
      '',
      '2025-03-04 09:50 UTC',
      '',
      '## Timeline',
      '',
      '- 09:20 UTC alerts fired',
      '',
      ...CAUSE,
    ]);
    assert.equal(m.durationMinutes, 40);
  });
});

describe('stated start and end fields', () => {
  it('a time followed by a note in parentheses is read', () => {
    const m = metrics([
      '# Post-mortem: root disk full',
      '',
      '**Start (UTC):** 2026-02-04T13:23:39Z (first snapshot showing disk pressure)',
      '**End (UTC):** 2026-02-04T16:47:12Z (jobs resumed + root disk healthy)',
      '',
      ...CAUSE,
      '## Impact',
      '',
      'Crawls paused.',
    ]);
    assert.equal(iso(m.start), '2026-02-04T13:23:39.000Z');
    assert.equal(iso(m.end), '2026-02-04T16:47:12.000Z');
    assert.equal(m.durationMinutes, 204);
  });
});
