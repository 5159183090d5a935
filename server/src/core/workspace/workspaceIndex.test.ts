import assert from 'node:assert/strict';
import { service, fixture, doc } from '../../../../test/unit/helpers';
import { WorkspaceIndex, type IndexChange } from './workspaceIndex';

const STANDARD = fixture('filled/standard.md');
const SEV = fixture('filled/sev.md');
const PLAIN = fixture('plain/readme-with-timeline.md');

describe('workspace index', () => {
  it('adds post-mortems with the figures the model computes, and skips other documents', () => {
    const s = service();
    const index = new WorkspaceIndex(s);
    index.update(doc(STANDARD, 'file:///ws/a.md'));
    index.update(doc(SEV, 'file:///ws/b.md'));
    assert.equal(index.update(doc(PLAIN, 'file:///ws/readme.md')), null);
    assert.deepEqual(
      index
        .list()
        .map((x) => x.uri)
        .sort(),
      ['file:///ws/a.md', 'file:///ws/b.md'],
    );
    const a = index.get('file:///ws/a.md')!;
    const m = service().model(doc(STANDARD, 'file:///ws/other.md')).metrics;
    assert.equal(a.durationMinutes, m.durationMinutes);
    assert.equal(a.timeToDetectMinutes, m.timeToDetectMinutes);
    assert.equal(a.start, new Date(m.start!).toISOString().replace('.000Z', 'Z'));
    assert.equal(a.severity, 'P1');
    assert.equal(a.status, 'Resolved');
    assert.ok(a.actionItems.length > 0);
  });

  it('a change replaces one entry and leaves the others as they were', () => {
    const s = service();
    const index = new WorkspaceIndex(s);
    index.update(doc(STANDARD, 'file:///ws/a.md'));
    index.update(doc(SEV, 'file:///ws/b.md'));
    const before = index.get('file:///ws/b.md');
    const changes: IndexChange[] = [];
    index.onChange((c) => changes.push(c));
    index.update(doc(STANDARD.replace('**Severity:** P1', '**Severity:** P2'), 'file:///ws/a.md', 2));
    assert.equal(index.get('file:///ws/a.md')!.severity, 'P2');
    assert.equal(index.get('file:///ws/b.md'), before, 'the other entry is the same object');
    assert.deepEqual(
      changes.map((c) => c.kind),
      ['set'],
    );
  });

  it('a document that stops being a post-mortem drops out, and comes back when it is one again', () => {
    const index = new WorkspaceIndex(service());
    index.update(doc(STANDARD, 'file:///ws/a.md'));
    assert.equal(index.size, 1);
    index.update(doc(PLAIN, 'file:///ws/a.md', 2));
    assert.equal(index.size, 0);
    index.update(doc(STANDARD, 'file:///ws/a.md', 3));
    assert.equal(index.size, 1);
  });

  it('delete, delete of a folder, and rename', () => {
    const index = new WorkspaceIndex(service());
    index.update(doc(STANDARD, 'file:///ws/a.md'));
    index.update(doc(SEV, 'file:///ws/sub/b.md'));
    index.update(doc(SEV, 'file:///ws/subway.md'));
    assert.equal(index.rename('file:///ws/a.md', 'file:///ws/renamed.md'), true);
    assert.equal(index.has('file:///ws/a.md'), false);
    assert.equal(index.get('file:///ws/renamed.md')!.severity, 'P1');
    assert.equal(index.deleteUnder('file:///ws/sub'), 1, 'only files inside the folder');
    assert.equal(index.has('file:///ws/subway.md'), true);
    assert.equal(index.delete('file:///ws/renamed.md'), true);
    assert.equal(index.delete('file:///ws/renamed.md'), false);
    assert.deepEqual(
      index.list().map((x) => x.uri),
      ['file:///ws/subway.md'],
    );
  });

  it('keeps no model for a file read from disk unless asked to', () => {
    const s = service();
    const forgotten: string[] = [];
    const index = new WorkspaceIndex({ summary: s.summary, forget: (uri) => (forgotten.push(uri), s.forget(uri)) });
    index.update(doc(STANDARD, 'file:///ws/a.md'));
    index.update(doc(SEV, 'file:///ws/open.md'), { keepModel: true });
    assert.deepEqual(forgotten, ['file:///ws/a.md']);
  });

  it('lists newest first, undated last', () => {
    const index = new WorkspaceIndex(service());
    index.update(doc(fixture('filled/classic.md'), 'file:///ws/2024.md'));
    index.update(doc(SEV, 'file:///ws/2025.md'));
    index.update(doc(fixture('seeds/report.md'), 'file:///ws/undated.md'));
    assert.deepEqual(
      index.list().map((x) => x.uri),
      ['file:///ws/2025.md', 'file:///ws/2024.md', 'file:///ws/undated.md'],
    );
    assert.equal(index.get('file:///ws/2024.md')!.month, '2024-03');
    assert.equal(index.get('file:///ws/undated.md')!.month, null);
  });

  it('marks stated numbers that disagree with the timeline', () => {
    const index = new WorkspaceIndex(service());
    const s = index.update(doc(SEV.replace('**Duration:** 03:05', '**Duration:** 01:00'), 'file:///ws/b.md'))!;
    assert.equal(s.mismatches.length, 1, JSON.stringify(s.mismatches));
    assert.equal(s.mismatches[0]!.code, 'duration-mismatch');
    assert.equal(index.update(doc(SEV, 'file:///ws/b.md', 2))!.mismatches.length, 0);
  });

  it("a template's sample rows and placeholder values are not figures: no severity, no follow-up, no owner", () => {
    const classic = fixture('filled/classic.md');
    const text = classic
      .replace('**Severity:** High', '**Severity:** [Critical/High/Medium/Low]')
      .replace('- [ ] **Connection recycling runbook**', '- [ ] **[Action Item]**: [Description of task] - Owner: [Name], Due: YYYY-MM-DD\n- [ ] **Connection recycling runbook**')
      .replace('Owner: Mei Lin, Due: 2027-01-12', 'Owner: [Name, Team], Due: YYYY-MM-DD');
    assert.notEqual(text, classic);
    const s = new WorkspaceIndex(service()).update(doc(text, 'file:///ws/c.md'))!;
    assert.equal(s.severity, null);
    const filled = new WorkspaceIndex(service()).update(doc(classic, 'file:///ws/c.md'))!;
    assert.equal(s.actionItems.length, filled.actionItems.length, 'the sample row is left out');
    const runbook = s.actionItems.find((a) => a.text.startsWith('Connection recycling runbook: Document'))!;
    assert.deepEqual([runbook.owner, runbook.due], [null, null]);
  });
});
