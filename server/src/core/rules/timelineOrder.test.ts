import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { timelineOrder } from './timelineOrder';

const templates = loadBuiltinTemplates();
const uri = 'file:///ws/pm.md';

function run(text: string) {
  const s = createService({ templates, today: () => '2025-10-01' });
  const doc = { uri, version: 1, text };
  return { s, doc, found: s.diagnostics(doc).filter((d) => d.code === 'timeline-order') };
}
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);
const sorted = (text: string) => text.split('\n').sort();

/** Apply the rule's sort fix; returns the new text, or null when none was offered. */
function sort(text: string): string | null {
  const { s, doc, found } = run(text);
  const action = s.codeActions(doc, found[0]!.range, { diagnostics: found }).find((a) => a.title === 'Sort timeline entries by time');
  return action ? TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), action.edit!.changes![uri]!) : null;
}

const classic = (timeline: string) => `---
template: classic
---
# Incident Post-Mortem: Checkout errors

## Timeline

_All times in UTC_

${timeline}`;

describe('timeline-order', () => {
  it('reports a dated entry earlier than the one before it', () => {
    const { found } = run(classic('- **2024-03-10 10:00**: Incident began\n- **2024-03-10 11:00**: Alert fired\n- **2024-03-10 10:30**: Customer reports\n'));
    assert.deepEqual(summary(found), ['11:4-20 Entry at 2024-03-10 10:30 UTC is earlier than the entry before it (2024-03-10 11:00 UTC, line 11).']);
    assert.equal(found[0]!.severity, 3);
  });

  it('within one minute, only two times with seconds can be out of order, shown as written', () => {
    const rows = (a: string, b: string) => `| Time (UTC) | Event |\n|---|---|\n| 2026-09-12 12:00 | Node stops |\n| ${a} | Replica fails |\n| ${b} | Pods reschedule |\n`;
    assert.deepEqual(run(classic(rows('2026-09-12 12:24:05', '2026-09-12 ~12:24'))).found, []);
    assert.deepEqual(summary(run(classic(rows('2026-09-12 12:24:32', '2026-09-12 12:24:02'))).found), [
      '13:2-21 Entry at 2026-09-12 12:24:02 is earlier than the entry before it (2026-09-12 12:24:32, line 13).',
    ]);
  });

  it('accepts dateless times across midnight, and entries in other zones that are in order', () => {
    assert.deepEqual(run(classic('- **11:58 PM**: Alert fired\n- **12:20 AM**: Mitigation applied\n')).found, []);
    const zones = `---
template: classic
---
# Incident Post-Mortem: Checkout errors

**Date:** 2024-07-01

## Timeline

- **10:00 UTC**: Incident began
- **3:30 AM PT**: Alert fired
`;
    assert.deepEqual(run(zones).found, []);
  });

  it('sorts whole list items; an unreadable entry stays after the readable one above it', () => {
    const text = classic(
      [
        '- **2024-03-10 10:00**: Incident began',
        '- **2024-03-10 11:00**: Alert fired',
        '- **2024-03-10 10:30**: Customer reports',
        '  - support ticket 4411',
        '- **[TIME]**: status page updated',
        '- **2024-03-10 12:00**: Incident resolved',
        '',
      ].join('\n'),
    );
    const fixed = sort(text);
    assert.equal(
      fixed,
      classic(
        [
          '- **2024-03-10 10:00**: Incident began',
          '- **2024-03-10 10:30**: Customer reports',
          '  - support ticket 4411',
          '- **[TIME]**: status page updated',
          '- **2024-03-10 11:00**: Alert fired',
          '- **2024-03-10 12:00**: Incident resolved',
          '',
        ].join('\n'),
      ),
    );
    assert.deepEqual(sorted(fixed!), sorted(text));
    assert.deepEqual(run(fixed!).found, []);
  });

  it('keeps blank lines of a loose list where they are', () => {
    const text = classic('- **2024-03-10 11:00**: Alert fired\n\n- **2024-03-10 10:00**: Incident began\n');
    assert.equal(sort(text), classic('- **2024-03-10 10:00**: Incident began\n\n- **2024-03-10 11:00**: Alert fired\n'));
  });

  it('sorts table rows; a row with no time moves with the entry above it', () => {
    const table = (rows: string[]) => `---
template: standard
---
# Post-Mortem: Login outage

## Incident Summary

**Date:** 2024-03-10

## Timeline

| Time (UTC) | Event |
|------------|-------|
${rows.join('\n')}

## Root Cause Analysis
`;
    const text = table(['| 2024-03-10 10:00 | Incident began |', '| 2024-03-10 09:50 | Deploy started |', '|  | deploy note |', '| 2024-03-10 10:20 | Alert fired |']);
    assert.deepEqual(summary(run(text).found), ['14:2-18 Entry at 2024-03-10 09:50 UTC is earlier than the entry before it (2024-03-10 10:00 UTC, line 14).']);
    const fixed = sort(text);
    assert.equal(fixed, table(['| 2024-03-10 09:50 | Deploy started |', '|  | deploy note |', '| 2024-03-10 10:00 | Incident began |', '| 2024-03-10 10:20 | Alert fired |']));
    assert.deepEqual(run(fixed!).found, []);
  });

  it('offers no sort across a sub-heading, and keeps the sort out of fix-all', () => {
    const text = classic('### Day 1\n\n- **2024-03-10 11:00**: Alert fired\n\n### Day 2\n\n- **2024-03-10 10:00**: Incident began\n');
    assert.equal(run(text).found.length, 1);
    assert.equal(sort(text), null);

    const { s, doc, found } = run(classic('- **2024-03-10 11:00**: Alert fired\n- **2024-03-10 10:00**: Incident began\n'));
    const fixes = timelineOrder.fix!(s.context(doc), { range: found[0]!.range, message: String(found[0]!.message) });
    assert.deepEqual(
      fixes.map((f) => [f.title, f.fixAll, f.isPreferred]),
      [['Sort timeline entries by time', false, true]],
    );
  });

  it('is silent on the filled examples', () => {
    const dir = path.resolve(__dirname, '../../../../test/fixtures/filled');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md'))) assert.deepEqual(summary(run(fs.readFileSync(path.join(dir, f), 'utf8')).found), [], f);
  });
});
