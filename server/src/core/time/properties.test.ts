import assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifyPhase } from './phase';
import { parseDuration, parseTimeRange } from './duration';
import { matchLeadingTime, parseDate, parseTime } from './parse';
import { findZoneStatement } from './zones';

// Strings built from time-like pieces reach deeper into the parsers than uniform noise.
const PIECES = [
  '1',
  '12',
  '23',
  ':',
  '30',
  '59',
  ' ',
  'PM',
  'am',
  'UTC',
  'PT',
  '-',
  '–',
  '2024',
  '-03-',
  '10',
  'T',
  'Z',
  '+02:00',
  ' to ',
  'h',
  'm',
  ' hours',
  '/',
  'Mar',
  ',',
  '(',
  ')',
  'Europe/Berlin',
  '.',
  '~',
  'about ',
  'incident',
  ' began',
  '[',
  ']',
];
const timeish = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), timeish);

describe('time parsing (property)', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        parseTime(s);
        parseDuration(s);
        parseDuration(s, { hhmm: true });
        matchLeadingTime(s);
        parseTimeRange(s);
        parseDate(s);
        findZoneStatement(s);
        classifyPhase(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('a leading match parses on its own to the same time', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const m = matchLeadingTime(s);
        if (!m) return;
        assert.ok(m.length > 0 && m.length <= s.length);
        assert.deepEqual(parseTime(s.slice(0, m.length)), m.time);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every valid 24-hour and 12-hour clock time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const mm = String(m).padStart(2, '0');
        assert.deepEqual([parseTime(`${String(h).padStart(2, '0')}:${mm}`)?.hour, parseTime(`${h}:${mm}`)?.minute], [h, m]);
        const h12 = h % 12 === 0 ? 12 : h % 12;
        assert.equal(parseTime(`${h12}:${mm} ${h < 12 ? 'AM' : 'PM'}`)?.hour, h);
      }),
    );
  });
});
