import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { offsetLabel } from './timezoneMixed';

const templates = loadBuiltinTemplates();

function run(text: string) {
  const s = createService({ templates, today: () => '2025-10-01' });
  return s.diagnostics({ uri: 'file:///ws/pm.md', version: 1, text }).filter((d) => d.code === 'timezone-mixed');
}
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);

const classic = (body: string, date = '2024-07-01') => `---
template: classic
---
# Incident Post-Mortem: Checkout errors

**Date:** ${date}

## Timeline

${body}`;

describe('timezone-mixed', () => {
  it('reports an entry in another zone than the one the timeline states, with the offset used', () => {
    const found = run(classic('_All times in UTC_\n\n- **10:00**: Incident began\n- **3:10 AM PT**: Alert fired\n- **10:20**: Acknowledged\n'));
    assert.deepEqual(summary(found), [
      "12:4-14 '3:10 AM PT' is written in PT (read as UTC-7) but the timeline is in UTC (stated on line 10): write every time in one zone so readers can compare them.",
    ]);
    assert.equal(found[0]!.severity, 2);
  });

  it('without a stated zone, takes the zone most entries use', () => {
    assert.deepEqual(summary(run(classic('- **10:00 UTC**: Incident began\n- **10:05 UTC**: Alert fired\n- **3:10 AM PT**: Acknowledged\n'))), [
      "11:4-14 '3:10 AM PT' is written in PT (read as UTC-7) but the timeline is in UTC (2 of 3 entries): write every time in one zone so readers can compare them.",
    ]);
  });

  it('reports a seasonal abbreviation that contradicts the date, in both directions', () => {
    const summer = run(classic('- **2:00 PM PST**: Incident began\n'));
    assert.deepEqual(summary(summer), [
      "9:4-15 PST is standard time (UTC-8), but on 2024-07-01 those clocks are on daylight time (PDT, UTC-7); '2:00 PM PST' was read as the region's local time, PDT (UTC-7), as readers do. Write PDT if that is what the clock showed.",
    ]);
    // Read as the region's clock, the time is not shifted: a hint, not a warning.
    assert.equal(summer[0]!.severity, 3);
    // CET is read as a fixed offset: in summer the time is an hour off from Berlin's clocks, a warning.
    const cet = run(classic('- **14:00 CET**: Incident began\n'));
    assert.deepEqual(summary(cet), [
      "9:4-13 CET is standard time (UTC+1), but on 2024-07-01 those clocks are on daylight time (CEST, UTC+2); '14:00 CET' was read as UTC+1. Write CEST if that is what the clock showed.",
    ]);
    assert.equal(cet[0]!.severity, 2);
    const winter = classic('- **2024-01-15 09:00 PDT**: Incident began\n- **2024-01-15 09:30 PST**: Alert fired\n', '2024-01-15');
    assert.deepEqual(summary(run(winter)), [
      "9:4-24 PDT is daylight time (UTC-7), but on 2024-01-15 those clocks are on standard time (PST, UTC-8); '2024-01-15 09:00 PDT' was read as the region's local time, PST (UTC-8), as readers do. Write PST if that is what the clock showed.",
    ]);
  });

  it('checks a seasonal zone stated for the whole timeline against its dates', () => {
    assert.deepEqual(summary(run(classic('_All times in PST_\n\n- **10:00 AM**: Incident began\n- **10:05 AM**: Alert fired\n'))), [
      "9:14-17 PST is standard time (UTC-8), but on 2024-07-01 (line 12) those clocks are on daylight time (PDT, UTC-7); the timeline was read as the region's local time, PDT (UTC-7), as readers do. Write PDT if that is what the clocks showed.",
    ]);
  });

  it('accepts PST then PDT across the spring change, Arizona MST in summer, and UTC written as Z or GMT', () => {
    assert.deepEqual(run(classic('- **2024-03-10 01:30 PST**: Incident began\n- **2024-03-10 03:10 PDT**: Alert fired\n', '2024-03-10')), []);
    assert.deepEqual(run(classic('- **10:00 AM MST**: Incident began\n- **10:05 AM MST**: Alert fired\n')), []);
    // The same entries with the other abbreviation do contradict their dates.
    assert.equal(run(classic('- **2024-03-10 01:30 PST**: Incident began\n- **2024-03-10 03:10 PST**: Alert fired\n', '2024-03-10')).length, 1);
    assert.equal(run(classic('- **10:00 AM MDT**: Incident began\n', '2024-01-15')).length, 1);
    const utc = '- **2024-07-01T10:00Z**: Incident began\n- **10:05 UTC**: Alert fired\n- **10:10 GMT**: Acknowledged\n';
    assert.deepEqual(run(classic(utc)), []);
    assert.equal(run(classic(utc + '- **3:15 AM PT**: Mitigated\n')).length, 1);
  });

  it('is silent on the filled examples', () => {
    const dir = path.resolve(__dirname, '../../../../test/fixtures/filled');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md'))) assert.deepEqual(summary(run(fs.readFileSync(path.join(dir, f), 'utf8'))), [], f);
  });

  it('labels offsets as UTC±h[:mm]', () => {
    assert.deepEqual([0, -480, 330, -210].map(offsetLabel), ['UTC', 'UTC-8', 'UTC+5:30', 'UTC-3:30']);
  });
});
