import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectSource } from './detect';
import { readInput } from './read';
import type { ReadContext, ReadResult } from './types';

const DIR = path.resolve(__dirname, '../../../../test/fixtures/import');
const read = (rel: string) => fs.readFileSync(path.join(DIR, rel), 'utf8');
const PT: ReadContext = { zone: 'America/Los_Angeles', date: '2024-03-09', today: '2024-03-10' };
const UTC: ReadContext = { zone: 'UTC', date: '2024-03-10', today: '2024-03-10' };
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function ok(r: ReturnType<typeof readInput>): ReadResult {
  if ('error' in r) assert.fail(r.error);
  return r;
}

describe('import readers', () => {
  it('detect each documented format from its content', () => {
    const cases: [string, string][] = [
      ['slack/2024-03-10.json', 'slack-export'],
      ['slack-copied.txt', 'slack-text'],
      ['pagerduty-log-entries.json', 'pagerduty'],
      ['pagerduty-incidents.csv', 'pagerduty'],
      ['opsgenie-alert-logs.json', 'opsgenie'],
      ['alertmanager-webhook.json', 'alertmanager'],
      ['git-log.txt', 'git'],
      ['lines.log', 'lines'],
    ];
    for (const [file, source] of cases) assert.equal((detectSource(read(file)) as { source: string }).source, source, file);
  });

  it('refuse what is none of them with a message that says why', () => {
    assert.match((detectSource(read('slack/users.json')) as { error: string }).error, /users\.json.*--users/);
    assert.match((detectSource('{"log_entries": [') as { error: string }).error, /broken JSON/);
    assert.match((detectSource('We rolled back and it got better.\nThen we went home.') as { error: string }).error, /not a known source/);
    assert.match((readInput('[]', 'auto', UTC) as { error: string }).error, /empty/);
    assert.match((readInput(read('git-log.txt'), 'slack-export', UTC) as { error: string }).error, /not a Slack export/);
  });

  it('Slack export: names from users.json, markup decoded, edits applied, joins and bot chatter left out, thread replies marked', () => {
    const r = ok(readInput(read('slack/2024-03-10.json'), 'auto', { ...UTC, users: read('slack/users.json') }));
    assert.deepEqual(r.skipped, { 'channel join': 1, 'bot message': 1 });
    assert.deepEqual(
      r.events.map((e) => [iso(e.at), e.who, e.text]),
      [
        ['2024-03-10T07:45:10Z', 'Mei Lin', 'checkout auth failures climbing (18%), looking at [payments dashboard](https://grafana.example.com/d/pay?orgId=1&from=now-1h)'],
        ['2024-03-10T07:46:00Z', 'PagerDuty', 'Triggered #4211: CheckoutAuthFailureRate above 5% for 5 minutes'],
        ['2024-03-10T07:52:00Z', 'Ravi Shah', "@Mei Lin I think it's the pool-size change from 11:30 > staging value"],
        ['2024-03-10T07:53:20.001Z', 'Mei Lin', '(in thread) agreed, preparing the rollback'],
        ['2024-03-10T08:05:00.001Z', 'Mei Lin', 'rollback of the gateway config started'],
        ['2024-03-10T09:58:00.001Z', 'Dana O.', 'replay of held authorizations at 80%'],
        ['2024-03-10T10:06:40.001Z', 'Mei Lin', '@here authorization success back at the 99.9% baseline, replay queue empty'],
      ],
    );
    // Without users.json the ids stay (nothing is guessed).
    const bare = ok(readInput(read('slack/2024-03-10.json'), 'slack-export', UTC));
    assert.equal(bare.events[0]!.who, 'U01MEILIN');
  });

  it('Slack text: across midnight and the DST change in the document zone, continuations, client chrome', () => {
    const r = ok(readInput(read('slack-copied.txt'), 'auto', PT));
    assert.deepEqual(
      r.events.map((e) => [iso(e.at), e.who, e.text]),
      [
        ['2024-03-10T07:45:00Z', 'Mei Lin', 'checkout auth failures climbing (18%), looking at the payments dashboard'],
        ['2024-03-10T07:52:00Z', 'Ravi Shah', "I think it's the pool-size change from 11:30 staging value reached prod"],
        ['2024-03-10T07:58:00Z', 'Ravi Shah', 'confirmed: all gateways run 16 connections'],
        ['2024-03-10T08:05:00Z', 'Mei Lin', 'rollback of the gateway config started'],
        ['2024-03-10T09:58:00Z', 'Dana O.', 'replay of held authorizations at 80%'],
        // 3:06 AM is PDT: the clocks went from 2:00 to 3:00 at 10:00Z.
        ['2024-03-10T10:06:00Z', 'Mei Lin', 'authorization success back at the 99.9% baseline, replay queue empty'],
      ],
    );
  });

  it('Slack text: names and times on lines of their own, Today and Yesterday', () => {
    const text = 'Yesterday\nMei Lin\n11:50 PM\nstill seeing 502s\nToday\nRavi Shah\n12:10 AM\nrollback done\n';
    const r = ok(readInput(text, 'slack-text', { zone: 'UTC', date: null, today: '2024-03-10' }));
    assert.deepEqual(
      r.events.map((e) => [iso(e.at), e.who, e.text]),
      [
        ['2024-03-09T23:50:00Z', 'Mei Lin', 'still seeing 502s'],
        ['2024-03-10T00:10:00Z', 'Ravi Shah', 'rollback done'],
      ],
    );
    assert.match((readInput('Mei Lin  11:50 PM\nhello', 'slack-text', { zone: 'UTC', date: null, today: null }) as { error: string }).error, /no date/);
  });

  it('PagerDuty log entries: out of order, phases from the entry type, notifications left out', () => {
    const r = ok(readInput(read('pagerduty-log-entries.json'), 'auto', UTC));
    const sorted = [...r.events].sort((a, b) => a.at - b.at);
    assert.deepEqual(
      sorted.map((e) => [iso(e.at), e.phase, e.who]),
      [
        ['2024-03-10T07:41:12Z', 'detected', 'Checkout Payments'],
        ['2024-03-10T07:44:30Z', 'acknowledged', 'Mei Lin'],
        ['2024-03-10T07:50:00Z', null, 'Checkout Payments'],
        ['2024-03-10T09:15:00Z', null, 'Ravi Shah'],
        ['2024-03-10T11:25:00Z', 'resolved', 'Mei Lin'],
      ],
    );
    assert.equal(sorted[3]!.text, 'Note by Ravi Shah: Pinned card-network connections recycled, replay running');
    assert.deepEqual(r.skipped, { notification: 1 });
  });

  it('PagerDuty incident CSV: triggered, first acknowledgement (seconds_to_first_ack) and resolved', () => {
    const r = ok(readInput(read('pagerduty-incidents.csv'), 'auto', UTC));
    assert.deepEqual(
      r.events.map((e) => [iso(e.at), e.phase, e.who]),
      [
        ['2024-03-10T07:41:12Z', 'detected', null],
        ['2024-03-10T07:44:30Z', 'acknowledged', 'Mei Lin'],
        ['2024-03-10T11:25:00Z', 'resolved', 'Mei Lin'],
      ],
    );
    assert.match(r.events[0]!.text, /#4211 CheckoutAuthFailureRate above 5%, payments-gateway/);
  });

  it('Opsgenie alert logs: created, acknowledged and closed are phases; deliveries left out', () => {
    const r = ok(readInput(read('opsgenie-alert-logs.json'), 'auto', UTC));
    assert.deepEqual(
      r.events.map((e) => [iso(e.at), e.phase, e.who]),
      [
        ['2024-03-10T07:41:05.123Z', 'detected', null],
        ['2024-03-10T07:44:31Z', 'acknowledged', 'mei@example.com'],
        ['2024-03-10T08:20:02Z', null, 'ravi@example.com'],
        ['2024-03-10T11:25:00Z', 'resolved', 'mei@example.com'],
      ],
    );
    assert.equal(r.events[3]!.text, '[resolved] Alert closed via web');
  });

  it('Alertmanager: a group of several alerts; startsAt fires, a resolved alert’s endsAt resolves, a firing one has no end', () => {
    const r = ok(readInput(read('alertmanager-webhook.json'), 'auto', UTC));
    assert.deepEqual(
      r.events.map((e) => [iso(e.at), e.phase]),
      [
        ['2024-03-10T07:41:00.739Z', 'detected'],
        ['2024-03-10T10:50:00.100Z', 'resolved'],
        ['2024-03-10T07:38:30Z', 'detected'],
        ['2024-03-10T08:25:00Z', 'resolved'],
        ['2024-03-10T17:05:00Z', 'detected'],
      ],
    );
    assert.equal(r.events[0]!.text, 'Alert fired: `CheckoutAuthFailureRate` on payments-gateway — Payment authorization failures above 5%');
    // The same group sent again (a repeat notification) adds nothing.
    const twice = ok(readInput(JSON.stringify([JSON.parse(read('alertmanager-webhook.json')), JSON.parse(read('alertmanager-webhook.json'))]), 'auto', UTC));
    assert.equal(twice.events.length, 5);
  });

  it('git log --date=iso: one entry per commit, subject and author', () => {
    const r = ok(readInput(read('git-log.txt'), 'auto', UTC));
    assert.deepEqual(
      r.events.map((e) => [iso(e.at), e.who, e.text]),
      [
        ['2024-03-10T08:18:44Z', 'Ravi Shah', 'Commit 9f3c2a1: Revert "Set gateway connection pool to 16 per node"'],
        ['2024-03-10T07:05:10Z', 'Priya Natarajan', 'Commit 1a2b3c4: Set gateway connection pool to 16 per node'],
      ],
    );
    const local = ok(readInput('commit abcdef1\nAuthor: A <a@x>\nDate:   Sat Mar 9 23:05:10 2024 -0800\n\n    x\n', 'git', UTC));
    assert.match(local.unreadable[0]!.reason, /--date=iso/);
  });

  it('timestamped lines: ISO with offset, syslog and HH:MM in the document zone, continuations, unreadable lines', () => {
    const r = ok(readInput(read('lines.log'), 'auto', PT));
    assert.deepEqual(
      r.events.map((e) => [iso(e.at), e.text]),
      [
        ['2024-03-10T07:38:30Z', 'gateway-3 connection pool saturated (16/16 in use)'],
        ['2024-03-10T07:39:02Z', 'gw-3 payments-gateway[4121]: upstream timeout after 10000 ms (card network)'],
        ['2024-03-10T08:25:00Z', 'pool size back at 64 on all gateway nodes (verified by the config checker)'],
      ],
    );
    assert.deepEqual(r.unreadable, [{ line: 5, text: 'not a timestamp at all', reason: 'no time at the start of the line' }]);
    const times = ok(readInput('2024-03-09\n23:50 first errors\n00:10 rollback\n', 'lines', { zone: 'UTC', date: null, today: null }));
    assert.deepEqual(
      times.events.map((e) => iso(e.at)),
      ['2024-03-09T23:50:00Z', '2024-03-10T00:10:00Z'],
    );
  });
});
