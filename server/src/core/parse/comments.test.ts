import assert from 'node:assert/strict';
import { parseDocument } from './document';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';

describe('comments spanning lines', () => {
  // A template's instructions and example timeline, kept in the document as a comment.
  const lines = [
    '# Loki stopped logging',
    '',
    '## Summary',
    '<!--',
    'Describe the event.',
    '-->',
    'Batch processing was postponed for seven hours.',
    '',
    '## Timeline',
    '<!--',
    'Describe the activities in a timeline format.',
    '',
    '2019-12-30',
    '    23:30 A proactive message got sent out',
    '- 09:09 DOWNTIME START - backend fails',
    '| 09:40 | DOWNTIME END |',
    '-->',
    '',
    '| Time (UTC) | Event |',
    '|---|---|',
    '| 2022-04-20 11:28 | The team was made aware of the problem |',
    '| 2022-04-20 19:33 | PROBLEM FIXED - processing resumes |',
    '',
    '## Impact',
    '<!-- Describe the consequences.',
    '',
    '- Example: 30,000 users saw an error',
    '-->',
    '',
    '## Lessons',
    '<!-- one line --> Nothing hidden after it',
    '',
  ];
  const text = lines.join('\n');

  it('are whole blocks, blank lines and all; a comment closed on its own line hides nothing after it', () => {
    const { doc } = parseDocument(text);
    assert.deepEqual(
      [...doc.commentLines].sort((a, b) => a - b),
      [3, 4, 5, 9, 10, 11, 12, 13, 14, 15, 16, 24, 25, 26, 27],
    );
    for (const l of doc.commentLines) assert.ok(doc.codeLines.has(l), `line ${l} is read as nothing`);
    assert.deepEqual(
      doc.items.map((i) => i.line),
      [],
    );
    assert.deepEqual(
      doc.rows.map((r) => r.line),
      [20, 21],
    );
  });

  it("the timeline is the author's, not the example in the comment", () => {
    const service = createService({ templates: loadBuiltinTemplates(), today: () => '2025-06-01' });
    const doc = { uri: 'file:///ws/postmortems/loki.md', version: 1, text };
    const model = service.model(doc);
    assert.deepEqual(
      model.timeline.entries.map((e) => e.line),
      [20, 21],
    );
    assert.equal(model.metrics.start, Date.UTC(2022, 3, 20, 11, 28));
    assert.equal(model.metrics.end, Date.UTC(2022, 3, 20, 19, 33));
  });
});
