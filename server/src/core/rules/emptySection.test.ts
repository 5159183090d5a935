import assert from 'node:assert/strict';
import { applyEdits, ruleKit } from '../../../../test/unit/ruleKit';

const kit = ruleKit('empty-section');

// sev template: every section is level 2; Root Cause has a skeleton.
const sev = (rootCause: string) => `# Incident Postmortem: Checkout errors

## Incident Summary

- **Incident ID:** INC-20250110-001
- **Severity:** SEV-2

## Executive Summary

Checkout failed for 20 minutes after a config push.

## Root Cause
${rootCause}
## Action Items

| ID | Action | Owner | Priority | Target Date | Status |
| --- | --- | --- | --- | --- | --- |
| AI-001 | Validate allow-list changes in CI | Dana Kim | P1 | 2025-04-01 | Open |
`;

describe('empty-section', () => {
  it('reports a template section with only blank lines, on its heading, with what the template expects', () => {
    const d = kit.check(sev('\n\n'));
    assert.equal(d.length, 1);
    assert.deepEqual(d[0]!.range, { start: { line: 11, character: 0 }, end: { line: 11, character: 13 } });
    assert.equal(d[0]!.message, "Section 'Root Cause' is empty. The template expects: Primary cause and contributing factors.");
    assert.equal(d[0]!.severity, 2);
  });

  it('treats HTML comments and horizontal rules as no content', () => {
    assert.equal(kit.check(sev('\n<!-- Explain the cause\n     in systems terms -->\n\n---\n\n')).length, 1);
    // A comment running over blank lines (a template's example kept in it) is still no content.
    assert.equal(kit.check(sev('\n<!--\nExplain the cause.\n\n- Example: a certificate expired\n-->\n\n')).length, 1);
  });

  it('does not report a section with a sentence, a list or a code block', () => {
    assert.deepEqual(kit.check(sev('\nA config push removed the provider host from the allow-list.\n\n')), []);
    assert.deepEqual(kit.check(sev('\n- **Primary Cause:** expired certificate\n\n')), []);
    assert.deepEqual(kit.check(sev('\n```\nallow_hosts: []\n```\n\n')), []);
    assert.deepEqual(kit.check(sev('\n`allow_hosts` was emptied.\n\n')), []);
  });

  it('does not report a heading the template does not know', () => {
    assert.deepEqual(kit.check(sev('\nThe allow-list was emptied.\n\n## Notes\n\n')), []);
  });

  it('reports a parent whose sub-sections are only headings, once', () => {
    // standard: Root Cause Analysis is required; its sub-sections are optional level 3.
    const text = `# Post-Mortem: Payments errors

## Incident Summary

**Severity:** P1

## Root Cause Analysis

### What Happened?

### Why Did It Happen?

## Lessons Learned

- Test client failover.
`;
    const d = kit.check(text);
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.message]),
      [[6, "Section 'Root Cause Analysis' is empty. The template expects: What failed, why (5 Whys) and the contributing factors."]],
    );
  });

  it('reports the empty required sub-sections rather than their parent', () => {
    // detailed: Timeline (level 2) holds the required Detection, Response and Resolution blocks.
    const text = `# Post-Mortem Report - Upload failures

## Executive Summary

Uploads failed for an hour.

## Timeline

### Detection

### Response

### Resolution

## Lessons Learned

- Alert earlier on disk usage.
`;
    assert.deepEqual(
      kit.check(text).map((x) => x.range.start.line),
      [8, 10, 12],
    );
  });

  it("offers the template's skeleton, inserted after the heading without touching anything else", () => {
    const text = sev('\n');
    const { actions, edits } = kit.fixes(text);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [["Insert the template's skeleton for 'Root Cause'", true]],
    );
    const fixed = applyEdits(text, edits(actions[0]!));
    assert.equal(fixed, sev('\n- **Primary Cause:**\n- **Contributing Factors:**\n  - Factor 1\n  - Factor 2\n\n'));
    assert.deepEqual(kit.check(fixed), []);
  });

  it('keeps a blank line before the next heading when there was none', () => {
    const text = sev('');
    const { actions, edits } = kit.fixes(text);
    const fixed = applyEdits(text, edits(actions[0]!));
    assert.ok(fixed.includes('## Root Cause\n\n- **Primary Cause:**\n- **Contributing Factors:**\n  - Factor 1\n  - Factor 2\n\n## Action Items\n'), fixed);
  });

  it('offers no fix when the template has no skeleton for the section', () => {
    const text = `# Post-Mortem: Payments errors

## Incident Summary

**Severity:** P1

## Root Cause Analysis

## Lessons Learned

- Test client failover.
`;
    assert.deepEqual(kit.fixes(text).actions, []);
  });

  it('says nothing about plain markdown', () => {
    assert.deepEqual(kit.all('# Notes\n\n## Timeline\n\n## Root Cause\n\n## Action Items\n'), []);
  });
});
