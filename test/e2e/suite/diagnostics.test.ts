// Diagnostics as a VS Code user gets them: open a document, read the Problems it has.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, codeOf, describe, fixturesRoot, lineOf, listFixtures, openFixture, ours, serverBarrier, waitFor } from './helpers';

/**
 * Lines of the raw seed templates (test/fixtures/seeds) that must carry a placeholder diagnostic,
 * as [1-based line number, text on that line] read from the fixtures. The text is checked too, so
 * a changed fixture fails with a message saying where the line went.
 */
type Expected = Array<[line: number, text: string]>;
const SEED_PLACEHOLDERS: Record<string, Expected> = {
  'seeds/classic.md': [
    [5, '**Impact:** [Brief description'],
    [7, '**Prepared by:** [Name(s)]'],
  ],
  'seeds/standard.md': [
    [7, '**Incident ID:** INC-YYYY-MM-DD-###'],
    [8, '**Date:** YYYY-MM-DD'],
    [10, '**Severity:** P0 | P1 | P2 | P3'],
  ],
  'seeds/report.md': [
    [9, '**Severity:** [P0, P1, P2]'],
    [11, '**Incident Commander:** [Name]'],
  ],
  'seeds/detailed.md': [
    [3, '**Date:** [DATE]'],
    [4, '**Severity:** [CRITICAL/HIGH/MEDIUM/LOW]'],
  ],
  'seeds/sev.md': [
    [13, '**Start Time (UTC):** YYYY-MM-DD HH:MM'],
    [16, '**Severity:** SEV-1 / SEV-2 / SEV-3 / SEV-4'],
  ],
};

const SEVERITY_LINE = '**Severity:** P0 | P1 | P2 | P3';

suite('Diagnostics in VS Code', () => {
  let barrierText = '';

  suiteSetup(async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(await fixturesRoot(), 'seeds/standard.md'));
    barrierText = doc.getText();
  });

  teardown(closeAll);

  for (const [file, expected] of Object.entries(SEED_PLACEHOLDERS)) {
    test(`raw template ${file} lights up with placeholders, and missing-section once its timeline heading goes`, async () => {
      const doc = await openFixture(file);
      for (const [line, text] of expected) {
        assert.equal(lineOf(doc, text) + 1, line, `${file}: ${JSON.stringify(text)} should be on line ${line}`);
      }
      // The server publishes all of a document's diagnostics at once: wait for the first publish.
      const ds = await waitFor(() => ours(doc.uri).some((d) => codeOf(d) === 'placeholder') && ours(doc.uri), 30000, `placeholder diagnostics on ${file}`);
      for (const [line, text] of expected) {
        const d = ds.find((x) => codeOf(x) === 'placeholder' && x.range.start.line === line - 1);
        assert.ok(d, `${file}:${line} (${text}) should have a placeholder diagnostic; got\n${describe(ds)}`);
        assert.equal(d.severity, vscode.DiagnosticSeverity.Error, `${file}:${line}: an unfilled placeholder is an error`);
        const covered = doc.getText(d.range);
        assert.ok(covered.trim().length > 0 && !covered.includes('**'), `${file}:${line}: the diagnostic should cover the placeholder value, not the field name; it covers ${JSON.stringify(covered)}`);
      }
      // A raw template has every section; take the timeline heading out and the template's
      // required Timeline section is reported on the title line (line 1).
      let heading = -1;
      for (let i = 0; i < doc.lineCount && heading < 0; i++) if (/^##\s.*timeline/i.test(doc.lineAt(i).text)) heading = i;
      assert.ok(heading > 0, `${file} has a timeline heading`);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, doc.lineAt(heading).range, '');
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
      const missing = await waitFor(() => ours(doc.uri).find((d) => codeOf(d) === 'missing-section' && /timeline/i.test(d.message)), 20000, `missing-section for the timeline on ${file}`);
      assert.equal(missing.range.start.line, 0, `${file}: missing-section is reported on the title line`);
      assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    });
  }

  test('filled post-mortems have no error diagnostics', async () => {
    const files = await listFixtures('filled');
    assert.ok(files.length > 0, 'test/fixtures/filled/ has no .md files');
    const docs = [];
    for (const file of files) docs.push({ file, doc: await openFixture(file) });
    await serverBarrier(barrierText);
    const problems = docs
      .map(({ file, doc }) => ({ file, errors: ours(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error) }))
      .filter((p) => p.errors.length > 0)
      .map((p) => `${p.file}:\n${describe(p.errors)}`);
    assert.deepEqual(problems, [], `filled post-mortems with errors:\n${problems.join('\n')}`);
  });

  test('a plain README with a timeline gets no diagnostics', async () => {
    const doc = await openFixture('plain/readme-with-timeline.md');
    await serverBarrier(barrierText);
    const all = vscode.languages.getDiagnostics(doc.uri);
    assert.equal(ours(doc.uri).length, 0, `plain/readme-with-timeline.md should not be treated as a post-mortem; got\n${describe(all)}`);
  });

  test('editing a placeholder into a value updates the diagnostics', async () => {
    const doc = await openFixture('seeds/standard.md');
    const line = lineOf(doc, SEVERITY_LINE);
    const placeholderOn = (l: number) => ours(doc.uri).some((d) => codeOf(d) === 'placeholder' && d.range.start.line === l);
    await waitFor(() => placeholderOn(line), 20000, `a placeholder diagnostic on seeds/standard.md:${line + 1}`);
    const othersBefore = ours(doc.uri).filter((d) => d.range.start.line !== line).length;

    // Choose a severity: P0 | P1 | P2 | P3 -> P1.
    const text = doc.lineAt(line).text;
    const start = text.indexOf('P0 | P1 | P2 | P3');
    const options = new vscode.Range(line, start, line, start + 'P0 | P1 | P2 | P3'.length);
    const choose = new vscode.WorkspaceEdit();
    choose.replace(doc.uri, options, 'P1');
    assert.ok(await vscode.workspace.applyEdit(choose), 'the edit applied');
    assert.equal(doc.lineAt(line).text, text.replace('P0 | P1 | P2 | P3', 'P1'));
    await waitFor(() => !placeholderOn(line), 20000, `the placeholder diagnostic on line ${line + 1} to go away after choosing P1`);
    // The rest of the template is still unfilled.
    const othersAfter = ours(doc.uri).filter((d) => d.range.start.line !== line);
    assert.ok(
      othersAfter.some((d) => codeOf(d) === 'placeholder'),
      `other placeholders should remain; got\n${describe(othersAfter)}`,
    );
    assert.ok(othersAfter.length <= othersBefore + 1, `choosing a severity should not add problems elsewhere; got\n${describe(othersAfter)}`);

    // Put the option list back: the diagnostic comes back.
    const undo = new vscode.WorkspaceEdit();
    undo.replace(doc.uri, new vscode.Range(line, start, line, start + 'P1'.length), 'P0 | P1 | P2 | P3');
    assert.ok(await vscode.workspace.applyEdit(undo));
    await waitFor(() => placeholderOn(line), 20000, `the placeholder diagnostic on line ${line + 1} to come back`);
  });

  test('Postmortem: Restart Language Server keeps diagnostics working', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('postmortem.restartServer'), 'postmortem.restartServer is registered');
    await vscode.commands.executeCommand('postmortem.restartServer');
    const doc = await openFixture('seeds/standard.md');
    const line = lineOf(doc, SEVERITY_LINE);
    await waitFor(() => ours(doc.uri).some((d) => codeOf(d) === 'placeholder' && d.range.start.line === line), 20000, 'diagnostics after the restart');
  });
});
