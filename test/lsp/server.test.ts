import assert from 'node:assert/strict';
import { startServer, fixture, type LspSession } from './harness';

describe('language server over stdio', function () {
  let s: LspSession;
  before(async () => {
    s = await startServer();
  });
  after(async () => {
    await s.stop();
  });

  it('publishes placeholder diagnostics for a raw template', async () => {
    const d = await s.open('file:///ws/standard.md', fixture('seeds/standard.md'));
    assert.ok(d.some((x) => x.code === 'placeholder' && x.source === 'postmortem'));
  });

  it('publishes nothing for a plain README with a Timeline heading', async () => {
    const d = await s.open('file:///ws/README.md', fixture('plain/readme-with-timeline.md'));
    assert.deepEqual(d, []);
  });

  it('updates diagnostics after an edit', async () => {
    const text = '---\ntype: postmortem\n---\n# Incident Post-Mortem: Login outage\n\n**Date:** 2024-05-01\n\n## Timeline\n\n- **10:00**: Incident began\n';
    const before = await s.open('file:///ws/edit.md', text);
    const after = await s.change('file:///ws/edit.md', text + '\n**Severity:** [Critical/High/Medium/Low]\n');
    assert.ok(after.filter((x) => x.code === 'placeholder').length > before.filter((x) => x.code === 'placeholder').length);
  });
});
