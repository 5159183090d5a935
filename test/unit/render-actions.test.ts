// The action items summary: open, done, overdue (due before today and not done), per owner.
import assert from 'node:assert/strict';
import { createService } from '../../server/src/core/service';
import { loadBuiltinTemplates } from '../../server/src/node/builtinTemplates';
import { actionSummary, countActions, countByOwner } from '../../server/src/core/render/actions';
import { doc, fixture } from './helpers';

const TEXT = `# Post-Mortem: Cache outage

**Date:** 2025-02-18
**Severity:** P2

## Incident Summary

A cache node failed.

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 13:52 | Incident began |

## Action Items

| Action | Owner | Due Date | Status |
|--------|-------|----------|--------|
| Fix A | @amy | 2025-03-01 | Done |
| Fix B | @amy | 2025-03-01 | Open |
| Fix C | @bob | 2099-01-01 | Open |
| Fix D |  | 2025-01-01 | In Progress |
| Fix E | amy | 2025-06-01 | Open |
`;

const modelAt = (today: string, text = TEXT) => createService({ templates: loadBuiltinTemplates(), today: () => today }).context(doc(text));

describe('render: action items summary', () => {
  it('counts open, done and overdue (due before today and not done)', () => {
    const { model, today } = modelAt('2025-06-01');
    // A done; B open, due 03-01 < 06-01: overdue; C open, 2099; D open, due 01-01: overdue; E due today: not overdue.
    assert.deepEqual(countActions(model.actionItems, today), { total: 5, open: 4, done: 1, overdue: 2 });
  });

  it('groups by owner (with or without @), owners by name, no owner last', () => {
    const { model, today } = modelAt('2025-06-01');
    assert.deepEqual(countByOwner(model.actionItems, today), [
      { owner: '@amy', total: 3, open: 2, done: 1, overdue: 1 },
      { owner: '@bob', total: 1, open: 1, done: 0, overdue: 0 },
      { owner: null, total: 1, open: 1, done: 0, overdue: 1 },
    ]);
  });

  it('renders the totals, the owner table and the overdue items with their lines', () => {
    const { model, today } = modelAt('2025-06-01');
    const html = actionSummary(model.actionItems, today);
    assert.match(html, /data-count="open"><dt>Open<\/dt><dd>4<\/dd>/);
    assert.match(html, /data-count="done"><dt>Done<\/dt><dd>1<\/dd>/);
    assert.match(html, /class="pm-count pm-count-overdue pm-alert" data-count="overdue"><dt>Overdue<\/dt><dd>2<\/dd>/);
    assert.match(html, /<tr><td>@amy<\/td><td>2<\/td><td>1<\/td><td class="pm-alert">1<\/td><\/tr>/);
    assert.match(html, /<tr><td><span class="pm-none">no owner<\/span><\/td><td>1<\/td><td>0<\/td><td class="pm-alert">1<\/td><\/tr>/);
    const lines = TEXT.split('\n');
    const overdue = [...html.matchAll(/<li data-reveal-line="(\d+)"[^>]*>([^<]*)</g)].map((m) => [Number(m[1]), m[2]!.trim()]);
    assert.deepEqual(overdue, [
      [lines.findIndex((l) => l.startsWith('| Fix B')), 'Fix B'],
      [lines.findIndex((l) => l.startsWith('| Fix D')), 'Fix D'],
    ]);
  });

  it('a day later, the item due today is overdue too', () => {
    const { model, today } = modelAt('2025-06-02');
    assert.equal(countActions(model.actionItems, today).overdue, 3);
  });

  it('reads the checkbox lists of a filled fixture (standard: 4 table rows + 6 checkboxes, 1 checked)', () => {
    const { model, today } = modelAt('2027-01-10', fixture('filled/standard.md'));
    // Table statuses: In Progress, Not Started x3 (none done). Checkboxes: 1 [x], 5 [ ].
    // Overdue on 2027-01-10: only the open checkbox due 2027-01-05 (the done one was due 2027-01-04).
    assert.deepEqual(countActions(model.actionItems, today), { total: 10, open: 9, done: 1, overdue: 1 });
  });

  it('says so when there are none', () => {
    assert.match(actionSummary([], '2025-01-01'), /No action items found\./);
  });
});
