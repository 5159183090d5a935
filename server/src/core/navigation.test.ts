import assert from 'node:assert/strict';
import { createService } from './service';
import { loadBuiltinTemplates } from '../node/builtinTemplates';

const SEARCH = [
  '# Incident Postmortem: Search outage',
  '',
  '## Incident Summary',
  '',
  '## Executive Summary',
  '',
  '## Timeline (UTC)',
  '',
  'Searches returned nothing for 76 minutes; AI-001 restores the template.', // 8
  '',
  '| Time (UTC) | Event |',
  '| --- | --- |',
  '| 2025-09-03 22:18 | First errors on search-api |',
  '',
  '## Root Cause',
  '',
  '## Prevention & Follow-up',
  '',
  '',
  'Shard count reset (see AI-001; not AI-0012, XAI-001 or AI-001-2).', // 19
  '',
  '## Action Items',
  '',
  '| ID | Action | Owner | Priority | Target Date | Status |',
  '| --- | --- | --- | --- | --- | --- |',
  '| AI-001 | Restore the shard template | Felix Braun | P0 | 2027-01-08 | Open |', // 25
  '',
].join('\n');

const CHECKOUT = [
  '# Incident Post-Mortem: Checkout errors',
  '',
  '**Date:** 2024-03-09',
  '',
  '## Issue Summary',
  '',
  '## Timeline',
  '',
  'Checkout failed for a third of users; see AI-002.', // 8
  '',
  '## Root Cause Analysis',
  '',
  '## Action Items',
  '',
  '- [ ] **AI-001**: Add a canary for deploys - Owner: Dana Kim, Due: 2024-03-20',
  '- [ ] **AI-002**: Alert on checkout error rate - Owner: Lee Park, Due: 2024-03-22', // 15
  '',
].join('\n');

describe('action item ids: definition and references', () => {
  const service = createService({ templates: loadBuiltinTemplates(), today: () => '2024-03-25' });
  const doc = { uri: 'file:///ws/search.md', version: 1, text: SEARCH };
  const loc = (line: number, start: number, end: number, uri = doc.uri) => ({ uri, range: { start: { line, character: start }, end: { line, character: end } } });
  // AI-001 is declared in the table (line 25, cell 2..8) and mentioned on lines 8 (42..48) and 19 (23..29).

  it('goes from a mention in prose to the item row', () => {
    assert.deepEqual(service.definition(doc, { line: 19, character: 25 }), [loc(25, 2, 8)]);
    assert.deepEqual(service.definition(doc, { line: 8, character: 48 }), [loc(25, 2, 8)], 'the cursor just after the id counts');
  });

  it('finds every mention from the row, with the declaration when asked', () => {
    assert.deepEqual(service.references(doc, { line: 25, character: 3 }, true), [loc(8, 42, 48), loc(19, 23, 29), loc(25, 2, 8)]);
    assert.deepEqual(service.references(doc, { line: 25, character: 3 }, false), [loc(8, 42, 48), loc(19, 23, 29)]);
    assert.deepEqual(service.references(doc, { line: 8, character: 44 }, false), [loc(8, 42, 48), loc(19, 23, 29)]);
  });

  it('does not read AI-0012, XAI-001 or AI-001-2 as AI-001', () => {
    // Line 19: 'Shard count reset (see AI-001; not AI-0012, XAI-001 or AI-001-2).'
    assert.deepEqual(service.definition(doc, { line: 19, character: 37 }), []);
    assert.deepEqual(service.definition(doc, { line: 19, character: 46 }), []);
    assert.deepEqual(service.definition(doc, { line: 19, character: 58 }), []);
  });

  it('works for checkbox items with a bold id lead', () => {
    const d = { uri: 'file:///ws/checkout.md', version: 1, text: CHECKOUT };
    // 'see AI-002.' on line 8 (42..48); '- [ ] **AI-002**: ...' on line 15 (8..14).
    assert.deepEqual(service.definition(d, { line: 8, character: 43 }), [loc(15, 8, 14, d.uri)]);
    assert.deepEqual(service.references(d, { line: 15, character: 9 }, true), [loc(8, 42, 48, d.uri), loc(15, 8, 14, d.uri)]);
  });

  it('gives nothing off an id, for ids that are bare numbers, or in plain markdown', () => {
    assert.deepEqual(service.definition(doc, { line: 19, character: 2 }), []);
    const numbered =
      '# Incident Postmortem: X\n\n## Incident Summary\n\n## Timeline (UTC)\n\n## Root Cause\n\nSee 1.\n\n## Action Items\n\n| ID | Action | Owner |\n| --- | --- | --- |\n| 1 | Fix it | Dana |\n';
    assert.deepEqual(service.references({ uri: 'file:///ws/n.md', version: 1, text: numbered }, { line: 14, character: 2 }, true), []);
    const readme = { uri: 'file:///ws/README.md', version: 1, text: '# Tool\n\nSee AI-001.\n\n## Action Items\n\n- [ ] **AI-001**: ship\n' };
    assert.deepEqual(service.definition(readme, { line: 2, character: 6 }), []);
  });
});
