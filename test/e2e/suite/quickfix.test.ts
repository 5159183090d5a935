// Quick fixes as a VS Code user gets them: the editor's code action API (what Ctrl+. and
// "Fix All" ask for), applied as workspace edits. Fixtures are filled post-mortems made wrong on
// purpose; every expected value below was worked out by hand from the fixture.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, codeOf, describe, lineOf, openFixture, ours, waitFor } from './helpers';

const FIX_ALL = 'source.fixAll.postmortem';

/** Replaces the first `from` on the line containing `lineText` with `to`; returns that line. */
async function replaceOnLine(doc: vscode.TextDocument, lineText: string, from: string, to: string): Promise<number> {
  const line = lineOf(doc, lineText);
  const start = doc.lineAt(line).text.indexOf(from);
  assert.ok(start >= 0, `line ${line + 1} has ${JSON.stringify(from)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(line, start, line, start + from.length), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
  return line;
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  const found = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind);
  return (found ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

const fromUs = (a: vscode.CodeAction, kind: string) => a.kind?.value === kind || a.kind?.value.startsWith(`${kind}.`);

/** A fixable mistake and what its preferred quick fix must do. */
interface Case {
  file: string;
  line: string; // text that finds the line to break
  from: string;
  to: string;
  code: string;
  message: RegExp;
  preferred: string; // title of the preferred fix
}

const CASES: Case[] = [
  {
    // Classic's severities are Critical, High, Medium, Low; 'Hgh' is one edit away from High.
    file: 'filled/classic.md',
    line: '**Severity:** High',
    from: 'High',
    to: 'Hgh',
    code: 'invalid-severity',
    message: /'Hgh' is not one of this template's values: Critical, High, Medium, Low/,
    preferred: "Change severity 'Hgh' to High",
  },
  {
    // The timeline runs 13:52 (began) to 16:07 (restored): 2 h 15 min, as first stated.
    file: 'filled/standard.md',
    line: '**Duration:** 2 hours 15 minutes',
    from: '2 hours 15 minutes',
    to: '2 hours 45 minutes',
    code: 'duration-mismatch',
    message: /Stated Duration is 2h 45m but the timeline gives 2h 15m/,
    preferred: "Replace stated '2 hours 45 minutes' with computed '2 hours 15 minutes'",
  },
];

suite('Quick fixes in VS Code', () => {
  suiteSetup(activateExtension);
  teardown(closeAll);

  for (const c of CASES) {
    test(`${c.code}: the preferred quick fix in ${c.file} puts back "${c.from}" and the problem goes`, async () => {
      const doc = await openFixture(c.file);
      const original = doc.getText();
      const line = await replaceOnLine(doc, c.line, c.from, c.to);
      const d = await waitFor(() => ours(doc.uri).find((x) => codeOf(x) === c.code), 20000, `${c.code} on ${c.file}:${line + 1}`);
      assert.match(d.message, c.message);
      assert.equal(d.range.start.line, line);
      assert.equal(doc.getText(d.range), c.to, 'the diagnostic covers the wrong value exactly');

      const actions = (await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)).filter((a) => fromUs(a, 'quickfix'));
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1, `one preferred quick fix; got ${JSON.stringify(actions.map((a) => [a.title, a.isPreferred]))}`);
      const fix = preferred[0]!;
      assert.equal(fix.title, c.preferred);
      // (The API command hands back no `diagnostics` on actions; the edit shows what is fixed.)
      assert.ok(fix.edit, 'the preferred fix carries its edit');
      const edits = fix.edit.get(doc.uri);
      assert.equal(edits.length, 1, 'one edit');
      assert.ok(edits[0]!.range.isEqual(d.range), 'it replaces exactly the diagnosed value');
      assert.equal(edits[0]!.newText, c.from);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applied');

      assert.equal(doc.getText(), original, 'the fix restores exactly the value the fixture had, and touches nothing else');
      // The fixture had no problems at all: waiting for none proves a fresh publish after the fix.
      await waitFor(() => ours(doc.uri).length === 0, 20000, `the diagnostics of ${c.file} to clear after the fix; still\n${describe(ours(doc.uri))}`);
    });
  }

  test(`${FIX_ALL} fixes several stated metrics at once, and a second run changes nothing`, async () => {
    const doc = await openFixture('filled/report.md');
    const original = doc.getText();
    // report.md's timeline: start 21:47 (stated), alert 21:58, acknowledged 22:01, resolved 00:12.
    await replaceOnLine(doc, '**Duration:** 2 hours 25 minutes', '2 hours 25 minutes', '2 hours 5 minutes');
    await replaceOnLine(doc, '(MTTD):** 11 minutes', '11 minutes', '17 minutes');
    await replaceOnLine(doc, '(MTTA):** 3 minutes', '3 minutes', '8 minutes');
    const wrong = await waitFor(
      () => {
        const ds = ours(doc.uri);
        return ds.length === 3 && ds;
      },
      20000,
      `three stated-metric problems on filled/report.md; got\n${describe(ours(doc.uri))}`,
    );
    assert.deepEqual(wrong.map((d) => codeOf(d)).sort(), ['duration-mismatch', 'metric-mismatch', 'metric-mismatch'], describe(wrong));

    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = (await codeActions(doc.uri, whole, FIX_ALL)).filter((a) => fromUs(a, FIX_ALL));
    assert.equal(actions.length, 1, `one fix-all action; got ${JSON.stringify(actions.map((a) => a.title))}`);
    const fixAll = actions[0]!;
    assert.ok(fixAll.edit, 'fix-all carries its edit');
    assert.equal(fixAll.edit.get(doc.uri).length, 3, 'one edit per stated value');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit), 'fix-all applied');
    assert.equal(doc.getText(), original, 'fix-all writes back 2 hours 25 minutes, 11 minutes and 3 minutes, and nothing else');
    await waitFor(() => ours(doc.uri).length === 0, 20000, `the diagnostics of filled/report.md to clear; still\n${describe(ours(doc.uri))}`);

    // Nothing left to fix: no action, or one whose edit leaves the text as it is.
    const again = (await codeActions(doc.uri, whole, FIX_ALL)).filter((a) => fromUs(a, FIX_ALL));
    for (const a of again) if (a.edit) assert.ok(await vscode.workspace.applyEdit(a.edit));
    assert.equal(doc.getText(), original, `a second fix-all changes nothing (offered: ${JSON.stringify(again.map((a) => a.title))})`);
  });
});
