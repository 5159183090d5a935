import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { ConfigSpec } from '../template/schema';

const templates = loadBuiltinTemplates();
const uri = 'file:///ws/pm.md';
const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

function run(text: string, timeZone?: string) {
  const s = createService({ templates, today: () => '2025-10-01', config: ConfigSpec.parse(timeZone ? { timeZone } : {}) });
  const doc = { uri, version: 1, text };
  return { s, doc, found: s.diagnostics(doc).filter((d) => d.code === 'timezone-missing') };
}
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);

function applyFix(text: string, title: string, timeZone?: string): string {
  const { s, doc, found } = run(text, timeZone);
  const action = s.codeActions(doc, found[0]!.range, { diagnostics: found }).find((a) => a.title === title);
  assert.ok(action, `no action '${title}'`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), action.edit!.changes![uri]!);
}

const table = `---
template: standard
---
# Post-Mortem: Login outage

## Incident Summary

**Date:** 2024-07-01

## Timeline
| Time | Event |
|------|-------|
| 10:00 | Incident began |
| 10:30 | Service restored |
`;

const list = (entries: string) => `---
template: classic
---
# Incident Post-Mortem: Checkout errors

**Date:** 2024-07-01

## Timeline

${entries}`;

describe('timezone-missing', () => {
  it('reports a timeline with no zone on its heading, naming the zone assumed', () => {
    const { found } = run(table);
    assert.deepEqual(summary(found), ["9:0-11 The timeline states no time zone, so UTC was assumed (the default). State the zone, e.g. '_All times in UTC_' under the heading."]);
    assert.equal(found[0]!.severity, 3);
  });

  it('offers a statement line (preferred) or a renamed time column; either keeps the times', () => {
    const { s, doc, found } = run(table);
    const actions = s.codeActions(doc, found[0]!.range, { diagnostics: found }).filter((a) => a.edit && !a.title.startsWith('Disable'));
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ["Add '_All times in UTC_' to the timeline", true],
        ["Rename column 'Time' to 'Time (UTC)'", false],
      ],
    );
    const before = s.model(doc).metrics;
    assert.deepEqual([before.start, before.end], [Date.UTC(2024, 6, 1, 10, 0), Date.UTC(2024, 6, 1, 10, 30)]);
    const stated = applyFix(table, "Add '_All times in UTC_' to the timeline");
    assert.equal(stated, table.replace('## Timeline\n', '## Timeline\n\n_All times in UTC_\n\n'));
    const renamed = applyFix(table, "Rename column 'Time' to 'Time (UTC)'");
    assert.equal(renamed, table.replace('| Time | Event |', '| Time (UTC) | Event |'));
    for (const fixed of [stated, renamed]) {
      const after = run(fixed);
      assert.deepEqual(after.found, []);
      const m = after.s.model(after.doc).metrics;
      assert.deepEqual([m.start, m.end], [before.start, before.end]);
    }
  });

  it('names the configured zone as configured, and keeps one blank line around the statement', () => {
    const text = list('- **10:00 AM**: Incident began\n- **10:30 AM**: Service restored\n');
    assert.deepEqual(summary(run(text, 'PT').found), [
      "7:0-11 The timeline states no time zone, so PT was assumed (the postmortem.timeZone setting). State the zone, e.g. '_All times in PT_' under the heading.",
    ]);
    const fixed = applyFix(text, "Add '_All times in PT_' to the timeline", 'PT');
    assert.equal(fixed, list('_All times in PT_\n\n- **10:00 AM**: Incident began\n- **10:30 AM**: Service restored\n'));
    assert.deepEqual(run(fixed, 'PT').found, []);
  });

  it('counts the entries with no zone when only some state one', () => {
    assert.deepEqual(summary(run(list('- **10:00 UTC**: Incident began\n- **10:05**: Alert fired\n- **10:10**: Acknowledged\n')).found), [
      "7:0-11 2 of 3 timeline entries state no time zone, so UTC was assumed (the default). State the zone, e.g. '_All times in UTC_' under the heading.",
    ]);
  });

  it('is silent when the zone is stated anywhere it counts, for unfilled templates and the filled examples', () => {
    assert.deepEqual(run(list('_All times in UTC_\n\n- **10:00**: Incident began\n')).found, []);
    assert.deepEqual(run(list('- **10:00 UTC**: Incident began\n- **10:05 UTC**: Alert fired\n')).found, []);
    assert.deepEqual(run(list('- **10:00**: Incident began\n').replace('template: classic', 'template: classic\ntimezone: Europe/Berlin')).found, []);
    for (const dir of ['seeds', 'filled']) {
      for (const f of fs.readdirSync(path.join(FIXTURES, dir)).filter((x) => x.endsWith('.md'))) {
        assert.deepEqual(summary(run(fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8')).found), [], `${dir}/${f}`);
      }
    }
  });
});
