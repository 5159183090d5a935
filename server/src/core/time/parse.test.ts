import assert from 'node:assert/strict';
import { matchLeadingTime, parseDate, parseTime, resolveTimes, toInstant, type ParsedTime } from './parse';

const LA = 'America/Los_Angeles';
const t = (date: ParsedTime['date'], hour: number, minute: number, extra: Partial<ParsedTime> = {}): ParsedTime => ({
  date,
  hour,
  minute,
  second: 0,
  zone: null,
  zoneText: null,
  twelveHour: false,
  ...extra,
});
const utc = Date.UTC;
const pt = (s: string): ParsedTime => {
  const r = parseTime(s);
  assert.ok(r, `parses ${s}`);
  return r;
};

describe('parseTime', () => {
  it('reads 24-hour clock times', () => {
    assert.deepEqual(parseTime('14:05'), t(null, 14, 5));
    assert.deepEqual(parseTime('9:05'), t(null, 9, 5));
    assert.deepEqual(parseTime('14:05:33'), { ...t(null, 14, 5), second: 33 });
    // A seconds digit the author could not read ('11:09:5x') leaves the minute known.
    assert.deepEqual(parseTime('11:09:5x'), { ...t(null, 11, 9), second: 50 });
    assert.equal(parseTime('11:09:xx'), null);
    assert.deepEqual(parseTime('  00:00 '), t(null, 0, 0));
  });
  it('reads an approximate time as the time the author gives', () => {
    for (const text of ['~07:00', '≈ 07:00', 'approx. 07:00', 'approximately 07:00', 'around 07:00', 'ca. 07:00']) assert.deepEqual(parseTime(text), t(null, 7, 0), text);
    assert.deepEqual(parseTime('± 17:20 UTC'), t(null, 17, 20, { zone: 'UTC', zoneText: 'UTC' }));
    assert.deepEqual(parseTime('2024-03-10 ~14:05')?.date, { year: 2024, month: 3, day: 10 });
    // Strikethrough is not 'about'; a word that is not a time stays unread.
    for (const text of ['~~07:00~~', '~ about', 'about 200']) assert.equal(parseTime(text), null, text);
  });
  it('reads 12-hour times, noon and midnight', () => {
    assert.deepEqual(parseTime('11:44 PM'), t(null, 23, 44, { twelveHour: true }));
    assert.deepEqual(parseTime('11:44pm'), t(null, 23, 44, { twelveHour: true }));
    assert.deepEqual(parseTime('9 AM'), t(null, 9, 0, { twelveHour: true }));
    assert.deepEqual(parseTime('7:15 a.m.'), t(null, 7, 15, { twelveHour: true }));
    assert.deepEqual(parseTime('12:00 AM'), t(null, 0, 0, { twelveHour: true }));
    assert.deepEqual(parseTime('12:30 AM'), t(null, 0, 30, { twelveHour: true }));
    assert.deepEqual(parseTime('12:00 PM'), t(null, 12, 0, { twelveHour: true }));
    assert.deepEqual(parseTime('12:30 PM'), t(null, 12, 30, { twelveHour: true }));
  });
  it('reads dates and zones written with the time', () => {
    const d = { year: 2024, month: 3, day: 10 };
    assert.deepEqual(parseTime('2024-03-10 02:30'), t(d, 2, 30));
    assert.deepEqual(parseTime('2024-03-10T02:30:00Z'), t(d, 2, 30, { zone: 'UTC', zoneText: 'Z' }));
    assert.deepEqual(parseTime('2024-03-10T02:30:00.123Z'), t(d, 2, 30, { zone: 'UTC', zoneText: 'Z' }));
    assert.deepEqual(parseTime('2024-03-10T02:30+02:00'), t(d, 2, 30, { zone: 'UTC+2', zoneText: '+02:00' }));
    assert.deepEqual(parseTime('2024-03-10 02:30 UTC'), t(d, 2, 30, { zone: 'UTC', zoneText: 'UTC' }));
    assert.deepEqual(parseTime('14:05 PT'), t(null, 14, 5, { zone: LA, zoneText: 'PT' }));
    assert.deepEqual(parseTime('2:05 PM PDT'), t(null, 14, 5, { zone: LA, zoneText: 'PDT', twelveHour: true }));
    assert.deepEqual(parseTime('14:05 Europe/Berlin'), t(null, 14, 5, { zone: 'Europe/Berlin', zoneText: 'Europe/Berlin' }));
    assert.deepEqual(parseTime('7:09 AM Eastern'), t(null, 7, 9, { zone: 'America/New_York', zoneText: 'Eastern', twelveHour: true }));
    assert.deepEqual(parseTime('14:05 Pacific Time'), t(null, 14, 5, { zone: LA, zoneText: 'Pacific Time' }));
    assert.deepEqual(parseTime('14:05 (UTC)'), t(null, 14, 5, { zone: 'UTC', zoneText: 'UTC' }));
    assert.deepEqual(parseTime('Mar 10, 2024 02:30'), t(d, 2, 30));
    assert.deepEqual(parseTime('March 10 2024 at 2:30 PM'), t(d, 14, 30, { twelveHour: true }));
    assert.deepEqual(parseTime('10 March 2024 14:00'), t(d, 14, 0));
  });
  it('rejects placeholders, invalid values and other text', () => {
    for (const s of [
      'HH:MM',
      '[Time]',
      'XX:XX',
      '25:00',
      '24:00',
      '12:60',
      '13:00 PM',
      '0:30 PM',
      '2024-02-30 10:00',
      '2024-03-10',
      '14',
      '14:05 Nowhere',
      '14:05:3',
      '**14:05**',
      '`14:05`',
      '',
      '14:05 - x',
    ])
      assert.equal(parseTime(s), null, s);
  });
  it('accepts 29 February in a leap year only', () => {
    assert.ok(parseTime('2024-02-29 10:00'));
    assert.equal(parseTime('2023-02-29 10:00'), null);
  });
});

describe('matchLeadingTime', () => {
  it('returns the time and its length without separators', () => {
    assert.deepEqual(matchLeadingTime('11:44 PM - Alert fired'), { time: t(null, 23, 44, { twelveHour: true }), length: 8 });
    assert.deepEqual(matchLeadingTime('2024-03-10 02:30 UTC: x'), {
      time: t({ year: 2024, month: 3, day: 10 }, 2, 30, { zone: 'UTC', zoneText: 'UTC' }),
      length: 20,
    });
    assert.deepEqual(matchLeadingTime('14:05 ET team paged'), { time: t(null, 14, 5, { zone: 'America/New_York', zoneText: 'ET' }), length: 8 });
    assert.deepEqual(matchLeadingTime('10:00: thing'), { time: t(null, 10, 0), length: 5 });
    assert.deepEqual(matchLeadingTime('14:00-15:00 deploy'), { time: t(null, 14, 0), length: 5 });
  });
  it('keeps prose words that only look like zones in lower case', () => {
    assert.deepEqual(matchLeadingTime('14:05 et al'), { time: t(null, 14, 5), length: 5 });
  });
  it('finds nothing when the text does not start with a time', () => {
    for (const s of ['Alert fired at 11:44', ' 11:44 x', '3 Amazon hosts', '2024-03-10 - x', '14:05abc', 'HH:MM - Event']) assert.equal(matchLeadingTime(s), null, s);
  });
});

describe('parseTime: hour 0 on a 12-hour clock', () => {
  it("'0:25:59 AM' is 00:25:59; '0:25 PM' is no time", () => {
    assert.deepEqual([parseTime('0:25:59 AM')?.hour, parseTime('0:25:59 AM')?.minute], [0, 25]);
    assert.equal(parseTime('0:25 PM'), null);
  });
});

describe('parseDate', () => {
  it('reads the written forms', () => {
    for (const s of ['2024-03-10', 'March 10, 2024', '10 March 2024', '2024/03/10', 'Mar 10 2024', 'Sunday, March 10, 2024', 'Mar. 10th, 2024']) assert.equal(parseDate(s), '2024-03-10', s);
  });
  it('reads month names in the other languages post-mortems are written in', () => {
    for (const s of ['10 mars 2024', '10. März 2024', '10 de marzo de 2024', '10 de março de 2024', '10 marzo 2024', '10 maart 2024', 'März 10, 2024']) assert.equal(parseDate(s), '2024-03-10', s);
    assert.equal(parseDate('13 octobre 2025'), '2025-10-13');
    assert.equal(parseDate('2 août 2023'), '2023-08-02');
    assert.equal(parseDate('31 février 2024'), null, 'a day the month does not have');
  });
  it('rejects invalid dates and placeholders', () => {
    for (const s of ['2023-02-29', 'March 32, 2024', '2024-13-01', 'YYYY-MM-DD', '[DATE]', '2024-03-10 10:00', '']) assert.equal(parseDate(s), null, s);
  });
});

describe('toInstant', () => {
  it('uses the own date and zone, else the fallbacks', () => {
    // 2024-03-10T02:30+02:00 is 00:30Z.
    assert.equal(toInstant(pt('2024-03-10T02:30+02:00'), null, LA), utc(2024, 2, 10, 0, 30));
    // 23:30 at -05:00 is 04:30Z the next day.
    assert.equal(toInstant(pt('2024-03-10T23:30-05:00'), null, 'UTC'), utc(2024, 2, 11, 4, 30));
    assert.equal(toInstant(pt('2024-03-10T09:00:00.000Z'), null, LA), utc(2024, 2, 10, 9, 0));
    // IST is +05:30: 09:00 IST is 03:30Z.
    assert.equal(toInstant(pt('2024-03-10 09:00 IST'), null, 'UTC'), utc(2024, 2, 10, 3, 30));
    assert.equal(toInstant(pt('14:05'), '2024-03-10', 'UTC'), utc(2024, 2, 10, 14, 5));
    assert.equal(toInstant(pt('14:05'), null, 'UTC'), null);
    assert.equal(toInstant(pt('14:05'), 'not a date', 'UTC'), null);
    assert.equal(toInstant(pt('14:05'), '2024-03-10', 'Not/AZone'), null);
    // The zone argument may be written as authors write it.
    assert.equal(toInstant(pt('14:05'), '2024-07-01', 'PT'), utc(2024, 6, 1, 21, 5));
  });
  it('follows Europe/Berlin DST (CET in January, CEST in July)', () => {
    assert.equal(toInstant(pt('2024-01-15 14:05 Europe/Berlin'), null, 'UTC'), utc(2024, 0, 15, 13, 5));
    assert.equal(toInstant(pt('2024-07-01 14:05 Europe/Berlin'), null, 'UTC'), utc(2024, 6, 1, 12, 5));
  });
  it('reads PST and PDT as the Pacific clock on the date, whatever the label says', () => {
    // PT in July is PDT (-7): 14:05 -> 21:05Z. "PST" on a July date is read the same way, as readers do.
    assert.equal(toInstant(pt('2:05 PM PT'), '2024-07-01', 'UTC'), utc(2024, 6, 1, 21, 5));
    assert.equal(toInstant(pt('2:05 PM PST'), '2024-07-01', 'UTC'), utc(2024, 6, 1, 21, 5));
    assert.equal(toInstant(pt('2:05 PM EST'), '2024-07-01', 'UTC'), utc(2024, 6, 1, 18, 5));
    // "PDT" on a January date is PST (-8): 22:05Z.
    assert.equal(toInstant(pt('2:05 PM PDT'), '2024-01-15', 'UTC'), utc(2024, 0, 15, 22, 5));
    assert.equal(toInstant(pt('2:05 PM PST'), '2024-01-15', 'UTC'), utc(2024, 0, 15, 22, 5));
    // MST stays -7 in July (Arizona keeps it all year).
    assert.equal(toInstant(pt('2:05 PM MST'), '2024-07-01', 'UTC'), utc(2024, 6, 1, 21, 5));
  });
  it('in a fall-back hour a season label picks its own reading', () => {
    assert.equal(toInstant(pt('1:30 AM PDT'), '2024-11-03', 'UTC'), utc(2024, 10, 3, 8, 30));
    assert.equal(toInstant(pt('1:30 AM PST'), '2024-11-03', 'UTC'), utc(2024, 10, 3, 9, 30));
  });
  it('spring-forward in PT (2024-03-10): a time in the gap shifts forward by the hour', () => {
    assert.equal(toInstant(pt('1:30 AM'), '2024-03-10', LA), utc(2024, 2, 10, 9, 30)); // PST, -8
    assert.equal(toInstant(pt('2:30 AM'), '2024-03-10', LA), utc(2024, 2, 10, 10, 30)); // no such time: 03:30 PDT
    assert.equal(toInstant(pt('3:30 AM'), '2024-03-10', LA), utc(2024, 2, 10, 10, 30)); // PDT, -7
  });
  it('fall-back in PT (2024-11-03): the repeated 1:30 AM takes the earlier instant (PDT)', () => {
    // luxon's DateTime.fromObject alone would pick 01:30 PST (09:30Z); we pick the first occurrence.
    assert.equal(toInstant(pt('12:30 AM'), '2024-11-03', LA), utc(2024, 10, 3, 7, 30)); // PDT
    assert.equal(toInstant(pt('1:30 AM'), '2024-11-03', LA), utc(2024, 10, 3, 8, 30)); // PDT, not PST 09:30Z
    assert.equal(toInstant(pt('2:30 AM'), '2024-11-03', LA), utc(2024, 10, 3, 10, 30)); // PST
  });
});

describe('resolveTimes', () => {
  it('rolls over midnight: 11:32 PM .. 1:05 AM on 2024-03-09 in PT (PST, -8)', () => {
    const times = ['11:32 PM', '11:50 PM', '12:10 AM', '1:05 AM'].map(pt);
    assert.deepEqual(resolveTimes(times, '2024-03-09', LA), [utc(2024, 2, 10, 7, 32), utc(2024, 2, 10, 7, 50), utc(2024, 2, 10, 8, 10), utc(2024, 2, 10, 9, 5)]);
  });
  it('rolls into the spring-forward gap', () => {
    // 2:30 AM on 2024-03-10 does not exist in LA: 03:30 PDT = 10:30Z.
    assert.deepEqual(resolveTimes([pt('11:50 PM'), pt('2:30 AM')], '2024-03-09', LA), [utc(2024, 2, 10, 7, 50), utc(2024, 2, 10, 10, 30)]);
  });
  it('takes the repeated fall-back hour instead of rolling a day', () => {
    // 1:50 AM PDT = 08:50Z; 1:10 AM goes back on the clock but is 1:10 PST = 09:10Z, same day.
    assert.deepEqual(resolveTimes([pt('1:50 AM'), pt('1:10 AM')], '2024-11-03', LA), [utc(2024, 10, 3, 8, 50), utc(2024, 10, 3, 9, 10)]);
  });
  it('lets dated entries set the running date and passes nulls through', () => {
    const times = [pt('23:00'), null, pt('2024-03-12 01:00'), pt('02:00'), pt('00:30')];
    assert.deepEqual(resolveTimes(times, '2024-03-10', 'UTC'), [utc(2024, 2, 10, 23, 0), null, utc(2024, 2, 12, 1, 0), utc(2024, 2, 12, 2, 0), utc(2024, 2, 13, 0, 30)]);
  });
  it('a step back of under an hour is an entry written out of order, not the next day', () => {
    const times = [pt('16:50:25'), pt('16:50'), pt('17:15'), pt('16:20'), pt('14:00')];
    assert.deepEqual(resolveTimes(times, '2024-03-05', 'UTC'), [Date.UTC(2024, 2, 5, 16, 50, 25), utc(2024, 2, 5, 16, 50), utc(2024, 2, 5, 17, 15), utc(2024, 2, 5, 16, 20), utc(2024, 2, 6, 14, 0)]);
  });
  it('does not roll a dated entry that goes backwards', () => {
    assert.deepEqual(resolveTimes([pt('2024-03-10 10:00'), pt('2024-03-10 09:00')], null, 'UTC'), [utc(2024, 2, 10, 10), utc(2024, 2, 10, 9)]);
  });
  it('compares instants, so entries in different zones stay in order', () => {
    // 16:55 PT on 2024-03-09 is 00:55Z on the 10th, after 23:50Z: no roll.
    assert.deepEqual(resolveTimes([pt('2024-03-09 23:50 UTC'), pt('16:55 PT')], null, 'UTC'), [utc(2024, 2, 9, 23, 50), utc(2024, 2, 10, 0, 55)]);
  });
  it('gives null to dateless entries when there is no date at all', () => {
    assert.deepEqual(resolveTimes([pt('10:00'), pt('11:00')], null, 'UTC'), [null, null]);
    assert.deepEqual(resolveTimes([], '2024-03-10', 'UTC'), []);
  });
});

describe('matchLeadingTime with US regional zone names', () => {
  it('reads a capitalised region (with or without Time) and leaves prose alone', () => {
    const m = matchLeadingTime('2024-06-28 7:09 AM Eastern: token reported');
    assert.equal(m?.time.zone, 'America/New_York');
    assert.equal(m?.length, '2024-06-28 7:09 AM Eastern'.length);
    assert.equal(matchLeadingTime('10:00 Central Standard Time - paged')?.time.zone, 'America/Chicago');
    assert.equal(matchLeadingTime('10:00 Mountain: paged')?.time.zone, 'America/Denver');
    // A region followed by a lower-case word, a lower-case region, or a longer word: prose, no zone.
    for (const text of ['10:00 Pacific team joins', '10:00 central db fails', '10:00 Centralized logging down']) {
      const r = matchLeadingTime(text);
      assert.equal(r?.time.zone, null, text);
      assert.equal(r?.length, 5, text);
    }
  });
});
