import assert from 'node:assert/strict';
import { formatDuration, formatInstant, monthOf, parseDuration, parseTimeRange, rangeInstants } from './duration';
import { parseTime, type ParsedTime } from './parse';

const utc = Date.UTC;
const LA = 'America/Los_Angeles';
const range = (s: string) => {
  const r = parseTimeRange(s);
  assert.ok(r, `parses ${s}`);
  return r;
};
const clock = (p: ParsedTime) => [p.hour, p.minute];

describe('parseDuration', () => {
  const cases: [string, number][] = [
    ['2 hours 15 minutes', 135],
    ['2h 45m', 165],
    ['2h', 120],
    ['1 hour', 60],
    ['135 min', 135],
    ['45 minutes', 45],
    ['1.5 hours', 90],
    ['90m', 90],
    ['1d 2h', 1560],
    ['2 days', 2880],
    ['about 2 hours', 120],
    ['~45 min', 45],
    ['1 hour and 33 minutes', 93],
    ['2 hrs, 15 mins', 135],
    ['2h45m', 165],
    ['an hour', 60],
    ['0m', 0],
    ['1h 33m (alert to resolution)', 93],
    ['approximately 3 hours', 180],
    ['90s', 1.5],
  ];
  for (const [text, want] of cases) it(`${JSON.stringify(text)} -> ${want}`, () => assert.equal(parseDuration(text), want));

  it('reads HH:MM only when the template says so', () => {
    assert.equal(parseDuration('02:30', { hhmm: true }), 150);
    assert.equal(parseDuration('1:05', { hhmm: true }), 65);
    assert.equal(parseDuration('02:30'), null);
    assert.equal(parseDuration('02:30', { hhmm: false }), null);
  });
  it('returns null for placeholders and unreadable text', () => {
    for (const s of ['XX hours XX minutes', '[DURATION]', 'HH:MM', '', '45', 'a while', '2h 3h', '30m 2h', '2 months', 'two hours', '2 hours and', '(2h)'])
      assert.equal(parseDuration(s, { hhmm: true }), null, s);
  });
});

describe('parseTimeRange / rangeInstants', () => {
  it('11:32 PM to 1:05 AM crosses midnight (2024-03-09 in PT, PST -8)', () => {
    const r = range('11:32 PM to 1:05 AM');
    assert.deepEqual(
      [clock(r.start), clock(r.end)],
      [
        [23, 32],
        [1, 5],
      ],
    );
    assert.deepEqual(rangeInstants(r, '2024-03-09', LA), { start: utc(2024, 2, 10, 7, 32), end: utc(2024, 2, 10, 9, 5) });
  });
  it('applies a zone written once to both ends', () => {
    const r = range('14:00 - 15:30 UTC');
    assert.equal(r.start.zone, 'UTC');
    assert.deepEqual(rangeInstants(r, '2024-03-10', LA), { start: utc(2024, 2, 10, 14), end: utc(2024, 2, 10, 15, 30) });
  });
  it('reads dated ends and dashes', () => {
    assert.deepEqual(rangeInstants(range('2024-03-10 09:00 - 2024-03-10 11:15'), null, 'UTC'), { start: utc(2024, 2, 10, 9), end: utc(2024, 2, 10, 11, 15) });
    assert.deepEqual(rangeInstants(range('2024-03-10 09:00 UTC - 11:15 UTC'), null, LA), { start: utc(2024, 2, 10, 9), end: utc(2024, 2, 10, 11, 15) });
    assert.deepEqual(rangeInstants(range('09:00–11:15'), '2024-03-10', 'UTC'), { start: utc(2024, 2, 10, 9), end: utc(2024, 2, 10, 11, 15) });
    assert.deepEqual(rangeInstants(range('from 23:30 until 00:45'), '2024-03-10', 'UTC'), { start: utc(2024, 2, 10, 23, 30), end: utc(2024, 2, 11, 0, 45) });
  });
  it("reads a start without AM/PM in the end's half of the day", () => {
    assert.deepEqual(clock(range('11:00 - 1:00 PM').start), [11, 0]);
    assert.deepEqual(clock(range('10:00 - 11:15 PM').start), [22, 0]);
  });
  it('ignores a trailing note after the range', () => {
    assert.deepEqual(clock(range('11:32 PM to 1:05 AM (1h 33m)').end), [1, 5]);
  });
  it('gives null instants without any date', () => {
    assert.deepEqual(rangeInstants(range('14:00 - 15:00'), null, 'UTC'), { start: null, end: null });
  });
  it('rejects what is not a range', () => {
    for (const s of ['14:00', '14:00 to', 'a to b', '14:00 - HH:MM', '[START] - [END]', '14:00 - 15:00 and more', '']) assert.equal(parseTimeRange(s), null, s);
  });
});

describe('formatDuration', () => {
  const cases: [number, string][] = [
    [93, '1h 33m'],
    [45, '45m'],
    [3060, '2d 3h'],
    [0, '0m'],
    [2880, '2d'],
    [-5, '-5m'],
    [120, '2h'],
    [1439, '23h 59m'],
    [1529, '1d 1h 29m'],
    [1490, '1d 0h 50m'],
    [92.6, '1h 33m'],
    [-93, '-1h 33m'],
  ];
  for (const [min, want] of cases) it(`${min} -> ${want}`, () => assert.equal(formatDuration(min), want));
});

describe('formatInstant', () => {
  it('formats in named and fixed zones', () => {
    const ms = utc(2024, 2, 10, 10, 30); // 03:30 PDT, the first minutes of DST
    assert.equal(formatInstant(ms, LA, 'yyyy-MM-dd HH:mm ZZZZ'), '2024-03-10 03:30 PDT');
    assert.equal(formatInstant(ms, 'UTC-8', 'HH:mm ZZ'), '02:30 -08:00');
    // 'PST' is the Pacific clock: on a DST date it shows the clock's reading.
    assert.equal(formatInstant(ms, 'PST', 'HH:mm ZZ'), '03:30 -07:00');
    assert.equal(formatInstant(ms, 'UTC', 'h:mm a'), '10:30 AM');
  });
  it('round-trips with parseTime for a plain time', () => {
    const p = parseTime(formatInstant(utc(2024, 2, 10, 23, 5), 'UTC', 'HH:mm'));
    assert.deepEqual(p && clock(p), [23, 5]);
  });
});

describe('monthOf', () => {
  it("is formatInstant's yyyy-MM in every kind of zone, at month ends and across transitions", () => {
    const zones = ['UTC', 'PST', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'UTC+05:45', 'CEST', 'Not/AZone', 'bogus'];
    const instants = [
      utc(2025, 0, 31, 23, 59),
      utc(2025, 1, 28, 8, 0),
      utc(2025, 2, 31, 23, 30),
      utc(2024, 11, 31, 12, 0),
      utc(2025, 9, 26, 1, 0),
      utc(1999, 11, 31, 23, 0),
      utc(9999, 11, 31, 23, 0),
      utc(999, 0, 1),
      0,
    ];
    for (let i = 0; i < 400; i++) instants.push(utc(2020, 0, 1) + i * 7_919_993 * 1000);
    for (const zone of zones) for (const ms of instants) assert.equal(monthOf(ms, zone), formatInstant(ms, zone, 'yyyy-MM'), `${zone} ${new Date(ms).toISOString()}`);
  });
});
