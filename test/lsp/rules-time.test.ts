// Time and timeline rules through the bundled server: each rule fires on a filled post-mortem with
// one thing broken and stays quiet on the original; each quick fix, applied as an editor would,
// clears its diagnostic and keeps every line the author wrote.
import assert from 'node:assert/strict';
import { startServer, applyQuickFix, assertKept, fixture, ofRule, type LspSession } from './harness';

const filled = (id: string) => fixture(`filled/${id}.md`);
const STANDARD = filled('standard');
const SEV = filled('sev');
const CLASSIC = filled('classic');

/** Replace exactly one occurrence, so a typo in a test cannot leave the document unchanged. */
function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `'${from}' must occur once`);
  return text.replace(from, to);
}

const SEV_ROW_DETECTED = '| 2025-09-03 22:26 | Alert fired: `SearchZeroResultRate` above 20%; search on-call paged |';
const SEV_ROW_ACKNOWLEDGED = '| 2025-09-03 22:31 | On-call engineer acknowledged |';

describe('time and timeline rules over LSP', function () {
  let s: LspSession;
  let n = 0;
  before(async () => {
    s = await startServer();
  });
  after(async () => {
    await s.stop();
  });

  const uri = () => `file:///ws/rules-time-${++n}.md`;

  const applyFix = (text: string, code: string, title: string) => applyQuickFix(s, uri(), text, code, title);

  it('the five filled examples have none of these diagnostics', async () => {
    const codes = ['invalid-date', 'end-before-start', 'timeline-order', 'timeline-outside-window', 'timezone-missing', 'timezone-mixed'];
    for (const id of ['classic', 'standard', 'report', 'detailed', 'sev']) {
      const d = await s.open(uri(), filled(id));
      assert.deepEqual(
        d.filter((x) => codes.includes(String(x.code))).map((x) => `${x.code}: ${x.message}`),
        [],
        id,
      );
    }
  });

  describe('invalid-date', () => {
    it('fires on a date that does not exist, as an error on the date', async () => {
      const text = edit(STANDARD, '**Date:** 2025-02-18', '**Date:** 2025-02-30');
      const d = ofRule(await s.open(uri(), text), 'invalid-date');
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character, x.severity, x.message]),
        [[7, 10, 20, 1, "Date '2025-02-30' does not exist: February 2025 has 28 days."]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), STANDARD), 'invalid-date'), []);
    });

    it('rewrites a day/month date with a single reading to YYYY-MM-DD', async () => {
      const text = edit(STANDARD, '**Date:** 2025-02-18', '**Date:** 18/02/2025');
      const { fixed, after } = await applyFix(text, 'invalid-date', "Rewrite '18/02/2025' as 2025-02-18");
      assert.deepEqual(after, []);
      // The fix replaces only the value its title names: the result is the original document.
      assert.equal(fixed, STANDARD);
      assertKept(text, fixed, ['**Date:** 18/02/2025']);
    });
  });

  describe('end-before-start', () => {
    it('fires when the stated end is earlier than the stated start', async () => {
      const text = edit(SEV, '- **End Time (UTC):** 2025-09-04 01:23', '- **End Time (UTC):** 2025-09-03 21:23');
      const d = ofRule(await s.open(uri(), text), 'end-before-start');
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.severity, x.message]),
        [[13, 1, 'The incident ends before it starts: end 2025-09-03 21:23 UTC (stated End Time (UTC), line 14) is earlier than start 2025-09-03 22:18 UTC (stated Start Time (UTC), line 13).']],
      );
      assert.deepEqual(ofRule(await s.open(uri(), SEV), 'end-before-start'), []);
    });
  });

  describe('timeline-order', () => {
    const swapped = edit(SEV, `${SEV_ROW_DETECTED}\n${SEV_ROW_ACKNOWLEDGED}`, `${SEV_ROW_ACKNOWLEDGED}\n${SEV_ROW_DETECTED}`);

    it('fires as information on a dated row earlier than the row above it', async () => {
      const d = ofRule(await s.open(uri(), swapped), 'timeline-order');
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.severity, x.message]),
        [[56, 3, 'Entry at 2025-09-03 22:26 UTC is earlier than the entry before it (2025-09-03 22:31 UTC, line 56).']],
      );
      assert.deepEqual(ofRule(await s.open(uri(), SEV), 'timeline-order'), []);
    });

    it('sorts the rows back, keeping the same lines', async () => {
      const { fixed, after } = await applyFix(swapped, 'timeline-order', 'Sort timeline entries by time');
      assert.deepEqual(after, []);
      assert.deepEqual(fixed.split('\n').sort(), swapped.split('\n').sort());
      assert.equal(fixed, SEV);
    });
  });

  describe('timeline-outside-window', () => {
    it('fires on an entry before the stated start', async () => {
      const text = edit(SEV, '- **Start Time (UTC):** 2025-09-03 22:18', '- **Start Time (UTC):** 2025-09-03 22:20');
      const d = ofRule(await s.open(uri(), text), 'timeline-outside-window');
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.severity, x.message]),
        [[54, 2, "Entry at 2025-09-03 22:18 UTC is before the stated start 2025-09-03 22:20 UTC (Start Time (UTC), line 13): correct the entry's time or the stated start."]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), SEV), 'timeline-outside-window'), []);
    });
  });

  describe('timezone-missing', () => {
    const zoneless = edit(STANDARD, '| Time (UTC) | Event |', '| Time | Event |');

    it('fires as information on the timeline heading, naming the zone assumed', async () => {
      const d = ofRule(await s.open(uri(), zoneless), 'timezone-missing');
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.severity, x.message]),
        [[18, 3, "The timeline states no time zone, so UTC was assumed (the default). State the zone, e.g. '_All times in UTC_' under the heading."]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), STANDARD), 'timezone-missing'), []);
    });

    it('adds a zone statement under the heading', async () => {
      const { fixed, after, titles } = await applyFix(zoneless, 'timezone-missing', "Add '_All times in UTC_' to the timeline");
      assert.deepEqual(titles, ["Add '_All times in UTC_' to the timeline", "Rename column 'Time' to 'Time (UTC)'"]);
      assert.deepEqual(after, []);
      assertKept(zoneless, fixed);
      assert.ok(fixed.includes('## Timeline\n\n_All times in UTC_\n\n| Time | Event |'), fixed.slice(0, 800));
    });

    it('or renames the time column', async () => {
      const { fixed, after } = await applyFix(zoneless, 'timezone-missing', "Rename column 'Time' to 'Time (UTC)'");
      assert.deepEqual(after, []);
      // Only the header line changes, and only by the inserted zone.
      assertKept(zoneless, fixed, ['| Time | Event |']);
      assert.equal(fixed, STANDARD);
    });
  });

  describe('timezone-mixed', () => {
    it('fires on an entry written in UTC in a Pacific Time timeline, saying the offset used', async () => {
      const text = edit(CLASSIC, '- **12:20 AM**: Mitigation applied', '- **08:20 UTC**: Mitigation applied');
      const d = ofRule(await s.open(uri(), text), 'timezone-mixed');
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.severity, x.message]),
        [[24, 2, "'08:20 UTC' is written in UTC but the timeline is in Pacific Time (stated on line 19): write every time in one zone so readers can compare them."]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), CLASSIC), 'timezone-mixed'), []);
    });
  });
});
