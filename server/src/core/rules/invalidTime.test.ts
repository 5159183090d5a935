import assert from 'node:assert/strict';
import { ruleKit } from '../../../../test/unit/ruleKit';

const { check, all } = ruleKit('invalid-time');

const doc = (timeline: string[], date = '**Date:** 2025-02-10') =>
  ['---', 'template: classic', '---', '# Incident: login errors', '', date, '', '## Summary', '', 'Logins failed.', '', '## Timeline', '', ...timeline, ''].join('\n');

describe('rule: invalid-time', () => {
  it('reports a time that cannot be read, on the time as written', () => {
    const text = doc(['| Time | Event |', '|---|---|', '| 10:00 | Alert fired |', '| 25:99 | Paged the on-call |', '| 10:30 | Resolved |']);
    const found = check(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    const d = found[0]!;
    assert.match(String(d.message), /^Cannot read time '25:99'\. Write HH:MM/);
    const line = text.split('\n')[d.range.start.line]!;
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '25:99');
  });

  it('says a readable time has no date to anchor it when the document states none', () => {
    const found = check(doc(['- 10:00 - Alert fired', '- 10:30 - Resolved'], 'No date anywhere.'));
    assert.ok(found.length >= 1, 'the times have no date');
    for (const d of found) assert.match(String(d.message), /has no date to anchor it: add a \*\*Date:\*\* field or write the date with the time\./);
  });

  it('stays quiet on readable times, placeholders and times in other shapes', () => {
    assert.deepEqual(check(doc(['- 10:00 - Alert fired', '- 2:15 PM - Paged', '- 2025-02-10 15:00 UTC - Resolved'])), []);
    const placeholder = doc(['| Time | Event |', '|---|---|', '| HH:MM | Event description |']);
    assert.deepEqual(check(placeholder), [], "an unfilled placeholder is the placeholder rule's finding");
    assert.ok(all(placeholder).some((d) => d.code === 'placeholder'), 'the placeholder rule reports it');
  });

  it('leaves a date that does not exist to invalid-date (one report per mistake)', () => {
    const text = doc(['- 2025-02-31 10:00 - Alert fired', '- 10:30 - Resolved']);
    assert.deepEqual(check(text), []);
    assert.ok(all(text).some((d) => d.code === 'invalid-date'), 'invalid-date reports it');
  });
});
