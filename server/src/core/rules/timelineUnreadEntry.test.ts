import assert from 'node:assert/strict';
import { ruleKit } from '../../../../test/unit/ruleKit';

const { check } = ruleKit('timeline-unread-entry');
/** Front matter makes the test documents post-mortems whatever their sections. */
const pm = (body: string) => `---\ntype: postmortem\n---\n${body}`;
const at = (text: string) => check(text).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`);

describe('timeline-unread-entry', () => {
  it('reports a line that starts like an entry but whose time cannot be read, as information', () => {
    const doc = '# DNS outage 2024-05-02\n\n## Timeline\n\n- 14:02 UTC - alert fired\n- 14:7 - engineer paged\n- 14:20 UTC - resolved\n';
    const found = check(pm(doc));
    assert.deepEqual(at(pm(doc)), ['8:0-23']);
    assert.equal(found[0]!.severity, 3);
    assert.match(String(found[0]!.message), /could not be read/);
  });

  it('reports unread paragraph lines and relative markers with no stated base', () => {
    const doc = '# DNS outage 2024-05-02\n\n## Timeline\n\n10:00 alert fired\nT+22h customers notified\n';
    assert.deepEqual(at(pm(doc)), ['8:0-24']);
  });

  it('stays quiet on read entries, nested details, code and lines outside the timeline', () => {
    const doc = '# DNS outage 2024-05-02\n\n12:5 in the summary\n\n## Timeline\n\n- 14:02 alert fired\n  - 14:7 a detail of the entry above\n\n```\n14:7 log line\n```\n';
    assert.deepEqual(at(pm(doc)), []);
  });
});
