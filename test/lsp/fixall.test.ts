import assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, applyEdits, fixture, type LspSession } from './harness';

const IDS = ['classic', 'standard', 'report', 'detailed', 'sev'];

// Broken on purpose in a fixable way: the lessons section (required by every template) removed.
const broken = (id: string) => {
  const lines = fixture(`filled/${id}.md`).split('\n');
  const lessons = lines.findIndex((l) => /^##\s.*lessons|^##\s.*went well/i.test(l));
  const end = lines.findIndex((l, i) => i > lessons && /^##\s/.test(l));
  return lines.filter((_, i) => !(lessons >= 0 && i >= lessons && i < (end < 0 ? lines.length : end))).join('\n');
};

describe('fix-all over LSP (source.fixAll.postmortem)', function () {
  this.timeout(60000);
  let s: LspSession;
  before(async () => {
    s = await startServer();
  });
  after(async () => {
    await s.stop();
  });

  const fixAll = async (uri: string, text: string, diagnostics: Diagnostic[]): Promise<CodeAction | undefined> => {
    const lines = text.split('\n');
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } },
      context: { diagnostics, only: ['source.fixAll.postmortem'] },
    })) as CodeAction[] | null;
    return (actions ?? []).find((a) => a.kind === 'source.fixAll.postmortem');
  };

  const cases = [
    ...IDS.map((id) => [`seeds/${id}.md`, fixture(`seeds/${id}.md`)] as const),
    ...IDS.map((id) => [`filled/${id}.md`, fixture(`filled/${id}.md`)] as const),
    ...IDS.map((id) => [`broken/${id}.md`, broken(id)] as const),
  ];
  for (const [name, original] of cases) {
    it(`${name}: applying fix-all twice equals applying it once, and keeps the author's lines`, async () => {
      const uri = `file:///ws/${name}`;
      const d1 = await s.open(uri, original);
      const first = await fixAll(uri, original, d1);
      const once = first?.edit?.changes?.[uri] ? applyEdits(original, first.edit.changes[uri]!) : original;
      const d2 = await s.change(uri, once);
      const second = await fixAll(uri, once, d2);
      const twice = second?.edit?.changes?.[uri] ? applyEdits(once, second.edit.changes[uri]!) : once;
      assert.equal(twice, once, `fix-all changed ${name} again: ${JSON.stringify(second?.edit)}`);
      // Fix-all only inserts, or replaces a stated value it names: every other original line survives.
      const replacedLines = new Set(
        (first?.edit?.changes?.[uri] ?? []).filter((e) => e.range.start.line !== e.range.end.line || e.range.start.character !== e.range.end.character).map((e) => e.range.start.line),
      );
      const kept = once.split('\n');
      original.split('\n').forEach((line, i) => {
        if (!replacedLines.has(i)) assert.ok(kept.includes(line), `${name}: line ${i + 1} lost: ${JSON.stringify(line)}`);
      });
    });
  }

  it('Insert all missing sections brings back the removed section', async () => {
    const uri = 'file:///ws/broken-report.md';
    const text = broken('report');
    const d = await s.open(uri, text);
    assert.ok(d.some((x) => x.code === 'missing-section'));
    const lines = text.split('\n');
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: 0 } },
      context: { diagnostics: d, only: ['source.postmortem.insertMissingSections'] },
    })) as CodeAction[];
    const action = actions.find((a) => a.kind === 'source.postmortem.insertMissingSections');
    const fixed = applyEdits(text, action!.edit!.changes![uri]!);
    const after = await s.change(uri, fixed);
    assert.ok(!after.some((x) => x.code === 'missing-section'), JSON.stringify(after.filter((x) => x.code === 'missing-section')));
  });
});
