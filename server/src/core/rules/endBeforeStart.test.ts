import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';

const templates = loadBuiltinTemplates();

function run(text: string) {
  const s = createService({ templates, today: () => '2025-10-01' });
  return s.diagnostics({ uri: 'file:///ws/pm.md', version: 1, text }).filter((d) => d.code === 'end-before-start');
}
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);

describe('end-before-start', () => {
  it('reports a stated end before the stated start, on the end value', () => {
    const text = `---
template: sev
---
# Incident Postmortem — Search outage

## Incident Summary

- **Start Time (UTC):** 2025-09-03 22:18
- **End Time (UTC):** 2025-09-03 21:23

## Timeline (UTC)

| Time (UTC) | Event |
| --- | --- |
| 2025-09-03 22:18 | First errors |
| 2025-09-03 22:26 | Alert fired |
`;
    const found = run(text);
    assert.deepEqual(summary(found), [
      '8:22-38 The incident ends before it starts: end 2025-09-03 21:23 UTC (stated End Time (UTC), line 9) is earlier than start 2025-09-03 22:18 UTC (stated Start Time (UTC), line 8).',
    ]);
    assert.equal(found[0]!.severity, 1);
  });

  it('compares a computed end with a stated start, naming both in the timeline zone', () => {
    const text = `---
template: classic
---
# Incident Post-Mortem: Checkout errors

**Date:** 2024-07-01
**Start Time:** 11:00 PM

## Timeline

_All times in Pacific Time (PT)_

- **10:15 PM**: Alert fired
- **10:40 PM**: Service restored
`;
    assert.deepEqual(summary(run(text)), [
      "13:4-12 The incident ends before it starts: end 2024-07-01 22:40 PDT (the 'restored' entry, line 14) is earlier than start 2024-07-01 23:00 PDT (stated Start Time, line 7).",
    ]);
  });

  it('reports a timeline whose end phase comes before its start phase', () => {
    const text = `---
template: classic
---
# Incident Post-Mortem: Checkout errors

## Timeline

- **2024-03-10 10:00 UTC**: Service restored
- **2024-03-10 11:00 UTC**: Incident began
`;
    assert.deepEqual(summary(run(text)), [
      "7:4-24 The incident ends before it starts: end 2024-03-10 10:00 UTC (the 'restored' entry, line 8) is earlier than start 2024-03-10 11:00 UTC (the 'started' entry, line 9).",
    ]);
  });

  it('accepts a dateless range across midnight and the filled examples', () => {
    const text = `---
template: classic
---
# Incident Post-Mortem: Checkout errors

**Date:** 2024-03-09
**Duration:** 11:32 PM to 1:05 AM

## Timeline

_All times in Pacific Time (PT)_

- **11:32 PM**: Incident began
- **1:05 AM**: Incident resolved
`;
    assert.deepEqual(run(text), []);
    const dir = path.resolve(__dirname, '../../../../test/fixtures/filled');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md'))) assert.deepEqual(summary(run(fs.readFileSync(path.join(dir, f), 'utf8'))), [], f);
  });
});
