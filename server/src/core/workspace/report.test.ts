import assert from 'node:assert/strict';
import { buildReport, mean, median, reportJsonParts, reportPiece } from './report';
import { csvField, reportCsv, POSTMORTEM_COLUMNS, ACTION_ITEM_COLUMNS } from './formats';
import type { PostmortemSummary } from './summary';

function summary(over: Partial<PostmortemSummary>): PostmortemSummary {
  return {
    uri: 'file:///ws/x.md',
    title: 'X',
    template: 'standard',
    severity: 'SEV-1',
    status: 'Resolved',
    start: null,
    end: null,
    month: null,
    sortKey: null,
    durationMinutes: null,
    timeToDetectMinutes: null,
    timeToAcknowledgeMinutes: null,
    timeToMitigateMinutes: null,
    timeToResolveMinutes: null,
    errors: 0,
    warnings: 0,
    problems: 0,
    mismatches: [],
    actionItems: [],
    ...over,
  };
}

describe('workspace report', () => {
  it('median and mean: middle value, mean of the middle two, null for none', () => {
    assert.equal(median([]), null);
    assert.equal(mean([]), null);
    assert.equal(median([30, 10, 20]), 20);
    assert.equal(median([10, 20, 31, 41]), 25.5);
    assert.equal(mean([10, 20, 31]), 20.3);
  });

  it('summarises per severity and per month, counting only the months with a value for each metric', () => {
    const r = buildReport([
      summary({ uri: 'file:///a.md', month: '2025-01', sortKey: 1, timeToDetectMinutes: 10, durationMinutes: 60 }),
      summary({ uri: 'file:///b.md', month: '2025-01', sortKey: 2, timeToDetectMinutes: 30, severity: 'SEV-2' }),
      summary({ uri: 'file:///c.md', month: '2024-12', sortKey: 0, timeToDetectMinutes: null, severity: null }),
      summary({ uri: 'file:///d.md', month: null }),
    ]);
    assert.deepEqual(r.summary.bySeverity, { 'SEV-2': 1, 'SEV-1': 2, '(not set)': 1 });
    assert.equal(r.summary.postmortems, 4);
    assert.deepEqual(
      r.summary.byMonth.map((m) => m.month),
      ['2024-12', '2025-01'],
    );
    const jan = r.summary.byMonth[1]!;
    assert.equal(jan.postmortems, 2);
    assert.equal(jan.medianTimeToDetectMinutes, 20);
    assert.equal(jan.meanTimeToDetectMinutes, 20);
    assert.equal(jan.medianDurationMinutes, 60);
    assert.equal(jan.meanTimeToResolveMinutes, null);
    assert.equal(r.summary.byMonth[0]!.medianTimeToDetectMinutes, null);
    assert.deepEqual(
      r.postmortems.map((p) => p.file),
      ['file:///b.md', 'file:///a.md', 'file:///c.md', 'file:///d.md'],
    );
  });

  it("counts a severity written in other cases ('High', 'HIGH') once, under its most used spelling", () => {
    const at = (severity: string | null, i: number) => summary({ uri: `file:///ws/s${i}.md`, severity });
    const r = buildReport([at('High', 1), at('HIGH', 2), at('High', 3), at('P1', 4), at(null, 5)], (u) => u);
    assert.deepEqual(r.summary.bySeverity, { High: 3, P1: 1, '(not set)': 1 });
  });

  it('counts open and overdue action items across documents', () => {
    const item = { line: 3, id: null, text: 't', owner: null, due: null, status: null, open: true, overdue: false };
    const r = buildReport(
      [summary({ uri: 'file:///a.md', actionItems: [item, { ...item, overdue: true }, { ...item, open: false }] }), summary({ uri: 'file:///b.md', actionItems: [{ ...item, overdue: true }] })],
      (u) => u.replace('file:///', ''),
    );
    assert.equal(r.summary.openActionItems, 3);
    assert.equal(r.summary.overdueActionItems, 2);
    assert.deepEqual(
      r.actionItems.map((a) => a.file),
      ['a.md', 'a.md', 'a.md', 'b.md'],
    );
  });

  it('CSV: quotes commas, quotes and line breaks; defuses formulas; leaves numbers and empties alone', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField(-5), '-5');
    assert.equal(csvField(null), '');
    assert.equal(csvField(true), 'true');
  });

  it('CSV: a header and one row per post-mortem, or per action item', () => {
    const item = { line: 3, id: 'AI-1', text: 'Fix, then "verify"', owner: '@ana', due: '2025-01-02', status: 'Open', open: true, overdue: true };
    const r = buildReport([summary({ title: 'A, B', durationMinutes: 12, actionItems: [item, item] }), summary({ uri: 'file:///y.md' })]);
    const rows = reportCsv(r, false).split('\r\n');
    assert.equal(rows[0], POSTMORTEM_COLUMNS.join(','));
    assert.equal(rows.length, 4, 'header, two rows, final empty');
    assert.equal(rows[3], '');
    assert.match(rows[1]!, /^file:\/\/\/ws\/x\.md,"A, B",standard,SEV-1,Resolved,,,12,,,,,0,0$/);
    const items = reportCsv(r, true).split('\r\n');
    assert.equal(items[0], ACTION_ITEM_COLUMNS.join(','));
    // An owner written '@ana' is defused like a formula (spreadsheets read a leading @ as one).
    assert.equal(items[1], `file:///ws/x.md,3,AI-1,"Fix, then ""verify""",'@ana,2025-01-02,Open,true,true`);
    assert.equal(items.length, 4);
  });

  it('the JSON joined from per-file pieces is the whole report stringified, byte for byte', () => {
    const item = (line: number, text: string, open: boolean) => ({ line, id: null, text, owner: 'Tomás', due: null, status: open ? 'open' : 'done', open, overdue: false });
    const all = [
      summary({ uri: 'file:///ws/a.md', title: 'A "quoted"\nline', sortKey: 2, month: '2025-01', durationMinutes: 10, actionItems: [item(3, 'one', true), item(4, 'two — ✓', false)] }),
      summary({ uri: 'file:///ws/b.md', title: 'B', sortKey: 5, month: '2025-02', severity: null, timeToDetectMinutes: 4 }),
      summary({ uri: 'file:///ws/c.md', title: 'C', actionItems: [item(9, 'three', true)] }),
    ];
    const name = (uri: string) => uri.replace('file:///ws/', 'docs/');
    for (const summaries of [all, all.slice(1, 2), []]) {
      const whole = JSON.stringify(buildReport(summaries, name), null, 2);
      assert.equal(reportJsonParts(summaries.map((s) => reportPiece(s, name(s.uri)))).join(''), whole);
    }
  });
});
