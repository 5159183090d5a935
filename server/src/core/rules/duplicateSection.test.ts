import assert from 'node:assert/strict';
import { ruleKit } from '../../../../test/unit/ruleKit';

const kit = ruleKit('duplicate-section');

const sev = (extra: string) => `# Incident Postmortem: Checkout errors

## Incident Summary

- **Severity:** SEV-2

## Root Cause

A config push emptied the allow-list.
${extra}
## Action Items

| ID | Action | Owner | Priority | Target Date | Status |
| --- | --- | --- | --- | --- | --- |
| AI-001 | Validate allow-lists in CI | Dana Kim | P1 | 2025-04-01 | Open |
`;

describe('duplicate-section', () => {
  it('reports the second occurrence of a template section, pointing at the first', () => {
    const d = kit.check(sev('\n## Root Cause Analysis\n\nThe CI check was skipped for config repos.\n'));
    assert.equal(d.length, 1);
    assert.deepEqual(d[0]!.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 22 } });
    assert.equal(d[0]!.message, "Section 'Root Cause Analysis' appears twice: 'Root Cause' is on line 7. Merge them into one section.");
    assert.equal(d[0]!.severity, 2);
  });

  it('reports every repeat after the first', () => {
    const d = kit.check(sev('\n## Root Cause\n\nMore.\n\n## Root cause\n\nEven more.\n'));
    assert.deepEqual(
      d.map((x) => x.range.start.line),
      [10, 14],
    );
  });

  it('says nothing when each section appears once', () => {
    assert.deepEqual(kit.check(sev('')), []);
  });

  it('allows the same sub-section under different parents', () => {
    // standard: "Technical" is a part of Lessons Learned; a "Technical" under another section is not a repeat of it.
    const text = `# Post-Mortem: Payments errors

## Incident Summary

**Severity:** P1

## Lessons Learned

### Technical

- Refresh the topology periodically.

## Prevention Measures

### Technical

- Add a failover drill.
`;
    assert.deepEqual(kit.check(text), []);
  });

  it('reports a repeated sub-section under the same parent', () => {
    const text = `# Post-Mortem: Payments errors

## Incident Summary

**Severity:** P1

## Lessons Learned

### Technical

- Refresh the topology periodically.

### Technical

- Add a failover drill.
`;
    assert.deepEqual(
      kit.check(text).map((x) => [x.range.start.line, x.message]),
      [[12, "Section 'Technical' appears twice: 'Technical' is on line 9. Merge them into one section."]],
    );
  });

  it('ignores headings that match no template section', () => {
    assert.deepEqual(kit.check(sev('\n## Notes\n\nOne.\n\n## Notes\n\nTwo.\n')), []);
  });
});
