// Completion as a VS Code user gets it: the editor's completion API (what Ctrl+Space asks for), the
// chosen item inserted as the editor inserts it (a snippet with tab stops), and the language server
// reading the result. Expected times were worked out by hand from the fixtures' last entries.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, codeOf, describe, lineOf, openFixture, ours, waitFor } from './helpers';

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
const badgeOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? '' : (item.label.description ?? ''));

async function completions(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

/** Inserts `item` the way the editor accepts it: its text (a snippet when it is one) over its range. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem, at: vscode.Position): Promise<void> {
  const range = !item.range ? new vscode.Range(at, at) : item.range instanceof vscode.Range ? item.range : item.range.replacing;
  const text = item.insertText ?? labelOf(item);
  const snippet = text instanceof vscode.SnippetString ? text : new vscode.SnippetString(text.replace(/[$}\\]/g, '\\$&'));
  assert.ok(await editor.insertSnippet(snippet, range), `the editor inserted ${JSON.stringify(labelOf(item))}`);
}

/** Adds an empty line after line `line` and puts the cursor on it. */
async function newLineAfter(editor: vscode.TextEditor, line: number): Promise<vscode.Position> {
  const end = editor.document.lineAt(line).range.end;
  assert.ok(await editor.edit((e) => e.insert(end, '\n')), 'the new line was inserted');
  const at = new vscode.Position(line + 1, 0);
  editor.selection = new vscode.Selection(at, at);
  return at;
}

const listing = (items: vscode.CompletionItem[]) => items.map((i) => `${labelOf(i)} [${badgeOf(i)}]`).join(', ');

suite('Completion in VS Code', () => {
  suiteSetup(activateExtension);
  teardown(closeAll);

  test('timeline table (standard.md): the next row 5 minutes after 16:30, inserted with its event tab stop, moves the incident end', async () => {
    const doc = await openFixture('filled/standard.md');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document, doc);
    const last = lineOf(doc, '| 16:30 | Post-incident monitoring in place');
    const at = await newLineAfter(editor, last);

    const items = await waitFor(
      async () => {
        const all = (await completions(doc.uri, at)).filter((i) => i.kind === vscode.CompletionItemKind.Event);
        return all.length > 0 && all;
      },
      20000,
      'timeline entry completions on the new line',
    );
    // Not live (the entry is from 2025): +5 min first, then +1, +15, the same time; "now" may be any time.
    const labels = items.map(labelOf);
    for (const t of ['16:35', '16:31', '16:45', '16:30']) assert.ok(labels.includes(t), `offered ${t}; got ${listing(items)}`);
    const next = items.find((i) => labelOf(i) === '16:35')!;
    assert.equal(badgeOf(next), '+5 min');
    assert.equal(next.preselect, true, 'the +5 min entry is preselected');
    assert.ok(next.insertText instanceof vscode.SnippetString, 'the entry is a snippet');

    await accept(editor, next, at);
    assert.equal(doc.lineAt(at.line).text, '| 16:35 | event |', 'a row shaped like its neighbours');
    // The editor sits on the event tab stop: typing replaces it.
    assert.equal(doc.getText(editor.selection), 'event', 'the event cell is the selected tab stop');
    assert.ok(await editor.edit((e) => e.replace(editor.selection, 'Incident resolved')));
    assert.equal(doc.lineAt(at.line).text, '| 16:35 | Incident resolved |');

    // The server reads the new row as the resolution: 13:52 -> 16:35 is 2 h 43 min, so the stated
    // "2 hours 15 minutes" (13:52 -> 16:07, restored) no longer agrees.
    const d = await waitFor(() => ours(doc.uri).find((x) => codeOf(x) === 'duration-mismatch'), 20000, `duration-mismatch after the new row; got\n${describe(ours(doc.uri))}`);
    assert.match(d.message, /Stated Duration is 2h 15m but the timeline gives 2h 43m/);
    assert.equal(d.range.start.line, lineOf(doc, '**Duration:**'));
  });

  test('timeline list (classic.md): the next bullet in the same shape, 3:30 AM, read in Pacific time', async () => {
    const doc = await openFixture('filled/classic.md');
    const editor = vscode.window.activeTextEditor!;
    const last = lineOf(doc, '- **3:25 AM**: Incident resolved');
    const at = await newLineAfter(editor, last);

    const items = await waitFor(
      async () => {
        const all = (await completions(doc.uri, at)).filter((i) => i.kind === vscode.CompletionItemKind.Event);
        return all.length > 0 && all;
      },
      20000,
      'timeline entry completions on the new line',
    );
    const labels = items.map(labelOf);
    for (const t of ['3:30 AM', '3:26 AM', '3:40 AM', '3:25 AM']) assert.ok(labels.includes(t), `offered ${t}; got ${listing(items)}`);
    const next = items.find((i) => labelOf(i) === '3:30 AM')!;
    assert.equal(badgeOf(next), '+5 min');

    await accept(editor, next, at);
    assert.equal(doc.lineAt(at.line).text, '- **3:30 AM**: ', 'a bullet shaped like its neighbours, the cursor after it');
    assert.deepEqual(editor.selection.active, new vscode.Position(at.line, '- **3:30 AM**: '.length));
    assert.ok(await editor.edit((e) => e.insert(editor.selection.active, 'Service restored in the last region')));

    // The Duration field states 11:32 PM to 3:25 AM; the server dates the new entry 2024-03-10 03:30
    // PDT (after the spring-forward) and reports a restoration outside that window, on the new line.
    const d = await waitFor(() => ours(doc.uri).find((x) => codeOf(x) === 'timeline-outside-window'), 20000, `timeline-outside-window after the new bullet; got\n${describe(ours(doc.uri))}`);
    assert.equal(d.range.start.line, at.line);
    assert.match(d.message, /2024-03-10 03:30 PDT is after the stated end 2024-03-10 03:25 PDT/);
    assert.deepEqual(
      ours(doc.uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error),
      [],
      'no errors',
    );
  });

  test('after "## " a missing section is offered, and choosing it brings the section back', async () => {
    const doc = await openFixture('filled/standard.md');
    const editor = vscode.window.activeTextEditor!;
    const line = lineOf(doc, '## Lessons Learned');
    assert.ok(await editor.edit((e) => e.replace(doc.lineAt(line).range, '## ')));
    const missing = await waitFor(() => ours(doc.uri).find((x) => codeOf(x) === 'missing-section'), 20000, 'missing-section once the heading is gone');
    assert.match(missing.message, /Lessons Learned/);

    const at = new vscode.Position(line, 3);
    const items = await waitFor(
      async () => {
        const all = (await completions(doc.uri, at)).filter((i) => i.kind === vscode.CompletionItemKind.Module);
        return all.length > 0 && all;
      },
      20000,
      'heading completions after "## "',
    );
    // Every other level-2 section of the standard template is present.
    assert.deepEqual([...new Set(items.map(labelOf))], ['Lessons Learned'], `offered ${listing(items)}`);
    const heading = items.find((i) => labelOf(i) === 'Lessons Learned' && i.preselect);
    assert.ok(heading, 'the plain heading is preselected');

    await accept(editor, heading, at);
    assert.equal(doc.lineAt(line).text, '## Lessons Learned');
    await waitFor(() => ours(doc.uri).length === 0, 20000, `missing-section to go; still\n${describe(ours(doc.uri))}`);
  });
});
