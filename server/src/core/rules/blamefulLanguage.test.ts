import assert from 'node:assert/strict';
import { ruleKit } from '../../../../test/unit/ruleKit';

const kit = ruleKit('blameful-language');

const SUGGESTION = 'blames a person. Describe what in the system allowed this: a missing guardrail, an unclear runbook, an alert gap, a risky default…';

// sev template: Root Cause (text from line 13) and What Went Poorly are in scope; the timeline is not.
const sev = (rootCause: string, poorly = '- The rollback took 40 minutes.', event = 'Errors began') => `# Incident Postmortem: Checkout errors

## Incident Summary

- **Severity:** SEV-2

## Timeline (UTC)

| Time (UTC) | Event |
| --- | --- |
| 2025-01-10 10:00 | ${event} |

## Root Cause
${rootCause}

## What Went Poorly

${poorly}

## Action Items

| ID | Action | Owner | Priority | Target Date | Status |
| --- | --- | --- | --- | --- | --- |
| AI-001 | Validate allow-lists in CI | Dana Kim | P1 | 2025-04-01 | Open |
`;

const hits = (text: string) => kit.check(text).map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.message]);

describe('blameful-language', () => {
  it('reports a blaming phrase in the root cause, on the phrase, suggesting a systems framing', () => {
    const d = kit.check(sev('The outage was caused by human error during the deploy.'));
    assert.equal(d.length, 1);
    assert.deepEqual(d[0]!.range, { start: { line: 13, character: 25 }, end: { line: 13, character: 36 } });
    assert.equal(d[0]!.message, `'human error' ${SUGGESTION}`);
    assert.equal(d[0]!.severity, 4);
  });

  it('finds each phrase of the list, in any case', () => {
    const lines = [
      "It was Bob's fault.",
      'It was the fault of the release manager.',
      'Dana was careless and pushed carelessly.',
      'The on-call should have known better.',
      'A negligent review and an incompetent fix.',
      'We blame the reviewer; he Screwed Up.',
      'Ops dropped the ball and failed to notice the alert; the reviewer didn’t bother to check.',
    ];
    const found = kit.check(sev(lines.join('\n'))).map((d) => [d.range.start.line, d.data && (d.data as Record<string, unknown>)['phrase']]);
    assert.deepEqual(found, [
      [13, "Bob's fault"],
      [14, 'fault of'],
      [15, 'careless'],
      [15, 'carelessly'],
      [16, 'should have known'],
      [17, 'negligent'],
      [17, 'incompetent'],
      [18, 'blame'],
      [18, 'Screwed Up'],
      [19, 'dropped the ball'],
      [19, 'failed to notice'],
      [19, 'didn’t bother'],
    ]);
  });

  it('checks the lessons sections too', () => {
    assert.deepEqual(hits(sev('The allow-list was emptied.', '- Human error slipped through review.')), [[17, 2, 13, `'Human error' ${SUGGESTION}`]]);
  });

  it('matches whole words only and leaves blameless wording alone', () => {
    const text = sev(
      [
        'This is a blameless review; the process is blame-free.',
        'It was not human error: the runbook skipped a step.',
        'No one is to blame.',
        'Human error was not the cause.',
        'While it can be attributed to human error, it is incorrect to focus on the individual.',
        'The faultless failover and the default config worked.',
      ].join('\n'),
    );
    assert.deepEqual(hits(text), []);
  });

  it('a phrase set aside in one sentence does not excuse the next', () => {
    assert.equal(hits(sev('It is incorrect to focus on the individual. It was human error.')).length, 1);
  });

  it('ignores code spans, code blocks and comments', () => {
    const text = sev('The `human_error` counter and `blame` view.\n<!-- avoid "human error" -->\n\n```\ngit blame config.yaml\n```');
    assert.deepEqual(hits(text), []);
  });

  it('ignores the timeline and the owner column', () => {
    assert.deepEqual(hits(sev('The allow-list was emptied.', '- The rollback took 40 minutes.', "Dana's fault: a careless push")), []);
    const owners = `# Post-Mortem: Payments errors

## Incident Summary

**Severity:** P1

## Root Cause Analysis

| Factor | Owner |
|--------|-------|
| Topology refresh was off | Blame Team |
`;
    assert.deepEqual(hits(owners), []);
  });

  it('uses lessons-style headings in documents without a template', () => {
    const text = `---
type: postmortem
---
# Outage of the build farm

## What went wrong

Dana was careless with the disk quota.

## Notes

Someone said it was careless; notes are not checked.
`;
    assert.deepEqual(hits(text), [[7, 9, 17, `'careless' ${SUGGESTION}`]]);
  });
});
