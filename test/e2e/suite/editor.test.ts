// A new user's first steps in VS Code: one outline, the new document as a snippet, phase events on
// the row snippet's `event`, fix-all in the Ctrl+. menu, and the preview card's marks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activateExtension, closeAll, codeOf, describe, EXTENSION_ID, lineOf, openFixture, ours, waitFor } from './helpers';

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

function flatten(symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[]): (vscode.DocumentSymbol | vscode.SymbolInformation)[] {
  return symbols.flatMap((s) => [s, ...('children' in s ? flatten(s.children) : [])]);
}

suite('A new user in VS Code', () => {
  suiteSetup(activateExtension);
  teardown(closeAll);

  test('one outline: every heading is listed once, timeline entries and action items as well', async () => {
    const doc = await openFixture('filled/standard.md');
    await waitFor(
      async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
        const all = flatten(s ?? []);
        return all.some((x) => x.kind === vscode.SymbolKind.Event) && all.some((x) => x.name.startsWith('Incident Summary') || x.name.startsWith('## Incident Summary')) && s;
      },
      30000,
      'the outline with headings and timeline entries',
    );
    const all = flatten((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? []);
    const headings = doc
      .getText()
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => l.replace(/^#+\s+/, '').trim());
    assert.ok(headings.length > 10);
    // The built-in markdown outline names a heading with its marks ('## Timeline').
    const names = all.map((s) => s.name.replace(/^#+\s+/, ''));
    for (const h of headings) {
      const n = names.filter((name) => name === h).length;
      assert.equal(n, 1, `'${h}' is listed ${n} times in the outline`);
    }
    assert.ok(all.filter((s) => s.kind === vscode.SymbolKind.Event).length >= 8, 'timeline entries listed');
    assert.ok(
      all.some((s) => s.name.startsWith('Enable periodic topology refresh')),
      'action items listed',
    );
  });

  test('New Post-Mortem opens a snippet: the title selected first, Tab goes to the status choice', async () => {
    await vscode.commands.executeCommand('postmortem.newPostmortem', 'sev');
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.scheme === 'untitled' && vscode.window.activeTextEditor.document.getText().startsWith('# Incident Postmortem') && vscode.window.activeTextEditor,
      20000,
      'the new document',
    );
    const doc = editor.document;
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.getText(editor.selection), '[Incident Title]', 'the first tab stop is selected');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(doc.getText(editor.selection), 'Template', 'Tab moves to the status');
    assert.ok(doc.lineAt(editor.selection.active.line).text.startsWith('**Status:**'));
    // What is left unfilled is reported as before.
    await waitFor(() => ours(doc.uri).some((d) => codeOf(d) === 'placeholder'), 20000, 'placeholder findings on the new document');
  });

  test('Ctrl+Space on the `event` a new timeline row leaves selected: the phase events, accepted in its place', async () => {
    const doc = await openFixture('filled/standard.md');
    const editor = vscode.window.activeTextEditor!;
    const last = lineOf(doc, '| 16:30 | Post-incident monitoring in place');
    assert.ok(await editor.edit((e) => e.insert(doc.lineAt(last).range.end, '\n| 16:35 | event |')));
    const row = last + 1;
    const start = doc.lineAt(row).text.indexOf('event');
    editor.selection = new vscode.Selection(row, start, row, start + 'event'.length);
    const items = await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, editor.selection.active);
        const events = (list?.items ?? []).filter((i) => i.kind === vscode.CompletionItemKind.Event && !/^\d/.test(labelOf(i)));
        return events.length > 0 && events;
      },
      20000,
      'phase events on the placeholder',
    );
    // The suggest widget filters by the text from the item's range start to the cursor: `event`.
    for (const item of items) assert.ok((item.filterText ?? labelOf(item)).startsWith('event'), `${labelOf(item)} would be filtered out`);
    // And the real widget: trigger it, accept its preselected item.
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    const text = await waitFor(() => !doc.lineAt(row).text.includes('| event |') && doc.lineAt(row).text, 10000, 'the accepted event');
    assert.ok(
      items.some((i) => text.includes(labelOf(i))),
      `the row holds a phase event: ${text}`,
    );
  });

  test('Ctrl+. on a fixable finding offers fix-all for the document and for its rule', async () => {
    const doc = await openFixture('filled/standard.md');
    const editor = vscode.window.activeTextEditor!;
    for (const [from, to] of [
      ['**Date:** 2025-02-18', '**Date:** 18/02/2025'],
      ['**Last Updated:** 2025-02-21', '**Last Updated:** 21/02/2025'],
    ] as const) {
      const line = lineOf(doc, from);
      assert.ok(await editor.edit((e) => e.replace(doc.lineAt(line).range, to)));
    }
    const dates = await waitFor(
      () => {
        const d = ours(doc.uri).filter((x) => codeOf(x) === 'invalid-date');
        return d.length === 2 && d;
      },
      20000,
      `two invalid-date findings; got\n${describe(ours(doc.uri))}`,
    );
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, dates[0]!.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Fix all auto-fixable problems in this document'), titles.join(' | '));
    assert.ok(titles.includes("Fix all 'invalid-date' problems"), titles.join(' | '));
    const fixAll = actions.find((a) => a.title === 'Fix all auto-fixable problems in this document')!;
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
    assert.ok(doc.getText().includes('**Date:** 2025-02-18') && doc.getText().includes('**Last Updated:** 2025-02-21'));
  });

  test('the preview card marks an invalid severity and counts a placeholder owner as nobody', async () => {
    const doc = await openFixture('filled/standard.md');
    const editor = vscode.window.activeTextEditor!;
    const sev = lineOf(doc, '**Severity:** P1');
    assert.ok(await editor.edit((e) => e.replace(doc.lineAt(sev).range, '**Severity:** Sev 1')));
    const owner = lineOf(doc, '| @apatel |');
    const ownerText = doc.lineAt(owner).text;
    assert.ok(await editor.edit((e) => e.replace(doc.lineAt(owner).range, ownerText.replace('@apatel', 'Name'))));
    await waitFor(() => ours(doc.uri).some((d) => codeOf(d) === 'invalid-severity'), 20000, 'the invalid-severity finding');
    const api = vscode.extensions.getExtension<{ client: LanguageClient }>(EXTENSION_ID)!.exports;
    const r = await api.client.sendRequest<{ body: string } | null>('postmortem/render', { uri: doc.uri.toString(), mode: 'webview' });
    assert.ok(r, 'rendered');
    assert.match(r.body, /data-field="severity">Severity <strong class="pm-invalid"[^>]*>⚠ Sev 1<\/strong>/);
    const owners = /<table class="pm-owners">[\s\S]*?<\/table>/.exec(r.body)![0];
    assert.doesNotMatch(owners, /<td>Name<\/td>/);
  });

  test('a generic post-mortem (no template: bold lead-ins, one heading per entry) shows its durations in the preview and no errors', async () => {
    const doc = await openFixture('generic/queue-stall.md');
    const api = vscode.extensions.getExtension<{ client: LanguageClient }>(EXTENSION_ID)!.exports;
    const render = () => api.client.sendRequest<{ body: string } | null>('postmortem/render', { uri: doc.uri.toString(), mode: 'webview' });
    const r = await waitFor(
      async () => {
        const x = await render();
        return x?.body.includes('1h 30m') ? x : undefined;
      },
      20000,
      'the computed duration in the preview',
    );
    for (const [label, value] of [
      ['Duration', '1h 30m'],
      ['Time to detect', '4m'],
      ['Time to acknowledge', '6m'],
      ['Time to mitigate', '42m'],
    ])
      assert.match(r.body, new RegExp(`>${label}</dt><dd><span class="pm-value"[^>]*>${value}</span>`), `${label} ${value} in the preview`);
    // The server has read the document when the preview shows its numbers: its findings are in.
    assert.deepEqual(
      ours(doc.uri)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
        .map((d) => d.message),
      [],
    );
  });
});
