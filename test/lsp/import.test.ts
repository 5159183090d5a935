import assert from 'node:assert/strict';
import { applyEdits, fixture, startServer, type LspSession } from './harness';
import { IMPORT_TIMELINE_REQUEST, type ImportTimelineParams, type ImportTimelineResult } from '../../server/src/protocol';

// The request the editor's paste and import command send, over real LSP to the built server.
const read = (f: string) => fixture(`import/${f}`);

describe('LSP: postmortem/importTimeline', function () {
  this.timeout(60000);
  let s: LspSession;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  it('a paste in the timeline: insert-only edits for the server version; elsewhere: outside, nothing read', async () => {
    const uri = 'file:///ws/table-utc.md';
    const text = read('docs/table-utc.md');
    await s.open(uri, text);
    const lines = text.split('\n');
    const inTimeline = lines.findIndex((l) => l.startsWith('| 10:06 |')) + 1;
    const copied = 'Mei Lin  7:41 AM\nalert fired for checkout\nRavi Shah  7:44 AM\nOn-call acknowledged';
    const params: ImportTimelineParams = { uri, version: 1, inputs: [{ name: 'clipboard', text: copied }], line: inTimeline };
    const r = await s.connection.sendRequest<ImportTimelineResult>(IMPORT_TIMELINE_REQUEST, params);
    assert.equal(r.version, 1);
    assert.deepEqual(
      [r.outside, r.problem, r.entries.map((e) => [e.time, e.phase])],
      [
        false,
        null,
        [
          ['07:41', 'detected'],
          ['07:44', 'acknowledged'],
        ],
      ],
    );
    assert.ok(r.edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character));
    assert.match(applyEdits(text, r.edits), /\| 07:32 \|[^\n]*\n\| 07:41 \| alert fired for checkout \| Mei Lin \|\n\| 07:44 \| On-call acknowledged \| Ravi Shah \|\n\| 08:20 \|/);
    const outside = await s.connection.sendRequest<ImportTimelineResult>(IMPORT_TIMELINE_REQUEST, { ...params, line: 2 });
    assert.deepEqual([outside.outside, outside.edits.length], [true, 0]);
    const unknown = await s.connection.sendRequest<ImportTimelineResult | null>(IMPORT_TIMELINE_REQUEST, { ...params, uri: 'file:///ws/none.md' });
    assert.equal(unknown, null);
  });
});
