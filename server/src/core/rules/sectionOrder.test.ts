import assert from 'node:assert/strict';
import { applyEdits, ruleKit } from '../../../../test/unit/ruleKit';

const kit = ruleKit('section-order');

// Blocks of a sev-style post-mortem (template order: Incident Summary, Executive Summary,
// Impact Analysis, Timeline, Root Cause, ..., Action Items).
const TITLE = '# Incident Postmortem: Checkout errors\n\n';
const SUMMARY = '## Incident Summary\n\n- **Severity:** SEV-2\n\n';
const EXEC = '## Executive Summary\n\nCheckout failed for 20 minutes.\n\n';
const IMPACT = '## Impact Analysis\n\n- **Customer Impact:** 8% of checkouts failed\n\n';
const TIMELINE = '## Timeline (UTC)\n\n| Time (UTC) | Event |\n| --- | --- |\n| 2025-01-10 10:00 | Errors began |\n\n';
const ROOT = '## Root Cause\n\nA config push emptied the allow-list.\n\n';
const ACTIONS =
  '## Action Items\n\n| ID | Action | Owner | Priority | Target Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| AI-001 | Validate allow-lists in CI | Dana Kim | P1 | 2025-04-01 | Open |\n\n';

const lineOf = (text: string, heading: string) => text.split('\n').indexOf(heading);
const sortedLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .sort();

describe('section-order', () => {
  it('says nothing when the sections follow the template', () => {
    assert.deepEqual(kit.check(TITLE + SUMMARY + EXEC + IMPACT + TIMELINE + ROOT + ACTIONS), []);
  });

  it('reports the one misplaced section, naming the section it should follow', () => {
    const text = TITLE + SUMMARY + EXEC + TIMELINE + ROOT + IMPACT + ACTIONS;
    const d = kit.check(text);
    assert.equal(d.length, 1);
    assert.equal(d[0]!.range.start.line, lineOf(text, '## Impact Analysis'));
    assert.equal(d[0]!.message, "Section '## Impact Analysis' is out of the template's order: it should follow '## Executive Summary'.");
    assert.equal(d[0]!.severity, 3);
  });

  it('moves the section, with its content, before the next in-order section; nothing is lost', () => {
    const text = TITLE + SUMMARY + EXEC + TIMELINE + ROOT + IMPACT + ACTIONS;
    const { actions, edits } = kit.fixes(text);
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Move 'Impact Analysis' before 'Timeline (UTC)'"],
    );
    const fixed = applyEdits(text, edits(actions[0]!));
    assert.equal(fixed, TITLE + SUMMARY + EXEC + IMPACT + TIMELINE + ROOT + ACTIONS);
    assert.deepEqual(kit.check(fixed), []);
  });

  it('keeps CRLF line endings when moving', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const text = crlf(TITLE + SUMMARY + EXEC + TIMELINE + ROOT + IMPACT + ACTIONS);
    const { actions, edits } = kit.fixes(text);
    assert.equal(applyEdits(text, edits(actions[0]!)), crlf(TITLE + SUMMARY + EXEC + IMPACT + TIMELINE + ROOT + ACTIONS));
  });

  it('reports a section that belongs first as coming before the first one, right after the title', () => {
    const text = TITLE + TIMELINE + ROOT + ACTIONS + SUMMARY.trimEnd() + '\n';
    const d = kit.check(text);
    assert.deepEqual(
      d.map((x) => x.message),
      ["Section '## Incident Summary' is out of the template's order: it should come before '## Timeline (UTC)', right after the title."],
    );
    const { actions, edits } = kit.fixes(text);
    const fixed = applyEdits(text, edits(actions[0]!));
    // The section was last: it moves with its text and the document keeps its final newline.
    assert.equal(fixed, TITLE + SUMMARY + TIMELINE + ROOT + ACTIONS.trimEnd() + '\n');
    assert.deepEqual(kit.check(fixed), []);
  });

  it('moves a section that belongs last to the end of the document', () => {
    const text = TITLE + SUMMARY + ACTIONS + EXEC + TIMELINE.trimEnd() + '\n';
    const d = kit.check(text);
    assert.deepEqual(
      d.map((x) => x.message),
      ["Section '## Action Items' is out of the template's order: it should follow '## Timeline (UTC)'."],
    );
    const { actions, edits } = kit.fixes(text);
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Move 'Action Items' after 'Timeline (UTC)'"],
    );
    const fixed = applyEdits(text, edits(actions[0]!));
    assert.equal(fixed, TITLE + SUMMARY + EXEC + TIMELINE + ACTIONS.trimEnd() + '\n');
    assert.deepEqual(sortedLines(fixed), sortedLines(text));
    assert.deepEqual(kit.check(fixed), []);
  });

  it('reports each misplaced section once and ignores a repeated section (duplicate-section reports it)', () => {
    const swapped = TITLE + EXEC + SUMMARY + ROOT + TIMELINE + ACTIONS;
    assert.deepEqual(
      kit.check(swapped).map((x) => x.range.start.line),
      [lineOf(swapped, '## Incident Summary'), lineOf(swapped, '## Timeline (UTC)')],
    );
    assert.deepEqual(kit.check(TITLE + SUMMARY + EXEC + TIMELINE + EXEC + ACTIONS), []);
  });

  it('offers no move when the section would land at another heading level', () => {
    // standard: "What Went Well?" is a level-3 part of Detection & Response, here under Lessons Learned.
    const text = `# Post-Mortem: Payments errors

## Incident Summary

**Severity:** P1

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 13:52 | Errors began |

## Root Cause Analysis

The client cached the cluster topology.

## Lessons Learned

### What Went Well?

- The alert paged within 11 minutes.
`;
    const d = kit.check(text);
    assert.deepEqual(
      d.map((x) => x.message),
      ["Section '### What Went Well?' is out of the template's order: it should follow '## Root Cause Analysis'."],
    );
    assert.deepEqual(kit.fixes(text).actions, []);
  });
});
