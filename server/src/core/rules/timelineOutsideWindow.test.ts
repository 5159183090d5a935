import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';

const templates = loadBuiltinTemplates();

function run(text: string) {
  const s = createService({ templates, today: () => '2025-10-01' });
  return s.diagnostics({ uri: 'file:///ws/pm.md', version: 1, text }).filter((d) => d.code === 'timeline-outside-window');
}
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);

const sev = (start: string, end: string, rows: string[]) => `---
template: sev
---
# Incident Postmortem — Search outage

## Incident Summary

- **Start Time (UTC):** ${start}
- **End Time (UTC):** ${end}

## Timeline (UTC)

| Time (UTC) | Event |
| --- | --- |
${rows.join('\n')}
`;

describe('timeline-outside-window', () => {
  it('reports entries marking a phase before the stated start or after the stated end, allowing the stated minute', () => {
    const rows = [
      '| 2025-09-03 22:10 | Alert fired for index errors |',
      '| 2025-09-03 22:17:30 | First errors |',
      '| 2025-09-03 22:26 | Alert fired |',
      '| 2025-09-04 01:23 | Incident resolved |',
      '| 2025-09-04 01:40 | Service restored in the last region |',
    ];
    const found = run(sev('2025-09-03 22:18', '2025-09-04 01:23', rows));
    assert.deepEqual(summary(found), [
      "14:2-18 Entry at 2025-09-03 22:10 UTC is before the stated start 2025-09-03 22:18 UTC (Start Time (UTC), line 8): correct the entry's time or the stated start.",
      "18:2-18 Entry at 2025-09-04 01:40 UTC is after the stated end 2025-09-04 01:23 UTC (End Time (UTC), line 9): correct the entry's time or the stated end.",
    ]);
    assert.ok(found.every((d) => d.severity === 2));
  });

  it('says nothing against a window read from prose (often approximate)', () => {
    const text = `# Post-mortem: elevated 500 errors\n\n**Date:** 2025-01-20\n\nAt roughly 17:00 UTC the site started to return errors, until 18:30 UTC.\n\n## Impact\n\nErrors.\n\n## Root Cause\n\nA full disk.\n\n## Timeline\n\n- **16:43** Rebooted the database host for updates\n- **17:20** Alert fired\n- **18:30** Service restored\n`;
    assert.deepEqual(run(text), []);
  });

  it('says nothing of lead-up before the start or follow-up after the end (entries marking no phase)', () => {
    const rows = [
      '| 2025-09-03 21:40 | Index rollover job scheduled |',
      '| 2025-09-03 22:26 | Alert fired |',
      '| 2025-09-04 01:23 | Incident resolved |',
      '| 2025-09-04 01:40 | Status page updated |',
    ];
    assert.deepEqual(run(sev('2025-09-03 22:18', '2025-09-04 01:23', rows)), []);
  });

  it('says nothing of responders still at work after the end: investigating the cause, clean-up, closing the incident', () => {
    const rows = [
      '| 2025-09-03 22:26 | Alert fired |',
      '| 2025-09-04 01:23 | Service operating normally |',
      '| 2025-09-04 01:30 | On-call begins replaying logs while a second engineer begins looking for the root cause |',
      '| 2025-09-04 02:00 | Old pods restarted to apply the config |',
      '| 2025-09-04 03:00 | Incident resolved |',
    ];
    assert.deepEqual(run(sev('2025-09-03 22:18', '2025-09-04 01:23', rows)), []);
  });

  it('checks one side when only the start is stated, in the timeline zone', () => {
    const text = `---
template: classic
---
# Incident Post-Mortem: Checkout errors

**Date:** 2024-07-01
**Start Time:** 11:00 PM

## Timeline

_All times in Pacific Time (PT)_

- **10:15 PM**: Deploy started
- **10:40 PM**: Alert fired for checkout errors
- **11:05 PM**: Alert fired
- **11:50 PM**: Service restored
`;
    assert.deepEqual(summary(run(text)), ["13:4-12 Entry at 2024-07-01 22:40 PDT is before the stated start 2024-07-01 23:00 PDT (Start Time, line 7): correct the entry's time or the stated start."]);
  });

  it('says nothing without a stated window, or when the window is inverted (end-before-start reports it)', () => {
    const standard = `---
template: standard
---
# Post-Mortem: Login outage

## Incident Summary

**Date:** 2025-02-18

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 13:40 | Deploy started |
| 13:52 | Incident began |
| 16:07 | Service restored |
| 16:30 | Post-incident monitoring |
`;
    assert.deepEqual(run(standard), []);
    assert.deepEqual(run(sev('2025-09-03 22:18', '2025-09-03 21:00', ['| 2025-09-03 22:26 | Alert fired |'])), []);
  });

  it('is silent on the filled examples (the classic one states its window in Pacific Time)', () => {
    const dir = path.resolve(__dirname, '../../../../test/fixtures/filled');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md'))) assert.deepEqual(summary(run(fs.readFileSync(path.join(dir, f), 'utf8'))), [], f);
  });
});
