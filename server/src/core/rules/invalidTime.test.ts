import assert from 'node:assert/strict';
import { ruleKit } from '../../../../test/unit/ruleKit';

// Errors only when certain: a lone broken time is wrong; a readable time that lacks a date is
// incomplete (information), and a longer text not read may be a shape the reader does not know.
const kit = ruleKit('invalid-time');
const doc = (entries: string[], date = '') => ['---', 'type: postmortem', '---', '# Post-mortem: billing export delayed', '', date, '', '## Timeline', '', ...entries, ''].join('\n');

describe('invalid-time: severity by certainty', () => {
  it('a lone broken time is an error', () => {
    const [d] = kit.check(doc(['- **25:70 UTC**: Export job started failing'], '**Date:** 2025-02-03'));
    assert.equal(d!.severity, 1);
    assert.match(String(d!.message), /Cannot read time '25:70 UTC'/);
  });

  it('a readable time with no date anywhere is information, not an error', () => {
    const found = kit.check(doc(['- 09:15 UTC: Export job started failing', '- 09:40 UTC: Alert fired']));
    assert.deepEqual(
      found.map((d) => d.severity),
      [3, 3],
    );
    assert.match(String(found[0]!.message), /has no date to anchor it/);
  });

  it('nothing when the document gives the date', () => {
    assert.deepEqual(kit.check(doc(['- 09:15 UTC: Export job started failing'], '**Date:** 2025-02-03')), []);
  });
});

const classic = (timeline: string[], date = '**Date:** 2025-02-10') =>
  ['---', 'template: classic', '---', '# Incident: login errors', '', date, '', '## Summary', '', 'Logins failed.', '', '## Timeline', '', ...timeline, ''].join('\n');

describe('invalid-time: what is reported, and where', () => {
  it('reports a time that cannot be read, on the time as written', () => {
    const text = classic(['| Time | Event |', '|---|---|', '| 10:00 | Alert fired |', '| 25:99 | Paged the on-call |', '| 10:30 | Resolved |']);
    const found = kit.check(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    const d = found[0]!;
    assert.match(String(d.message), /^Cannot read time '25:99'\. Write HH:MM/);
    const line = text.split('\n')[d.range.start.line]!;
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '25:99');
  });

  it('says a readable time has no date to anchor it when the document states none', () => {
    const found = kit.check(classic(['- 10:00 - Alert fired', '- 10:30 - Resolved'], 'No date anywhere.'));
    assert.ok(found.length >= 1, 'the times have no date');
    for (const d of found) assert.match(String(d.message), /has no date to anchor it: add a \*\*Date:\*\* field or write the date with the time\./);
  });

  it('stays quiet on readable times, placeholders and times in other shapes', () => {
    assert.deepEqual(kit.check(classic(['- 10:00 - Alert fired', '- 2:15 PM - Paged', '- 2025-02-10 15:00 UTC - Resolved'])), []);
    const placeholder = classic(['| Time | Event |', '|---|---|', '| HH:MM | Event description |']);
    assert.deepEqual(kit.check(placeholder), [], "an unfilled placeholder is the placeholder rule's finding");
    assert.ok(
      kit.all(placeholder).some((d) => d.code === 'placeholder'),
      'the placeholder rule reports it',
    );
  });

  it('a date with no time is a coarse entry, not an unreadable time', () => {
    const table = classic(['| Time | Event |', '|---|---|', '| 2025-02-09 | Vendor announced the deprecation |', '| 2025-02-10 10:00 | Alert fired |', '| Feb 11 | Vendor shipped the fix |']);
    assert.deepEqual(kit.check(table), []);
    const noted = classic(['| Time | Event |', '|---|---|', '| 2025-02-10 10:00 | Alert fired |', '| 2025-02-12 at time of writing | Fix not yet deployed |']);
    assert.deepEqual(kit.check(noted), [], 'a day with words after it is coarse too');
    const broken = classic(['| Time | Event |', '|---|---|', '| 2025-02-10 25:99 | Alert fired |']);
    assert.equal(kit.check(broken).length, 1, 'a date with a broken time is still reported');
  });

  it('words with no clock in them (afternoon, before this session, a Phase 2 separator row) and an approximate day (~22 Aug, circa 2025-08-22) are not times to correct', () => {
    const table = classic([
      '| Time | Event |',
      '|---|---|',
      '| ~22 Aug 2025 | Vendor changed the API |',
      '| circa 2025-08-22 | Config drifted |',
      '| 2025-08-23 10:00 | Alert fired |',
      '| afternoon | Fix deployed |',
      '| Before this session (exact date unverified) | Backup taken |',
      '| **Phase 2 — recovery-induced outage** | |',
    ]);
    assert.deepEqual(kit.check(table), []);
  });

  it('days alone (2026-06-20, 2026-06-21) and a window instead of a time (between 08:00 and 11:30) are not times to correct', () => {
    const table = classic([
      '| Time | Event |',
      '|---|---|',
      '| 2026-06-19 09:46 | Cleanup job deletes the backups |',
      '| 2026-06-20, 2026-06-21 | Reports continue RED then GREEN |',
      '| between 08:00 and 11:30 | Quota ran out; the exact time is unknown |',
    ]);
    assert.deepEqual(kit.check(table), []);
    assert.equal(
      kit.check(classic(['| Time | Event |', '|---|---|', '| 2026-06-19 09:46 | Cleanup |', '| between 08:00 and 31:30 | Broken |'])).length,
      1,
      'a window with a broken time is still reported',
    );
  });

  it('a time relative to the first entry (+10 minutes, [+1.5 hrs], T+2h) is written so on purpose: not reported', () => {
    const table = classic([
      '| Time (UTC) | Event |',
      '|---|---|',
      '| 2025-05-28 11:30 UTC | Upgrade executed; network halts |',
      '| \\[+1 hrs] | Consensus failure confirmed |',
      '| \\[+7.5 hrs] | Block production resumes |',
      '| +10 minutes | Snapshot taken |',
      '| T+2h | Validators patched |',
      '| \\[+2 Business Days Later] | Fixes staged for release |',
    ]);
    assert.deepEqual(kit.check(table), []);
    assert.equal(kit.check(classic(['| Time (UTC) | Event |', '|---|---|', '| 2025-05-28 11:30 UTC | Upgrade |', '| +1 | Broken |'])).length, 1, 'a number with no unit is no offset');
  });

  it('an approximate time (~07:00, ± 17:20 UTC) is read, not reported', () => {
    const table = classic(['| Time | Event |', '|---|---|', '| ~07:00 | Attacker funded the wallet |', '| 09:00 | Alert fired |', '| ≈ 15:23 | Pool halted |']);
    assert.deepEqual(kit.check(table), []);
    assert.deepEqual(kit.check(classic(['- **± 17:20 UTC:** replication stopped', '- 17:40 UTC: paged'])), []);
  });

  it('leaves a date that does not exist to invalid-date (one report per mistake)', () => {
    const text = classic(['- 2025-02-31 10:00 - Alert fired', '- 10:30 - Resolved']);
    assert.deepEqual(kit.check(text), []);
    assert.ok(
      kit.all(text).some((d) => d.code === 'invalid-date'),
      'invalid-date reports it',
    );
  });
});
