import assert from 'node:assert/strict';
import { findZoneStatement, offsetAt, resolveZone, zoneObject } from './zones';

describe('resolveZone', () => {
  const cases: [string, string | null][] = [
    ['UTC', 'UTC'],
    ['gmt', 'UTC'],
    ['Z', 'UTC'],
    ['PT', 'America/Los_Angeles'],
    ['Pacific', 'America/Los_Angeles'],
    ['Pacific Time', 'America/Los_Angeles'],
    ['PST', 'America/Los_Angeles'],
    ['pdt', 'America/Los_Angeles'],
    ['ET', 'America/New_York'],
    ['EST', 'America/New_York'],
    ['EDT', 'America/New_York'],
    ['CT', 'America/Chicago'],
    ['CST', 'America/Chicago'],
    ['CDT', 'America/Chicago'],
    ['MT', 'America/Denver'],
    ['MST', 'UTC-7'],
    ['MDT', 'America/Denver'],
    ['CET', 'UTC+1'],
    ['CEST', 'UTC+2'],
    ['BST', 'UTC+1'],
    ['IST', 'UTC+5:30'],
    ['JST', 'UTC+9'],
    ['AEST', 'UTC+10'],
    ['AEDT', 'UTC+11'],
    ['UTC+2', 'UTC+2'],
    ['UTC+05:30', 'UTC+5:30'],
    ['+02:00', 'UTC+2'],
    ['-0800', 'UTC-8'],
    ['GMT-3', 'UTC-3'],
    ['UTC+0', 'UTC'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Foo/Bar', null],
    ['UTC+15', null],
    ['', null],
    ['Time', null],
    ['[ZONE]', null],
  ];
  for (const [text, want] of cases) it(`${JSON.stringify(text)} -> ${want}`, () => assert.equal(resolveZone(text), want));

  it("a region's two clocks named together ('PST/PDT') are its zone; two regions are none", () => {
    assert.equal(resolveZone('PST/PDT'), 'America/Los_Angeles');
    assert.equal(resolveZone('EST/EDT'), 'America/New_York');
    assert.equal(resolveZone('PST/EST'), null);
    assert.equal(findZoneStatement('## Timeline (all times in PST/PDT)')?.zone, 'America/Los_Angeles');
  });

  it('is stable on repeated (cached) calls', () => {
    assert.equal(resolveZone('PT'), resolveZone('PT'));
  });
});

describe('findZoneStatement', () => {
  it('reads "_All times in Pacific Time (PT)_" including the alias', () => {
    assert.deepEqual(findZoneStatement('_All times in Pacific Time (PT)_'), {
      zone: 'America/Los_Angeles',
      text: 'Pacific Time (PT)',
      start: 14,
      end: 31,
    });
  });
  it('reads headings and table headers', () => {
    assert.deepEqual(findZoneStatement('## Timeline (UTC)'), { zone: 'UTC', text: 'UTC', start: 13, end: 16 });
    assert.equal(findZoneStatement('## 2. Chronologie (heures en UTC)')?.zone, 'UTC');
    assert.equal(findZoneStatement('Alle Zeiten in MEZ')?.zone ?? null, findZoneStatement('All times in MEZ')?.zone ?? null);
    assert.equal(findZoneStatement('Todas las horas en CET')?.zone, findZoneStatement('All times in CET')?.zone);
    assert.equal(findZoneStatement('pendant trois heures en production'), null);
    assert.equal(findZoneStatement('| Время (MSK) | Событие |')?.zone, 'UTC+3');
    assert.equal(findZoneStatement('| Zeit (MEZ) | Ereignis |')?.zone, findZoneStatement('| Time (MEZ) | Event |')?.zone);
    assert.deepEqual(findZoneStatement('| Time (UTC) | Event |'), { zone: 'UTC', text: 'UTC', start: 8, end: 11 });
  });
  it('reads sentences', () => {
    assert.deepEqual(findZoneStatement('All times are UTC'), { zone: 'UTC', text: 'UTC', start: 14, end: 17 });
    assert.deepEqual(findZoneStatement('Times in CET'), { zone: 'UTC+1', text: 'CET', start: 9, end: 12 });
    assert.deepEqual(findZoneStatement('Timezone: America/New_York'), { zone: 'America/New_York', text: 'America/New_York', start: 10, end: 26 });
    assert.deepEqual(findZoneStatement('All times in UTC+2.'), { zone: 'UTC+2', text: 'UTC+2', start: 13, end: 18 });
    assert.deepEqual(findZoneStatement('Timeline (all times Eastern)'), { zone: 'America/New_York', text: 'Eastern', start: 20, end: 27 });
  });
  it('reads statements and headers in Japanese, Chinese and Korean', () => {
    assert.equal(findZoneStatement('全時刻は JST。UTC 併記はログとの整合のため。')?.zone, 'UTC+9');
    assert.equal(findZoneStatement('| 時刻 (JST) | UTC | イベント |')?.zone, 'UTC+9');
    assert.equal(findZoneStatement('| 시각 (KST) | 내용 |')?.zone, 'UTC+9');
    assert.equal(findZoneStatement('时间均为 UTC')?.zone, 'UTC');
    assert.equal(findZoneStatement('## 時系列'), null);
  });
  it('reads a zone in a link, and a zone before the word time', () => {
    assert.deepEqual(findZoneStatement('All events are documented in [UTC](https://en.wikipedia.org/wiki/UTC) time.'), { zone: 'UTC', text: 'UTC', start: 30, end: 33 });
    assert.equal(findZoneStatement('All events are documented in UTC time.')?.zone, 'UTC');
    assert.equal(findZoneStatement('Times are in Pacific time')?.zone, 'America/Los_Angeles');
  });
  it('ignores prose that states no zone', () => {
    for (const s of ['Timeline of events', 'Time to detect: 5m', 'Times are approximate', 'Time et al', 'The UTC clock', '']) assert.equal(findZoneStatement(s), null, s);
  });
});

describe('offsetAt', () => {
  it('matches the real offsets around the 2024 Los Angeles transitions, cached or not', () => {
    const la = zoneObject('PT')!;
    const at = (ms: number) => offsetAt(la, ms);
    for (let pass = 0; pass < 2; pass++) {
      // DST starts 2024-03-10 10:00Z and ends 2024-11-03 09:00Z.
      assert.deepEqual(
        [Date.UTC(2024, 2, 10, 9, 59), Date.UTC(2024, 2, 10, 10, 0), Date.UTC(2024, 10, 3, 8, 59), Date.UTC(2024, 10, 3, 9, 0), Date.UTC(2024, 6, 1)].map(at),
        [-480, -420, -420, -480, -420],
      );
    }
  });
  it('handles fixed zones', () => {
    assert.equal(offsetAt(zoneObject('UTC+05:30')!, 0), 330);
    assert.equal(zoneObject('Nowhere/Land'), null);
  });
});
