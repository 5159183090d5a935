import assert from 'node:assert/strict';
import { addMinutes, detectStyle, formatWall, readStyle, styleFromFormat, wallAt, wallOf, type Wall } from './timeStyle';

const wall = (year: number, month: number, day: number, hour: number, minute: number, second = 0): Wall => ({ year, month, day, hour, minute, second });
/** Write `w` in the style of `sample`. */
const like = (sample: string, w: Wall) => formatWall(readStyle(sample)!.style, w);

describe('completion time style', () => {
  it('keeps a 12-hour clock, its meridiem spelling and its unpadded hour', () => {
    assert.equal(like('11:44 PM', wall(2024, 3, 10, 0, 3)), '12:03 AM');
    assert.equal(like('11:44 PM', wall(2024, 3, 10, 12, 0)), '12:00 PM');
    assert.equal(like('9:05 am', wall(2024, 3, 10, 13, 7)), '1:07 pm');
    assert.equal(like('10:00 p.m.', wall(2024, 3, 10, 9, 30)), '9:30 a.m.');
    assert.equal(like('11:44PM', wall(2024, 3, 10, 23, 49)), '11:49PM');
    assert.equal(like('09:15 AM', wall(2024, 3, 10, 7, 5)), '07:05 AM');
  });

  it('keeps a 24-hour clock, zero-padded unless the author writes single-digit hours', () => {
    assert.equal(like('14:05', wall(2024, 3, 10, 7, 5)), '07:05');
    assert.equal(like('9:05', wall(2024, 3, 10, 7, 5)), '7:05');
    assert.equal(like('14:05:30', wall(2024, 3, 10, 7, 5, 9)), '07:05:09');
  });

  it('settles the padding from the nearest entry that shows it', () => {
    assert.equal(formatWall(detectStyle(['14:05', '13:50', '9:30'])!, wall(2024, 3, 10, 7, 5)), '7:05');
    assert.equal(formatWall(detectStyle(['14:05', '09:30', '9:10'])!, wall(2024, 3, 10, 7, 5)), '07:05');
    assert.equal(formatWall(detectStyle(['[Time]', 'HH:MM', '11:44 PM'])!, wall(2024, 3, 10, 7, 5)), '7:05 AM');
    assert.equal(detectStyle(['[Time]', 'HH:MM']), null);
  });

  it('keeps dates, the date-time separator, seconds and the zone suffix as written', () => {
    assert.equal(like('2025-09-03 22:18', wall(2024, 3, 10, 0, 3)), '2024-03-10 00:03');
    assert.equal(like('2024-03-10T02:30:00Z', wall(2024, 3, 10, 0, 3)), '2024-03-10T00:03:00Z');
    assert.equal(like('2025-06-14 09:12 UTC', wall(2025, 6, 14, 9, 17)), '2025-06-14 09:17 UTC');
    assert.equal(like('2024/03/09 23:58', wall(2024, 3, 10, 0, 3)), '2024/03/10 00:03');
    assert.equal(like('11:32 PM PT', wall(2024, 3, 9, 23, 37)), '11:37 PM PT');
    assert.equal(like('14:05 (UTC)', wall(2024, 3, 9, 14, 10)), '14:10 (UTC)');
    assert.equal(like('2024-03-10T02:30+02:00', wall(2024, 3, 10, 2, 35)), '2024-03-10T02:35+02:00');
  });

  it('returns text after the time that is not a zone, such as a colon inside the bold', () => {
    assert.deepEqual(readStyle('11:44 PM:')!.rest, ':');
    assert.equal(readStyle('11:44 PM:')!.style.suffix, '');
    assert.equal(readStyle('[Time]'), null);
    assert.equal(readStyle('HH:MM'), null);
  });

  it('reads a template time format', () => {
    assert.equal(formatWall(styleFromFormat('h:mm a')!, wall(2024, 3, 9, 23, 58)), '11:58 PM');
    assert.equal(formatWall(styleFromFormat('HH:mm')!, wall(2024, 3, 9, 7, 8)), '07:08');
    assert.equal(formatWall(styleFromFormat('yyyy-MM-dd HH:mm')!, wall(2024, 3, 9, 23, 58)), '2024-03-09 23:58');
  });

  it('adds minutes on the calendar: midnight, month end and leap day', () => {
    assert.deepEqual(addMinutes(wall(2024, 3, 9, 23, 58), 5), wall(2024, 3, 10, 0, 3));
    assert.deepEqual(addMinutes(wall(2024, 2, 28, 23, 58), 5), wall(2024, 2, 29, 0, 3));
    assert.deepEqual(addMinutes(wall(2023, 12, 31, 23, 50), 15), wall(2024, 1, 1, 0, 5));
  });

  it('reads the wall clock of an instant in a zone, across the spring-forward gap', () => {
    const pst0158 = Date.UTC(2024, 2, 10, 9, 58); // 1:58 AM PST on March 10, 2024
    assert.deepEqual(wallAt(pst0158, 'America/Los_Angeles'), wall(2024, 3, 10, 1, 58));
    assert.deepEqual(wallAt(pst0158 + 5 * 60_000, 'America/Los_Angeles'), wall(2024, 3, 10, 3, 3));
    assert.deepEqual(wallAt(pst0158, 'UTC'), wall(2024, 3, 10, 9, 58));
    assert.deepEqual(wallAt(pst0158, 'Not/AZone'), wall(2024, 3, 10, 9, 58));
  });

  it('reads the wall reading a written time states', () => {
    assert.deepEqual(wallOf('11:58 PM', '2024-03-09'), wall(2024, 3, 9, 23, 58));
    assert.deepEqual(wallOf('2024-03-09 23:58', null), wall(2024, 3, 9, 23, 58));
    assert.equal(wallOf('[Time]', null), null);
  });
});
