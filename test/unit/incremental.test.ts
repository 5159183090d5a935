import assert from 'node:assert/strict';
import fc from 'fast-check';
import { service, fixture, TEMPLATE_IDS } from './helpers';
import { generatePostmortem, STYLES } from '../../bench/generate';

// Re-analysis after an edit reuses the previous version's blocks, readings, entries and items.
// Whatever the edits, the model and the diagnostics must be exactly those of a cold analysis
// of the same text: a fresh service, with every memoised reading forgotten.

/** Lines an author might type or paste, chosen to change the block structure around them. */
const LINES = [
  '',
  '| 10:00 | Incident began: first errors |',
  '| 2025-04-22 22:10 | Service restored | Dana Kim |',
  '| HH:MM | [Event] |',
  '|---|---|',
  '| Time (UTC) | Event |',
  '- **11:44 PM**: Alert fired and paged the on-call',
  '- 12:20 AM - Mitigation applied: rolled back',
  '- [ ] **Fix the pool**: resize it - Owner: @mei, Due: 2027-01-08',
  '- [x] Closed item - Owner: Ravi Shah, Due: 2027-02-30',
  '  continuation of an item',
  '## Timeline',
  '## Action Items',
  '### Detection',
  '**Time:** 14:05 UTC',
  '**Date:** 2025-02-18',
  '**Duration:** 2 hours 15 minutes',
  '**Time to Acknowledge (MTTA):** 00:07',
  '_All times in Pacific Time (PT)_',
  '```',
  '~~~',
  '---',
  'template: standard',
  '<!-- postmortem-disable placeholder -->',
  '<!-- a comment that',
  'ends here -->',
  '# Post-Mortem: Something else',
  'It was human error and nobody noticed.',
  '| ID | Description | Owner | Due Date | Status |',
  '| INC-1-1 | Add backoff | @tomas | 2027-01-20 | Closed |',
];
const CHARS = ['x', ' ', '|', '-', '*', '`', '#', ':', '[', ']', '1', '\n', '\n\n', '>', '_', 'PM', '2025-04-22 '];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insertLine'; line: number; text: string }
  | { kind: 'deleteLines'; line: number; count: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'moveLine'; line: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...CHARS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insertLine' as const), line: fc.nat(), text: fc.constantFrom(...LINES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteLines' as const), line: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('moveLine' as const), line: fc.nat(), to: fc.nat() }) },
);

function applyEdit(text: string, e: Edit): string {
  if (e.kind === 'insert') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  if (e.kind === 'delete') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + e.length);
  }
  const lines = text.split('\n');
  const line = e.line % lines.length;
  if (e.kind === 'insertLine') lines.splice(line, 0, e.text);
  else if (e.kind === 'deleteLines') lines.splice(line, Math.min(e.count, lines.length - 1));
  else if (e.kind === 'duplicateLine') lines.splice(line, 0, lines[line]!);
  else {
    const [moved] = lines.splice(line, 1);
    lines.splice(e.to % (lines.length + 1), 0, moved!);
  }
  return lines.join('\n');
}

/** Edit `text` step by step; after each step the incremental and the cold analysis agree. */
function checkEdits(text: string, edits: (Edit | RowEdit)[]): void {
  const incremental = service();
  const uri = 'file:///ws/incident.md';
  let version = 1;
  incremental.diagnostics({ uri, version, text });
  for (const step of edits) {
    const e = 'pick' in step ? toEdit(text, step) : step;
    text = applyEdit(text, e);
    if ('pick' in step && step.kind === 'swap')
      text = applyEdit(applyEdit(text, { kind: 'deleteLines', line: (e as { line: number }).line, count: 1 }), { kind: 'insertLine', line: (e as { line: number }).line, text: step.text });
    const doc = { uri, version: ++version, text };
    const diagnostics = incremental.diagnostics(doc);
    const model = incremental.model(doc);
    const cold = service();
    assert.deepStrictEqual(model, cold.model(doc), `model after ${JSON.stringify(e)} (step ${version - 1})`);
    assert.deepStrictEqual(diagnostics, cold.diagnostics(doc), `diagnostics after ${JSON.stringify(e)} (step ${version - 1})`);
  }
}

const RUNS = { seed: 20250422, numRuns: 6, endOnFailure: true };

/** Lines of the kinds the one-line fast path handles (rows, items), times that cross midnight. */
const ROW_LINES = [
  '| 23:50 | Alert fired and paged the on-call |',
  '| 00:10 | Service restored |',
  '| 09:00 | Incident began |',
  '| 2025-04-22 22:10 | Incident resolved | Dana Kim |',
  '| 14:05 PT | Mitigation applied |',
  '| HH:MM | [Event] |',
  '| | |',
  '|',
  '| INC-1-9 | Add backoff | @tomas | 2027-01-20 | Closed |',
  '- **11:44 PM**: Alert fired',
  '- **11:44 PM*',
  '- **23:50',
  '- 12:20 AM - Mitigation applied: rolled back',
  '- [ ] Fix the pool - Owner: @mei, Due: 2027-01-08',
  '- [x] Done - Owner: Ravi Shah, Due: 2027-02-30',
  '- - [ ] nested on one line',
  '-',
  '- <!-- postmortem-disable-next-line placeholder -->',
];
const ROW_CHARS = ['1', '2', '0', ':', ' ', '|', 'x', '-', 'PM', 'AM', '[', ']', '*', 'Z', '+02:00', 'resolved'];

type RowEdit =
  | { kind: 'type'; pick: number; at: number; text: string }
  | { kind: 'cut'; pick: number; at: number }
  | { kind: 'add'; pick: number; text: string; below: boolean }
  | { kind: 'drop'; pick: number }
  | { kind: 'swap'; pick: number; text: string };
const rowEdit: fc.Arbitrary<RowEdit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('type' as const), pick: fc.nat(), at: fc.nat(), text: fc.constantFrom(...ROW_CHARS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cut' as const), pick: fc.nat(), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), text: fc.constantFrom(...ROW_LINES), below: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), pick: fc.nat(), text: fc.constantFrom(...ROW_LINES) }) },
);

/** A row edit on the current text: on one of its table rows or list items, as an Edit. */
function toEdit(text: string, r: RowEdit): Edit {
  const lines = text.split('\n');
  const targets = lines.flatMap((l, i) => (/^\|/.test(l) || /^[-*+] /.test(l) ? [i] : []));
  const line = targets.length ? targets[r.pick % targets.length]! : r.pick % lines.length;
  const offset = lines.slice(0, line).join('\n').length + (line ? 1 : 0);
  const length = lines[line]!.length;
  if (r.kind === 'type') return { kind: 'insert', at: offset + (r.at % (length + 1)), text: r.text };
  if (r.kind === 'cut') return length ? { kind: 'delete', at: offset + (r.at % length), length: 1 } : { kind: 'deleteLines', line, count: 1 };
  if (r.kind === 'add') return { kind: 'insertLine', line: line + (r.below ? 1 : 0), text: r.text };
  if (r.kind === 'drop') return { kind: 'deleteLines', line, count: 1 };
  return { kind: 'moveLine', line, to: line }; // replaced below
}

describe('incremental re-analysis equals a cold analysis (property)', function () {
  this.timeout(240000);

  for (const id of TEMPLATE_IDS) {
    it(`random edits to the filled ${id} fixture`, () => {
      const text = fixture(`filled/${id}.md`);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 20, maxLength: 30 }), (edits) => checkEdits(text, edits)),
        RUNS,
      );
    });
  }

  for (const style of STYLES) {
    it(`random edits to a generated ${style}-style post-mortem (timeline and action tables)`, () => {
      const text = generatePostmortem(style, 6_000, 3);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 20, maxLength: 30 }), (edits) => checkEdits(text, edits)),
        RUNS,
      );
    });
  }

  for (const [name, text] of [
    ['generated standard', () => generatePostmortem('standard', 6_000, 4)],
    ['generated report', () => generatePostmortem('report', 6_000, 4)],
    ['generated classic', () => generatePostmortem('classic', 6_000, 4)],
    ['filled classic (list timeline, checkbox actions)', () => fixture('filled/classic.md')],
    ['filled sev', () => fixture('filled/sev.md')],
  ] as const) {
    it(`one-line edits to rows and items (the fast path): ${name}`, () => {
      fc.assert(
        fc.property(fc.array(rowEdit, { minLength: 25, maxLength: 40 }), (edits) => checkEdits(text(), edits)),
        RUNS,
      );
    });
  }

  it('edits that change how unchanged lines below them read: header, delimiter, fence, comment, blank line', () => {
    const base = generatePostmortem('report', 8_000, 9);
    const lines = base.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| Timestamp'));
    const firstRow = header + 2;
    const offsetOf = (line: number) => lines.slice(0, line).join('\n').length + (line ? 1 : 0);
    const steps: Edit[][] = [
      // Rename the Event column: every row's event and owner move to other cells.
      [
        { kind: 'delete', at: offsetOf(header) + lines[header]!.indexOf('Event'), length: 5 },
        { kind: 'insert', at: offsetOf(header) + lines[header]!.indexOf('Event'), text: 'Note' },
      ],
      // Drop the Owner column from the header, then from the delimiter row: rows now have a cell too many.
      [
        { kind: 'delete', at: offsetOf(header) + lines[header]!.lastIndexOf('| Owner'), length: '| Owner'.length },
        { kind: 'delete', at: offsetOf(header + 1) - '| Owner'.length + lines[header + 1]!.lastIndexOf('| :'), length: lines[header + 1]!.length - lines[header + 1]!.lastIndexOf('| :') - 1 },
      ],
      // Break the delimiter row, then mend it: the table stops and starts being a table.
      [
        { kind: 'delete', at: offsetOf(header + 1), length: 1 },
        { kind: 'insert', at: offsetOf(header + 1), text: '|' },
      ],
      // Open a fence above the table, then close it at the end.
      [
        { kind: 'insertLine', line: header - 1, text: '```' },
        { kind: 'insertLine', line: lines.length + 1, text: '```' },
      ],
      // Open a comment above the table (it hides every row, blank lines or not), then close it after a few rows.
      [
        { kind: 'insertLine', line: header - 1, text: '<!--' },
        { kind: 'insertLine', line: firstRow + 4, text: '' },
        { kind: 'insertLine', line: firstRow + 6, text: '-->' },
        { kind: 'deleteLines', line: firstRow + 4, count: 1 },
      ],
      // A blank line in the middle of the table, then removed.
      [
        { kind: 'insertLine', line: firstRow + 5, text: '' },
        { kind: 'deleteLines', line: firstRow + 5, count: 1 },
      ],
      // The same row twice (identical blocks share one cached reading).
      [
        { kind: 'duplicateLine', line: firstRow + 3 },
        { kind: 'duplicateLine', line: firstRow + 3 },
        { kind: 'deleteLines', line: firstRow + 3, count: 1 },
      ],
    ];
    for (const edits of steps) checkEdits(base, edits);
  });

  it('typing a row and an item on blank lines inside a comment: the one-line path reads nothing there', () => {
    const base = generatePostmortem('report', 8_000, 9);
    const lines = base.split('\n');
    const at = lines.findIndex((l) => l.startsWith('| Timestamp')) + 4;
    const text = [...lines.slice(0, at), '<!--', '', '', 'Example:', '', '-->', ...lines.slice(at)].join('\n');
    const offsetOf = (line: number) => text.split('\n').slice(0, line).join('\n').length + 1;
    checkEdits(text, [
      // A new line between two blank ones: an item there would be a lone block anywhere else.
      { kind: 'insertLine', line: at + 2, text: '- 10:00 hidden item' },
      { kind: 'deleteLines', line: at + 2, count: 1 },
      { kind: 'insert', at: offsetOf(at + 4), text: '- 10:00 hidden item' },
      { kind: 'insert', at: offsetOf(at + 1), text: '| 10:00 | hidden row |' },
      { kind: 'delete', at: offsetOf(at + 1), length: 1 },
    ]);
    const model = service().model({
      uri: 'file:///c.md',
      version: 1,
      text: text
        .split('\n')
        .map((l, i) => (i === at + 1 ? '| 10:00 | hidden row |' : l))
        .join('\n'),
    });
    assert.ok(!model.timeline.entries.some((e) => e.line === at + 1), 'the row in the comment is no entry');
  });

  it('typing a new timeline row character by character, then deleting it again', () => {
    // The common case the caches are for: one row changing while thousands stay as they were.
    const base = generatePostmortem('standard', 20_000, 5);
    const lines = base.split('\n');
    const at = lines.findIndex((l) => /^\| \d\d:\d\d \|/.test(l)) + 40;
    const row = '| 23:59 | Incident resolved: all clear |';
    const edits: Edit[] = [{ kind: 'insertLine', line: at, text: '' }];
    const offset = lines.slice(0, at).join('\n').length + 1;
    for (let i = 0; i < row.length; i++) edits.push({ kind: 'insert', at: offset + i, text: row[i]! });
    for (let i = row.length; i > 0; i--) edits.push({ kind: 'delete', at: offset + i - 1, length: 1 });
    edits.push({ kind: 'deleteLines', line: at, count: 1 });
    checkEdits(base, edits);
  });

  it('typing a new timeline item character by character, its bold time unclosed on the way, then deleting it again', () => {
    const base = generatePostmortem('classic', 20_000, 5);
    const lines = base.split('\n');
    const at = lines.findIndex((l) => /^- \*\*\d/.test(l)) + 40;
    const item = '- **11:59 PM**: Incident resolved: all clear';
    const edits: Edit[] = [{ kind: 'insertLine', line: at, text: '' }];
    const offset = lines.slice(0, at).join('\n').length + 1;
    for (let i = 0; i < item.length; i++) edits.push({ kind: 'insert', at: offset + i, text: item[i]! });
    for (let i = item.length; i > 0; i--) edits.push({ kind: 'delete', at: offset + i - 1, length: 1 });
    checkEdits(base, edits);
    // Half typed, the item already reads as the entry it will be (so typing stays on the one-line path).
    const half = service().model({ uri: 'file:///half.md', version: 1, text: [...lines.slice(0, at), '- **11:59 PM*', ...lines.slice(at)].join('\n') });
    const entry = half.timeline.entries.find((e) => e.line === at);
    assert.equal(entry?.timeText, '11:59 PM');
    assert.equal(entry?.text, '');
  });

  it('typing in an ordinary entry keeps the computed metrics; typing in an entry their basis names recomputes them', () => {
    const doc = (start: string, other: string) =>
      `# Post-mortem: queue outage 2025-03-04\n\n## Timeline (UTC)\n\n- 10:00 Incident began: ${start}\n- 10:05 ${other}\n- 10:20 Alert fired\n- 11:00 Service restored\n`;
    const s = service();
    const at = (v: number, text: string) => s.model({ uri: 'file:///pm/q.md', version: v, text });
    const one = at(1, doc('queue stalls', 'queue depth climbs'));
    assert.ok(one.metrics.durationMinutes, 'asked for, as diagnostics do after each version');
    const two = at(2, doc('queue stalls', 'queue depth climbs fast'));
    assert.equal(two.metrics, one.metrics, 'the same result, not computed again');
    const three = at(3, doc('queue stalls badly', 'queue depth climbs fast'));
    assert.notEqual(three.metrics, two.metrics);
    assert.match(three.metrics.basis.start ?? '', /queue stalls badly/);
    assert.deepStrictEqual(three.metrics, service().model({ uri: 'file:///pm/q.md', version: 1, text: doc('queue stalls badly', 'queue depth climbs fast') }).metrics);
  });

  it('editing the lines under an entry that holds only its time (they are its text)', () => {
    const base = '# Outage 2024-06-28\n\n## Timeline (times in UTC)\n\n- 10:00 deploy\n- 10:05:\n    users report errors\n- 10:20 rollback\n';
    const at = base.indexOf('users report errors') + 'users report errors'.length;
    checkEdits(base, [
      { kind: 'insert', at, text: ', all clear' },
      { kind: 'insertLine', line: 7, text: '    the on-call engineer rolls back' },
      { kind: 'deleteLines', line: 6, count: 1 },
    ]);
    checkEdits(base, [
      { kind: 'delete', at: base.indexOf(' rollback'), length: ' rollback'.length },
      { kind: 'insertLine', line: 8, text: '    incident resolved' },
      { kind: 'insertLine', line: 9, text: '- 10:30 all clear' },
    ]);
    // A new item above the entry moves it and its text.
    checkEdits(base, [{ kind: 'insertLine', line: 5, text: '- 10:01 paged' }]);
  });

  it('a wrapped timeline item: typing on its later lines changes its phase as a cold read does', () => {
    const wrapped = [
      '# Database node failure',
      '',
      '**Date:** 2025-04-22',
      '',
      '## Timeline',
      '',
      '- **00:27 UTC:** Connections to the database surge',
      '- **00:32 UTC:** Team is alerted that the database is saturated',
      '- **00:55 UTC:** The node is no longer healthy after the surge, so',
      '  it is waited on',
      '- **01:13 UTC:** Incident resolved',
      '',
      '## Root cause',
      '',
      'A connection leak.',
      '',
    ].join('\n');
    const line = wrapped.split('\n').indexOf('  it is waited on');
    // From single-line items (the fast path) to a wrapped one and back.
    checkEdits(wrapped.replace('\n  it is waited on', ''), [
      { kind: 'insertLine', line, text: "  it's recycled and a new one added" },
      { kind: 'insertLine', line: line + 1, text: '  to the pool' },
      { kind: 'deleteLines', line, count: 2 },
      { kind: 'insertLine', line, text: '  it is waited on' },
    ]);
    const s = service();
    const m = s.model({ uri: 'file:///ws/w.md', version: 1, text: wrapped.replace('  it is waited on', "  it's recycled") });
    assert.equal(m.metrics.timeToMitigateMinutes, 28);
  });
});
