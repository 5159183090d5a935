// Timelines in the shapes real post-mortems use, each in a document written for the test.
import assert from 'node:assert/strict';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import fc from 'fast-check';
import { orderOf, type Order } from './timelineShapes';
import type { Draft } from './timeline';

const service = createService({ templates: loadBuiltinTemplates(), today: () => '2025-10-01' });
let n = 0;
const analyze = (text: string, name = `pm-${++n}.md`) => service.model({ uri: `file:///ws/incidents/${name}`, version: 1, text });
/** `line: ISO instant` for every entry (`-` when unplaced). */
const read = (text: string, name?: string) => analyze(text, name).timeline.entries.map((e) => `${e.line}: ${e.at === null ? '-' : new Date(e.at).toISOString().slice(0, 16)}`);

describe('timeline shapes', () => {
  it('list items with times in bold, italics, code or brackets', () => {
    const doc = '# Cache outage 2024-03-10\n\n## Timeline\n\n- **09:00 UTC** - deploy\n- _09:05_ alert fires\n- `09:07` paged\n- [09:12] rollback\n';
    assert.deepEqual(read(doc), ['4: 2024-03-10T09:00', '5: 2024-03-10T09:05', '6: 2024-03-10T09:07', '7: 2024-03-10T09:12']);
  });

  it('a time after a date, 03:26pm, 3.26 pm, a range, and 17:30 PM read as 17:30', () => {
    const doc = '# Queue backlog\n\n## Timeline\n\n- 2018-08-22, 03:26pm: queue grows\n- 3.40 pm - paged\n- 16:02–16:15 UTC: failover\n- 17:30 PM: resolved\n';
    assert.deepEqual(read(doc), ['4: 2018-08-22T15:26', '5: 2018-08-22T15:40', '6: 2018-08-22T16:02', '7: 2018-08-22T17:30']);
    const e = analyze(doc).timeline.entries[2]!;
    assert.equal(e.timeText, '16:02–16:15 UTC');
    assert.equal(e.text, 'failover');
    // A range with seconds, in bold: the entry's text starts after it.
    const secs = analyze('# Leader election flap 2025-12-27\n\n## Timeline\n\n- **16:51:28**: leases reacquired\n- **16:51:29 - 16:51:46**: controller reported stale discovery errors\n').timeline
      .entries[1]!;
    assert.equal(secs.text, 'controller reported stale discovery errors');
  });

  it("four-digit times after a date or before a zone ('Feb 7 1506 UTC', '1936 UTC', '0117Z'); a year stays a year", () => {
    const doc = '# Patch upgrade 2025\n\n## Timeline\n\n- Feb 7 1506 UTC: patch released\n- 1936 UTC: validators upgrade\n- Feb 8 0117Z: first apphash\n- 2019: an earlier release\n';
    assert.deepEqual(read(doc), ['4: 2025-02-07T15:06', '5: 2025-02-07T19:36', '6: 2025-02-08T01:17']);
  });

  it('a time followed by the same time in another zone (23:15 UTC / 16:15 PDT): the first is read, the text starts after both', () => {
    const doc =
      '# Validator degradation 2025-08-18\n\n## Timeline\n\n- **23:15 UTC / 16:15 PDT**: Consensus degradation begins\n- **00:33:20-00:33:24 UTC / 17:33:20-17:33:24 PDT**: Service restart\n';
    assert.deepEqual(read(doc), ['4: 2025-08-18T23:15', '5: 2025-08-19T00:33']);
    assert.deepEqual(
      analyze(doc).timeline.entries.map((e) => e.text),
      ['Consensus degradation begins', 'Service restart'],
    );
  });

  it('a date and a time inside one bold span, and a bold span that closes on the next line', () => {
    const doc =
      '# Disk full\n\n## Timeline\n\nUnless otherwise noted all events happened on 2019-10-21, in UTC.\n\n- **2019-10-20 23:55: builds start failing**\n- **00:38: alerts fire, the on-call engineer\n  is paged**\n- 00:40: engineer joins\n';
    assert.deepEqual(read(doc), ['6: 2019-10-20T23:55', '7: 2019-10-21T00:38', '9: 2019-10-21T00:40']);
  });

  it('table rows in any column order: Date | Time | Event and Event | Time | Date', () => {
    const a = '# Login failures\n\n## Timeline\n\n| Date | Time | Event |\n|---|---|---|\n| 2023-07-19 | 23:50 | deploy |\n| 2023-07-20 | 00:10 | alert |\n';
    assert.deepEqual(read(a), ['6: 2023-07-19T23:50', '7: 2023-07-20T00:10']);
    const b = '# Login failures\n\n## Timeline\n\n| Event | Time (UTC) | Day |\n|---|---|---|\n| deploy | 23:50 | 2023-07-19 |\n| alert | 00:10 | 2023-07-20 |\n';
    assert.deepEqual(read(b), ['6: 2023-07-19T23:50', '7: 2023-07-20T00:10']);
    assert.equal(analyze(b).timeline.entries[1]!.text, 'alert');
  });

  it('a table whose headers are Japanese, with the same times again in a UTC column', () => {
    const doc =
      '# ポストモーテム: 証明書の失効\n\n## タイムライン\n\n全時刻は JST。\n\n| 時刻 (JST) | UTC | イベント |\n|---|---|---|\n| 2026-04-18 16:00 | 2026-04-18 07:00 | 証明書が失効 |\n| 2026-04-18 ~19:30 | 10:30 | 調査開始 |\n';
    assert.deepEqual(read(doc), ['8: 2026-04-18T07:00', '9: 2026-04-18T10:30']);
    assert.deepEqual(
      analyze(doc).timeline.entries.map((e) => e.text),
      ['証明書が失効', '調査開始'],
    );
    // In English the zone column is skipped as well: the event is the column after it.
    const en = '# Cert expiry\n\n## Timeline\n\n| Time (PST) | UTC | Notes |\n|---|---|---|\n| 2024-01-05 08:00 | 16:00 | cert expired |\n';
    assert.equal(analyze(en).timeline.entries[0]!.text, 'cert expired');
    const unnamed = '# Cert expiry\n\n## Timeline\n\n| Time (PST) | UTC | |\n|---|---|---|\n| 2024-01-05 08:00 | 16:00 | cert expired |\n';
    assert.equal(analyze(unnamed).timeline.entries[0]!.text, 'cert expired');
  });

  it('time and event columns named in other languages; a time cell with words after the time keeps the event as its text', () => {
    const table = (time: string, event: string) =>
      `# Outage\n\n**Date:** 2026-09-27\n\n## Timeline\n\n| ${time} | ${event} |\n|---|---|\n| 14:20 | Deploy starts |\n| 16:02 이후 | Service restored |\n`;
    for (const [time, event] of [
      ['시점', '사건'],
      ['Heure (UTC)', 'Événement'],
      ['Время (MSK)', 'Событие'],
      ['Hora', 'Evento'],
    ] as const) {
      assert.deepEqual(
        analyze(table(time, event)).timeline.entries.map((e) => e.text),
        ['Deploy starts', 'Service restored'],
        time,
      );
    }
  });

  it('a time column headed by its zone alone (| NZST | UTC | Event |); a cell of two dates is no time', () => {
    const doc =
      '# Backups failed\n\n## Timeline\n\n| NZST | UTC | Event |\n|---|---|---|\n| 2026-06-18 09:46 | 2026-06-17 21:46 | Backup fails |\n| 2026-06-20, 2026-06-21 | — | Reports stay red |\n| 2026-06-22 10:00 | 2026-06-21 22:00 | Operator opens triage |\n';
    assert.deepEqual(read(doc), ['6: 2026-06-17T21:46', '7: -', '8: 2026-06-21T22:00']);
    assert.equal(analyze(doc).timeline.statedZone, 'UTC+12');
  });

  it('a table time cell with a month and day but no year takes the year of the Date line', () => {
    const doc = '# SDK regression\n\n**Date:** March 3-5, 2026\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| Mar 3, 10:18 AM | first report |\n| Mar 4, 5:33 PM | fix released |\n';
    assert.deepEqual(read(doc), ['8: 2026-03-03T10:18', '9: 2026-03-04T17:33']);
  });

  it('paragraphs led by a bold italic time (**_02:00_**) under day headings', () => {
    const doc = '# DNS outage\n\n## Incident timeline\n\n### Wednesday, January 25, 2023\n\n**_02:00_** A change is deployed.\n\n***02:39*** The WAF is switched.\n\n__*12:21*__ 404s reported.\n';
    assert.deepEqual(read(doc), ['6: 2023-01-25T02:00', '8: 2023-01-25T02:39', '10: 2023-01-25T12:21']);
    const m = analyze(doc);
    assert.equal(m.timeline.entries[0]!.text, 'A change is deployed.');
  });

  it('paragraphs: lines of one paragraph (soft breaks), and one paragraph per entry', () => {
    const doc = '# API 500s on 2022-04-02\n\n## Timeline\n\n10:00 deploy starts\n10:04 error rate rises\n10:09 rollback\n\n10:30 all clear\n';
    assert.deepEqual(read(doc), ['4: 2022-04-02T10:00', '5: 2022-04-02T10:04', '6: 2022-04-02T10:09', '8: 2022-04-02T10:30']);
  });

  it('one heading per entry, with its text on the heading or in the paragraph under it', () => {
    const doc = '# Hub outage 2025-08-12\n\n## Timeline (times in UTC)\n\n### 12:19 - Namespace deleted\n\n### 12:25\nUsers report 404s\n';
    const m = analyze(doc);
    assert.deepEqual(
      m.timeline.entries.map((e) => [e.line, e.text, new Date(e.at!).toISOString().slice(11, 16)]),
      [
        [4, 'Namespace deleted', '12:19'],
        [6, 'Users report 404s', '12:25'],
      ],
    );
    assert.equal(m.timeline.entries[1]!.textRange.start.line, 7);
  });

  it('day headings, date lines and bold dates give the day; times past midnight advance it', () => {
    const doc = '# Replication lag, May 2023\n\n## Timeline\n\n### 2023-05-03 Wednesday\n\n- 23:40 lag alert\n- 00:20 replica rebuilt\n\n**Thursday, May 4**\n\n- 09:00 review\n';
    assert.deepEqual(read(doc), ['6: 2023-05-03T23:40', '7: 2023-05-04T00:20', '11: 2023-05-04T09:00']);
  });

  it('a day heading with a title above headings that hold only times; a short seconds range; a time a little out of order', () => {
    const doc = [
      '---',
      'date: 2024-02-01',
      '---',
      '# Proxy crashes',
      '',
      '## Timeline',
      '',
      '### 2024-03-05 Data8 outage',
      'A rough timeline of the afternoon.',
      '',
      '### 15:12:00',
      '~280 concurrent users',
      '',
      '### 16:05:57-58',
      'chp restarts',
      '',
      '### 16:50:25',
      'chp restarts (no heap error)',
      '',
      '### ~16:50:00',
      '5.7K 503 errors',
      '',
    ].join('\n');
    assert.deepEqual(read(doc), ['10: 2024-03-05T15:12', '13: 2024-03-05T16:05', '16: 2024-03-05T16:50', '19: 2024-03-05T16:50']);
    const entries = analyze(doc).timeline.entries;
    assert.equal(entries[1]!.timeText, '16:05:57-58');
    assert.equal(entries[1]!.text, 'chp restarts');
  });

  it('a day heading with its own zone, and dates nested under a date item', () => {
    const a = '# Broker restart\n\n## Timeline\n\n#### 29-09-2021 (All times CEST)\n\n- 14:00 broker restarted\n';
    assert.deepEqual(read(a), ['6: 2021-09-29T12:00']);
    const b = '# App crash 2021\n\n## Timeline\n\n* 11/25\n    * 15:00 - release\n    * 16:20 - crash reports\n* 11/26\n    * 10:10 - fix released\n';
    assert.deepEqual(read(b), ['5: 2021-11-25T15:00', '6: 2021-11-25T16:20', '8: 2021-11-26T10:10']);
  });

  it("day-first or month-first from the document's other dates; unknown when nothing tells", () => {
    const dayFirst = '# Outage 2021\n\n## Timeline\n\n### 25/04\n\n- 10:00 start\n\n### 03/05\n\n- 09:00 fixed\n';
    assert.deepEqual(read(dayFirst), ['6: 2021-04-25T10:00', '10: 2021-05-03T09:00']);
    const unknown = '# Outage 2021\n\n## Timeline\n\n### 03/05\n\n- 09:00 fixed\n';
    assert.deepEqual(read(unknown), ['6: -']);
  });

  it('no year anywhere: the instant stays unknown rather than guessed', () => {
    assert.deepEqual(read('# Outage\n\n## Timeline\n\n- [03-26 23:04] node drained\n'), ['4: -']);
  });

  it('a date without a year takes the year nearest the document date (December before a January incident)', () => {
    const doc = '# Outage 2019-01-20\n\n## Timeline\n\n- [12-05 16:21] bug introduced\n- [01-20 07:00] outage\n';
    assert.deepEqual(read(doc), ['4: 2018-12-05T16:21', '5: 2019-01-20T07:00']);
  });

  it('the day from the file name, or from the one date the document names', () => {
    assert.deepEqual(read('# Outage\n\n## Timeline\n\n- 10:00 alert\n', '2024-02-29-outage.md'), ['4: 2024-02-29T10:00']);
    assert.deepEqual(read('# Outage\n\nOn May 31, 2022 the claims site failed.\n\n## Timeline\n\n- `10:00` alert\n'), ['6: 2022-05-31T10:00']);
    // A numeric date in the title whose numbers tell day from month; one that does not stays unread.
    assert.deepEqual(read('# Website Outage 5-26-21\n\n## Timeline\n\n- 04:49 PM UTC branch renamed\n'), ['4: 2021-05-26T16:49']);
    assert.deepEqual(read('# Website Outage 16/03/2020\n\n## Timeline\n\n- 03:00 UTC chain halted\n'), ['4: 2020-03-16T03:00']);
    assert.deepEqual(read('# Website Outage 5-6-21\n\n## Timeline\n\n- 04:49 PM UTC branch renamed\n'), ['4: -']);
  });

  it('a newest-first timeline', () => {
    const doc = '# Outage 2024-06-01\n\n## Timeline\n\n- 11:30 resolved\n- 10:15 mitigated\n- 09:40 detected\n- 09:30 started\n';
    assert.deepEqual(read(doc), ['4: 2024-06-01T11:30', '5: 2024-06-01T10:15', '6: 2024-06-01T09:40', '7: 2024-06-01T09:30']);
  });

  it('several timelines in one document, each with its own zone', () => {
    const doc = '# Outage 2025-08-12\n\n## Timeline (times in UTC)\n\n- 16:00 declared\n- 17:11 resolved\n\n## Follow-up timeline (times in CEST)\n\n- 21:16 user reports\n';
    assert.deepEqual(read(doc), ['4: 2025-08-12T16:00', '5: 2025-08-12T17:11', '9: 2025-08-12T19:16']);
  });

  it('a timeline under an H1 heading', () => {
    assert.deepEqual(read('# Outage report 2024-01-02\n\nSummary.\n\n# Timeline\n\n- 10:00 alert\n'), ['6: 2024-01-02T10:00']);
  });

  it('a document zone stated above the first section', () => {
    const m = analyze('# Outage 2019-03-26\n\nAll times in PDT (UTC-7).\n\n## Timeline\n\n- [03-26 08:10] deploy\n');
    assert.deepEqual(
      m.timeline.entries.map((e) => new Date(e.at!).toISOString().slice(0, 16)),
      ['2019-03-26T15:10'],
    );
  });

  it("the one zone of the opening prose's times; the timeline's own stated zone comes first", () => {
    const intro = 'At 6:50PM CDT on July 15, 2023 our monitoring detected the mail server offline.\n\n';
    const m = analyze(`# Mail outage\n\n${intro}## Timeline\n\n* 6:50PM - Outage start\n* 8:40PM - Mail server back online\n`);
    assert.deepEqual(
      m.timeline.entries.map((e) => new Date(e.at!).toISOString().slice(0, 16)),
      ['2023-07-15T23:50', '2023-07-16T01:40'],
    );
    const own = analyze(`# Mail outage\n\n${intro}## Timeline\n\nAll times UTC.\n\n* 23:50 - Outage start\n`);
    assert.equal(new Date(own.timeline.entries[0]!.at!).toISOString().slice(0, 16), '2023-07-15T23:50');
    // Two zones in the opening say nothing for sure.
    const two = analyze(`# Mail outage\n\nAt 6:50PM CDT (23:50 UTC) on July 15, 2023 the server went offline.\n\n## Timeline\n\n* 6:50PM - Outage start\n`);
    assert.equal(two.timeline.entries[0]!.zoneSource, 'default');
  });

  it('with no timeline section, a Leadup section listing timed events (also under an emoji shortcode)', () => {
    const doc =
      '---\ndate: 2024-02-03\n---\n# Broker restarts\n\n## :warning: Leadup\n\n*List the sequence of events that led to the incident*\n\n- **01:10 UTC:** queue depth climbs\n- **01:15 UTC:** on-call is paged\n\n## :flying_disc: Impact\n\nSlow jobs.\n';
    const m = analyze(doc);
    assert.equal(m.timeline.section?.title, ':warning: Leadup');
    assert.deepEqual(read(doc), ['9: 2024-02-03T01:10', '10: 2024-02-03T01:15']);
    // One time in passing is no timeline; a Timeline section is preferred to a Leadup.
    assert.equal(analyze('# Broker restarts 2024-02-03\n\n## Leadup\n\n- **01:10 UTC:** queue depth climbs\n- the broker restarts\n').timeline.section, null);
    const both = '# Broker restarts 2024-02-03\n\n## Leadup\n\n- 01:10 UTC: deploy\n- 01:12 UTC: restart\n\n## Timeline\n\n- 01:15 UTC: paged\n';
    assert.deepEqual(read(both), ['9: 2024-02-03T01:15']);
  });

  it('an item or heading that holds only the time takes its text from the lines below, its phase from all of them', () => {
    const doc =
      '# Token leak\n\n## Timeline\n\n- 2024-05-02:\n    image published\n- 2024-06-28 7:09 AM Eastern:\n    a customer\n    reports the leaked token\n- 2024-06-28 7:26 AM Eastern:\n    token revoked, incident resolved\n';
    const m = analyze(doc);
    const e = m.timeline.entries;
    assert.deepEqual(read(doc), ['6: 2024-06-28T11:09', '9: 2024-06-28T11:26']);
    assert.equal(e[0]!.text, 'a customer');
    assert.equal(e[0]!.phase, 'detected');
    assert.equal(e[1]!.phase, 'resolved');
    // The text is what stands at its range.
    for (const x of e) assert.equal(m.lines[x.textRange.start.line]!.slice(x.textRange.start.character, x.textRange.end.character), x.text);
    const heads = '# Hub outage 2025-08-12\n\n## Timeline (times in UTC)\n\n### 12:25\n\nThe on-call engineer\nrolled back the deploy.\n\n### 12:40\n\nAll clear.\n';
    const h = analyze(heads).timeline.entries;
    assert.equal(h[0]!.text, 'The on-call engineer');
    assert.equal(h[0]!.textRange.start.line, 6);
    assert.equal(h[0]!.phase, 'mitigated');
  });

  it('the order of the times, updated pair by pair around a replaced, added or removed draft, is the order counted afresh', () => {
    const draft = (t: number | null): Draft =>
      ({
        timeText: '',
        time: t === null ? null : { hour: Math.floor(t / 60), minute: t % 60, second: 0 },
        line: 0,
        timeStart: 0,
        text: '',
        textStart: 0,
        owner: null,
        ownerStart: 0,
        phase: null,
        end: 0,
      }) as Draft;
    const time = fc.option(fc.integer({ min: 0, max: 1439 }), { freq: 5 });
    fc.assert(
      fc.property(fc.array(time, { maxLength: 12 }), fc.nat(), fc.boolean(), fc.option(time, { nil: undefined }), (times, at, remove, add) => {
        const before = times.map(draft);
        const k = before.length ? at % (before.length + 1) : 0;
        const removed = remove && k < before.length ? 1 : 0;
        const added = add === undefined ? [] : [draft(add)];
        const after = [...before.slice(0, k), ...added, ...before.slice(k + removed)];
        const order: Order = orderOf(before, k - 1, k + removed, { ...orderOf(before) }, -1);
        orderOf(after, k - 1, k + added.length, order);
        assert.deepEqual(order, orderOf(after));
      }),
      { seed: 20251001, numRuns: 500 },
    );
  });
});
