import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createService } from './service';
import { elapsed } from './hover';
import { loadBuiltinTemplates } from '../node/builtinTemplates';

/** A classic post-mortem; the times are Pacific (PST, UTC-8, on 2024-03-09 and the night after). */
const CHECKOUT = [
  '# Incident Post-Mortem: Checkout errors', // 0
  '',
  '**Date:** 2024-03-09', // 2
  '**Duration:** 11:32 PM to 12:40 AM', // 3
  '**Severity:** High',
  '',
  '## Issue Summary', // 6
  '',
  'Checkout failed for a third of users; see AI-002.', // 8
  '',
  '## Timeline', // 10
  '',
  '_All times in Pacific Time (PT)_',
  '',
  '- **11:32 PM**: Incident began after deploy 412', // 14
  '- **11:41 PM**: Alert fired for checkout errors', // 15
  '- **11:44 PM**: On-call engineer acknowledged', // 16
  '- **12:20 AM**: Rolled back deploy 412', // 17
  '- **12:40 AM**: Incident resolved', // 18
  '',
  '## Root Cause Analysis', // 20
  '',
  'A bad config in deploy 412.', // 22
  '',
  '## Impact Assessment', // 24
  '',
  '- **Duration:** 1 hour 10 minutes', // 26
  '- **Time to Detect:** 9 minutes', // 27
  '',
  '## Action Items', // 29
  '',
  '### Immediate Actions (0-7 days)', // 31
  '',
  '- [ ] **AI-001**: Add a canary for deploys - Owner: Dana Kim, Due: 2024-03-20', // 33
  '- [ ] **AI-002**: Alert on checkout error rate - Owner: Lee Park, Due: 2024-03-22', // 34
  '',
].join('\n');

describe('hover', () => {
  const service = createService({ templates: loadBuiltinTemplates(), today: () => '2024-03-25' });
  const doc = { uri: 'file:///ws/checkout.md', version: 1, text: CHECKOUT };
  const at = (line: number, character: number, d = doc) => {
    const h = service.hover(d, { line, character });
    return h ? { value: (h.contents as MarkupContent).value, range: h.range } : null;
  };
  const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

  it('on a timeline time: the instant in the timeline zone and UTC, T+ since the start, the gap and the phase', () => {
    // 11:44 PM PST = 07:44Z; the start is the stated 11:32 PM (07:32Z); the previous entry is 11:41 PM.
    assert.deepEqual(at(16, 6), {
      value: [
        '**11:44 PM** · timeline entry, line 17',
        '',
        '- 2024-03-09 23:44 PST (`America/Los_Angeles`, timeline zone)',
        '- 2024-03-10 07:44 UTC',
        '- `T+12m` since the start, `+3m` after previous (11:41 PM, line 16)',
        '- Phase: **acknowledged**',
      ].join('\n'),
      range: range(16, 4, 12),
    });
  });

  it('after midnight the time is on the next day, 36m after the previous entry', () => {
    // 12:20 AM is 2024-03-10 00:20 PST = 08:20Z: T+48m from 07:32Z, 36m after 11:44 PM.
    assert.equal(
      at(17, 4)?.value,
      [
        '**12:20 AM** · timeline entry, line 18',
        '',
        '- 2024-03-10 00:20 PST (`America/Los_Angeles`, timeline zone)',
        '- 2024-03-10 08:20 UTC',
        '- `T+48m` since the start, `+36m` after previous (11:44 PM, line 17)',
        '- Phase: **mitigated**',
      ].join('\n'),
    );
  });

  it('in a UTC timeline: one instant line; the first entry is T+0m', () => {
    const text = [
      '# Incident Postmortem: Search outage',
      '',
      '## Incident Summary',
      '',
      '## Executive Summary',
      '',
      '## Timeline (UTC)',
      '',
      '| Time (UTC) | Event |',
      '| --- | --- |',
      '| 2025-09-03 22:18 | First errors on search-api |', // 10
      '| 2025-09-03 22:26 | Alert fired |', // 11
      '',
      '## Root Cause',
      '',
      '## Action Items',
      '',
    ].join('\n');
    const d = { uri: 'file:///ws/search.md', version: 1, text };
    assert.deepEqual(at(11, 5, d), {
      value: [
        '**2025-09-03 22:26** · timeline entry, line 12',
        '',
        '- 2025-09-03 22:26 UTC',
        '- `T+8m` since the start, `+8m` after previous (2025-09-03 22:18, line 11)',
        '- Phase: **detected**',
      ].join('\n'),
      range: range(11, 2, 18),
    });
    assert.equal(at(10, 2, d)?.value, '**2025-09-03 22:18** · timeline entry, line 11\n\n- 2025-09-03 22:18 UTC\n- `T+0m` since the start, first timed entry\n- Phase: **started**');
  });

  it('on a stated duration: the computed value, how, and that it does not match', () => {
    // Stated 11:32 PM to 12:40 AM = 68 min; the impact section says 70.
    assert.deepEqual(at(26, 20), {
      value: [
        '**Duration** · duration',
        '',
        'Computed: **1h 8m**, differs from the stated 1h 10m by 2m.',
        '',
        'Computed as end − start:',
        '- start: stated Duration (line 4)',
        '- end: stated Duration (line 4)',
      ].join('\n'),
      range: range(26, 2, 33),
    });
  });

  it('on a stated duration still a placeholder: the computed value to write there', () => {
    const text = CHECKOUT.replace('- **Duration:** 1 hour 10 minutes', '- **Duration:** [Total downtime]');
    assert.equal(at(26, 20, { uri: 'file:///ws/placeholder.md', version: 1, text })?.value.split('\n')[2], 'Computed: **1h 8m**, the stated `[Total downtime]` cannot be read as a duration.');
  });

  it('on a stated metric: the timeline entries it comes from, and that it matches', () => {
    // Alert fired 11:41 PM (07:41Z) − start 07:32Z = 9 min.
    assert.equal(
      at(27, 4)?.value,
      [
        '**Time to Detect** · time to detect',
        '',
        'Computed: **9m**, matches the stated 9m.',
        '',
        'Computed as detected line 16 (11:41 PM: Alert fired for checkout errors) − start:',
        '- start: stated Duration (line 4)',
      ].join('\n'),
    );
  });

  it('on a heading: what the template expects there', () => {
    assert.deepEqual(at(10, 3), {
      value: '**Timeline** · required section of the Classic (Pacific Time) template\n\nBullets "- \\*\\*11:32 PM\\*\\*: event", in Pacific Time on a 12-hour clock.',
      range: range(10, 0, 11),
    });
    assert.equal(
      at(29, 0)?.value,
      [
        '**Action Items** · required section of the Classic (Pacific Time) template',
        '',
        'Checkbox items "- \\[ \\] \\*\\*Item\\*\\*: description - Owner: Name, Due: YYYY-MM-DD", grouped by horizon.',
        '',
        'Sub-sections: Immediate Actions (0-7 days) (optional), Short-term Improvements (8-30 days) (optional), Long-term Projects (30+ days) (optional)',
      ].join('\n'),
    );
  });

  it('on the title: the header fields the template expects', () => {
    assert.equal(
      at(0, 10)?.value,
      [
        '**Incident Post-Mortem: Checkout errors** · title of the Classic (Pacific Time) template',
        '',
        'The incident title, followed by the header block (Date, Duration, Impact, Severity, Prepared by).',
        '',
        'Expected fields:',
        '- **Date** (date, required): Day the incident began (YYYY-MM-DD).',
        '- **Duration** (time-range, required): Start and end time in Pacific Time, e.g. "11:32 PM to 1:05 AM" (an end before the start is on the next day).',
        '- **Impact** (text): Brief description of user/system impact.',
        '- **Severity** (severity, required): One of Critical, High, Medium, Low.',
        '- **Prepared by** (people): Who wrote this post-mortem.',
        '',
        "Checked against the **Classic (Pacific Time)** template (follows template classic: its title shape, and 5 of the 5 sections are the template's).",
      ].join('\n'),
    );
  });

  it('on the title of a generic post-mortem: that only the universal rules apply, and why', () => {
    const text = '# Search outage\n\n## Summary\n\nDown.\n\n## Impact\n\nAll users.\n\n## Timeline\n\n- 10:00 UTC down\n\n## Lessons Learned\n\nMore alerts.\n';
    const value = at(0, 3, { uri: 'file:///ws/generic.md', version: 1, text })?.value ?? '';
    assert.match(value, /^A \*\*generic\*\* post-mortem: only the universal rules apply \(generic post-mortem: follows no template/);
  });

  it('on a heading written as an alias, and on one the template does not have', () => {
    const text = CHECKOUT.replace('## Issue Summary', '## Summary').replace('## Root Cause Analysis', '## Random Notes');
    const d = { uri: 'file:///ws/alias.md', version: 1, text };
    assert.equal(
      at(6, 3, d)?.value,
      '**Summary** · required section of the Classic (Pacific Time) template, as Issue Summary\n\nWhat happened, the scope of impact and how it affected users/systems, in 2-3 paragraphs.',
    );
    assert.equal(at(20, 3, d)?.value, '**Random Notes** is not a section of the Classic (Pacific Time) template.');
  });

  it('on an action item id, in prose or in its row: owner, due date and status', () => {
    const expected = '**AI-002** — Alert on checkout error rate\n\n- Owner: Lee Park\n- Due: 2024-03-22\n- Status: open\n- Line 35';
    assert.deepEqual(at(8, 44), { value: expected, range: range(8, 42, 48) });
    assert.deepEqual(at(34, 10), { value: expected, range: range(34, 8, 14) });
  });

  it('on a field: its type and description from the template', () => {
    assert.equal(at(2, 3)?.value, '**Date** · date, required\n\nDay the incident began (YYYY-MM-DD).');
    assert.equal(at(4, 3)?.value, '**Severity** · severity, required\n\nOne of Critical, High, Medium, Low.');
  });

  it('on a time that cannot be read: how to write one', () => {
    const text = CHECKOUT.replace('- **11:41 PM**: Alert fired', '- **[Time]**: Alert fired');
    assert.equal(at(15, 6, { uri: 'file:///ws/unread.md', version: 1, text })?.value, '**\\[Time\\]** · timeline entry, line 16\n\nThis time cannot be read yet: write a time such as `11:32 PM`.');
  });

  it('on a metric the timeline cannot give yet: what it needs', () => {
    const text =
      '# Incident Postmortem: Search\n\n## Incident Summary\n\n- **Severity:** SEV-2\n\n## Detection & Response\n\n- **Time to Acknowledge (TTA):** 00:05\n\n## Timeline (UTC)\n\n## Root Cause\n\n## Action Items\n';
    assert.equal(
      at(8, 10, { uri: 'file:///ws/tta.md', version: 1, text })?.value,
      '**Time to Acknowledge (TTA)** · time to acknowledge\n\nCannot be computed yet: the timeline needs a "detected" and an "acknowledged" entry.',
    );
  });

  it('nothing on plain prose, and nothing at all for a plain markdown file', () => {
    assert.equal(at(22, 2), null);
    const readme = { uri: 'file:///ws/README.md', version: 1, text: '# Tool\n\n## Timeline\n\n- **10:00**: v1 released\n' };
    assert.equal(at(0, 2, readme), null);
    assert.equal(at(4, 4, readme), null);
  });

  it('elapsed: T+ and T− in the duration style', () => {
    assert.equal(elapsed(0, 37 * 60000), 'T+37m');
    assert.equal(elapsed(0, 0), 'T+0m');
    assert.equal(elapsed(0, -5 * 60000), 'T−5m');
    assert.equal(elapsed(0, 93 * 60000), 'T+1h 33m');
    assert.equal(elapsed(0, (49 * 60 + 10) * 60000), 'T+2d 1h 10m');
  });
});
