// Structure, severity, action-item and language rules through the bundled server: each rule fires
// on a document that breaks it and stays quiet on one that does not; each quick fix, applied as an
// editor would, clears its diagnostic and keeps every line the author wrote.
import assert from 'node:assert/strict';
import { startServer, applyQuickFix, assertKept, ofRule, type LspSession } from './harness';

// A sev-style post-mortem built from blocks, so each test breaks exactly one thing.
const TITLE = '# Incident Postmortem: Checkout errors\n\n';
const summary = (severity = 'SEV-2') => `## Incident Summary\n\n- **Incident ID:** INC-20250110-001\n- **Severity:** ${severity}\n\n`;
const EXEC = '## Executive Summary\n\nCheckout failed for 20 minutes after a config push.\n\n';
const IMPACT = '## Impact Analysis\n\n- **Customer Impact:** 8% of checkouts failed\n\n';
const TIMELINE = '## Timeline (UTC)\n\n| Time (UTC) | Event |\n| --- | --- |\n| 2025-01-10 10:00 | Errors began |\n\n';
const rootCause = (text = 'A config push emptied the allow-list, and CI did not validate it.') => `## Root Cause\n\n${text}\n\n`;
const ROWS = {
  ok: '| AI-001 | Validate allow-lists in CI | Dana Kim | P1 | 2099-12-31 | Open |',
  ok2: '| AI-002 | Add a canary query | Felix Braun | P2 | 2099-12-31 | Open |',
  noOwner: '| AI-002 | Add a canary query |  | P2 | 2099-12-31 | Open |',
  noDue: '| AI-002 | Add a canary query | Felix Braun | P2 |  | Open |',
  overdue: '| AI-002 | Add a canary query | Felix Braun | P2 | 2020-01-15 | In Progress |',
  overdueDone: '| AI-002 | Add a canary query | Felix Braun | P2 | 2020-01-15 | Closed |',
  repeat: '| AI-001 | Alert on checkout declines | Ines Duarte | P2 | 2099-12-31 | Open |',
};
const actions = (...rows: string[]) => `## Action Items\n\n| ID | Action | Owner | Priority | Target Date | Status |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
const doc = (...parts: string[]) => parts.join('');
const CLEAN = doc(TITLE, summary(), EXEC, IMPACT, TIMELINE, rootCause(), actions(ROWS.ok, ROWS.ok2));

describe('structure, severity, action-item and language rules over LSP', function () {
  let s: LspSession;
  let n = 0;
  before(async () => {
    s = await startServer();
  });
  after(async () => {
    await s.stop();
  });

  const uri = () => `file:///ws/rules-structure-${++n}.md`;

  const applyFix = (text: string, code: string, title: string) => applyQuickFix(s, uri(), text, code, title);

  it('the clean document has none of these diagnostics', async () => {
    const d = await s.open(uri(), CLEAN);
    const codes = [
      'empty-section',
      'section-order',
      'duplicate-section',
      'invalid-severity',
      'action-item-owner',
      'action-item-due-date',
      'action-item-overdue',
      'action-item-duplicate-id',
      'blameful-language',
    ];
    assert.deepEqual(
      d.filter((x) => codes.includes(String(x.code))),
      [],
    );
  });

  describe('empty-section', () => {
    const text = doc(TITLE, summary(), EXEC, IMPACT, TIMELINE, '## Root Cause\n\n', actions(ROWS.ok));
    it('fires on an empty template section and not on a filled one', async () => {
      const d = ofRule(await s.open(uri(), text), 'empty-section');
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.severity]),
        [[text.split('\n').indexOf('## Root Cause'), 2]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), CLEAN), 'empty-section'), []);
    });
    it("the skeleton fix clears it and keeps the author's text", async () => {
      const { fixed, after } = await applyFix(text, 'empty-section', "Insert the template's skeleton for 'Root Cause'");
      assert.deepEqual(after, []);
      assertKept(text, fixed);
      assert.ok(fixed.includes('## Root Cause\n\n- **Primary Cause:**\n'), fixed);
    });
  });

  describe('section-order', () => {
    const text = doc(TITLE, summary(), EXEC, TIMELINE, rootCause(), IMPACT, actions(ROWS.ok));
    it('fires on a section out of order and not on an ordered document', async () => {
      const d = ofRule(await s.open(uri(), text), 'section-order');
      assert.deepEqual(
        d.map((x) => [x.message, x.severity]),
        [["Section '## Impact Analysis' is out of the template's order: it should follow '## Executive Summary'.", 3]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), CLEAN), 'section-order'), []);
    });
    it('the move fix clears it and keeps every line', async () => {
      const { fixed, after } = await applyFix(text, 'section-order', "Move 'Impact Analysis' before 'Timeline (UTC)'");
      assert.deepEqual(after, []);
      assertKept(text, fixed);
      assert.equal(fixed, doc(TITLE, summary(), EXEC, IMPACT, TIMELINE, rootCause(), actions(ROWS.ok)));
    });
  });

  describe('duplicate-section', () => {
    it('fires on a repeated section and not otherwise', async () => {
      const text = doc(TITLE, summary(), EXEC, TIMELINE, rootCause(), '## Root Cause Analysis\n\nCI skipped config repos.\n\n', actions(ROWS.ok));
      const d = ofRule(await s.open(uri(), text), 'duplicate-section');
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.severity]),
        [[text.split('\n').indexOf('## Root Cause Analysis'), 2]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), CLEAN), 'duplicate-section'), []);
    });
  });

  describe('invalid-severity', () => {
    const text = doc(TITLE, summary('**Sev 2** (major)'), EXEC, IMPACT, TIMELINE, rootCause(), actions(ROWS.ok));
    it('fires on a value outside the vocabulary and not on an allowed one', async () => {
      const d = ofRule(await s.open(uri(), text), 'invalid-severity');
      assert.deepEqual(
        d.map((x) => [x.range, x.severity]),
        [[{ start: { line: 5, character: 18 }, end: { line: 5, character: 23 } }, 1]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), doc(TITLE, summary('sev-2'), EXEC, IMPACT, TIMELINE, rootCause(), actions(ROWS.ok))), 'invalid-severity'), []);
    });
    it('offers each value, closest first, and the fix replaces only the value', async () => {
      const { fixed, after, titles } = await applyFix(text, 'invalid-severity', "Change severity 'Sev 2' to SEV-2");
      assert.deepEqual(titles, ["Change severity 'Sev 2' to SEV-2", "Change severity 'Sev 2' to SEV-1", "Change severity 'Sev 2' to SEV-3", "Change severity 'Sev 2' to SEV-4"]);
      assert.deepEqual(after, []);
      assertKept(text, fixed, ['- **Severity:** **Sev 2** (major)']);
      assert.ok(fixed.split('\n').includes('- **Severity:** **SEV-2** (major)'), fixed);
    });
  });

  describe('action items', () => {
    it('action-item-owner fires on an open row with no owner and not on an owned one', async () => {
      const d = ofRule(await s.open(uri(), doc(TITLE, summary(), EXEC, rootCause(), actions(ROWS.ok, ROWS.noOwner))), 'action-item-owner');
      assert.deepEqual(
        d.map((x) => [x.message, x.severity]),
        [["Action item 'AI-002' has no owner: fill in its Owner cell. Unowned follow-ups rarely get done.", 2]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), CLEAN), 'action-item-owner'), []);
    });

    it('action-item-due-date fires on an open row with no due date and not on a dated one', async () => {
      const d = ofRule(await s.open(uri(), doc(TITLE, summary(), EXEC, rootCause(), actions(ROWS.ok, ROWS.noDue))), 'action-item-due-date');
      assert.deepEqual(
        d.map((x) => [x.message, x.severity]),
        [["Action item 'AI-002' has no due date: fill in its due date.", 2]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), CLEAN), 'action-item-due-date'), []);
    });

    it('action-item-overdue fires on an open item past due and not on a closed one', async () => {
      const d = ofRule(await s.open(uri(), doc(TITLE, summary(), EXEC, rootCause(), actions(ROWS.ok, ROWS.overdue))), 'action-item-overdue');
      assert.deepEqual(
        d.map((x) => [x.message, x.severity]),
        [["Action item 'AI-002' was due 2020-01-15 and is still open (status 'In Progress'): mark it done or agree a new date.", 2]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), doc(TITLE, summary(), EXEC, rootCause(), actions(ROWS.ok, ROWS.overdueDone))), 'action-item-overdue'), []);
    });

    const repeated = doc(TITLE, summary(), EXEC, IMPACT, TIMELINE, rootCause(), actions(ROWS.ok, ROWS.ok2, ROWS.repeat));
    it('action-item-duplicate-id fires on a reused id and not on distinct ids', async () => {
      const d = ofRule(await s.open(uri(), repeated), 'action-item-duplicate-id');
      const line = repeated.split('\n').indexOf(ROWS.repeat);
      assert.deepEqual(
        d.map((x) => [x.range, x.severity]),
        [[{ start: { line, character: 2 }, end: { line, character: 8 } }, 1]],
      );
      assert.deepEqual(ofRule(await s.open(uri(), CLEAN), 'action-item-duplicate-id'), []);
    });
    it('the renumber fix clears it and changes only the id', async () => {
      const { fixed, after } = await applyFix(repeated, 'action-item-duplicate-id', "Change id 'AI-001' to AI-003 (the next free id)");
      assert.deepEqual(after, []);
      assertKept(repeated, fixed, [ROWS.repeat]);
      assert.ok(fixed.split('\n').includes(ROWS.repeat.replace('AI-001', 'AI-003')), fixed);
    });
  });

  describe('blameful-language', () => {
    it('fires on blaming words in the root cause and not on a systems framing or in the timeline', async () => {
      const text = doc(TITLE, summary(), EXEC, TIMELINE, rootCause('The deploy failed because of human error: Dana was careless.'), actions(ROWS.ok));
      const d = ofRule(await s.open(uri(), text), 'blameful-language');
      assert.deepEqual(
        d.map((x) => [x.data && (x.data as Record<string, unknown>)['phrase'], x.severity]),
        [
          ['human error', 4],
          ['careless', 4],
        ],
      );
      const timeline = TIMELINE.replace('Errors began', "Errors began: Dana's fault");
      assert.deepEqual(ofRule(await s.open(uri(), doc(TITLE, summary(), EXEC, timeline, rootCause(), actions(ROWS.ok))), 'blameful-language'), []);
    });
  });
});
