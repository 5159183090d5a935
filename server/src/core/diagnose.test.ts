import assert from 'node:assert/strict';
import { createService } from './service';
import { loadBuiltinTemplates } from '../node/builtinTemplates';
import { placeholder } from './rules/placeholder';
import type { Rule } from './rules/rule';

describe('rule isolation', () => {
  it('a failing rule is caught and logged once; the other rules still report', () => {
    const boom: Rule = {
      id: 'boom',
      defaultSeverity: 'error',
      description: 'always throws',
      check() {
        throw new Error('kaboom');
      },
    };
    const logs: string[] = [];
    const s = createService({ templates: loadBuiltinTemplates(), rules: [boom, placeholder], log: (m) => logs.push(m), today: () => '2026-11-26' });
    const text = '---\ntemplate: standard\n---\n# Post-Mortem: x\n\n**Date:** YYYY-MM-DD\n';
    const first = s.diagnostics({ uri: 'file:///a.md', version: 1, text });
    const second = s.diagnostics({ uri: 'file:///a.md', version: 2, text: text + '\n' });
    for (const d of [first, second])
      assert.deepEqual(
        d.map((x) => x.code),
        ['placeholder'],
      );
    assert.equal(logs.filter((l) => l.includes('boom')).length, 1);
    assert.match(logs[0]!, /kaboom/);
  });
});
