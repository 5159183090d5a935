import assert from 'node:assert/strict';
import { ruleKit } from '../../../../test/unit/ruleKit';

// Real post-mortems use brackets for many things besides placeholders. Each document here is a
// generic post-mortem (no template): only unmistakable placeholder shapes may be reported.
const kit = ruleKit('placeholder');
const texts = (text: string) => kit.check(text).map((d) => d.message);
const doc = (body: string) =>
  [
    '# Post-mortem: queue workers stalled',
    '',
    '## Summary',
    '',
    'Workers stopped consuming jobs for 40 minutes.',
    '',
    '## Timeline',
    '',
    '- 2025-02-11 09:02 UTC: alert fired',
    '',
    '## Root cause',
    '',
    body,
    '',
  ].join('\n');

describe('placeholder: precision on real documents', () => {
  it('leaves the skeleton under a "Template" heading alone (an incident log keeps it for the next entry)', () => {
    const log = doc('A lock.') + '\n## Template\n\n### Incident on YYYY-MM-DD HH:MM - [Brief description]\n\n- **Key events**\n  - Resolved YYYY-MM-DD HH:MM\n';
    assert.deepEqual(texts(log), []);
    assert.deepEqual(texts(log.replace('## Template', '## Follow-up')).length, 3);
  });

  it('still reports unmistakable placeholders in prose', () => {
    assert.deepEqual(texts(doc('Owner: [Name], written on [DATE], took [e.g., 5 minutes] and [INCIDENT-ID].')), [
      "Unfilled placeholder '[Name]'.",
      "Unfilled placeholder '[DATE]'.",
      "Unfilled placeholder '[e.g., 5 minutes]'.",
      "Unfilled placeholder '[INCIDENT-ID]'.",
    ]);
  });

  it('offers today\'s date only for a date placeholder, not for words that contain "date"', () => {
    const text = doc('Sent on [DATE]; see [STAKEHOLDER UPDATES SENT].');
    assert.deepEqual(texts(text), ["Unfilled placeholder '[DATE]'.", "Unfilled placeholder '[STAKEHOLDER UPDATES SENT]'."]);
    assert.match(kit.fixes(text, 0).actions[0]?.title ?? '', /today's date/);
    assert.deepEqual(kit.fixes(text, 1).actions, []);
  });

  it('never in inline code or fenced code', () => {
    assert.deepEqual(texts(doc("We searched with `grep '[0-9]h$' jobs.log` and `ls [DATE]*`, named as `YYYY-MM-DD.log`.")), []);
    assert.deepEqual(texts(doc('```sh\necho "[DATE] [NAME]" > YYYY-MM-DD.txt\n```')), []);
  });

  it('never in link text or a link target', () => {
    assert.deepEqual(texts(doc('See [the DATE handling notes](https://example.org/notes/YYYY-MM-DD) and [NAME lookup](./names.md).')), []);
  });

  it('never on a reference-style link whose definition exists', () => {
    assert.deepEqual(texts(doc('The [WORKER-ID] dashboard and the [queue] runbook.\n\n[WORKER-ID]: https://example.org/dash\n[queue]: https://example.org/runbook')), []);
    // Without its definition the same capitals are still a placeholder.
    assert.deepEqual(texts(doc('The [WORKER-ID] dashboard.')), ["Unfilled placeholder '[WORKER-ID]'."]);
  });

  it('never on escaped brackets', () => {
    assert.deepEqual(texts(doc('The retry came back \\[+22 hrs] later; logs are tagged \\[DATE].')), []);
  });

  it('never on task boxes or footnotes', () => {
    assert.deepEqual(texts(doc('- [ ] add a consumer lag alert[^1]\n- [x] raise the worker limit\n\n[^1]: Suggested by the on-call.')), []);
  });

  it('never on a title tag, nor on ordinary bracketed words', () => {
    const text = doc('Workers logged [ALERT] and [prow.k8s.io] and [03-26 23:04] and [3 hours ago]; reviewed by [Name].').replace(
      '# Post-mortem: queue workers stalled',
      '# [Postmortem] Queue workers stalled',
    );
    // The document is still linted: the one real placeholder is reported.
    assert.deepEqual(texts(text), ["Unfilled placeholder '[Name]'."]);
    assert.deepEqual(texts(doc('### [RESOLVED] Follow-up')), []);
  });
});
