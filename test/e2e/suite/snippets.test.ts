// The extension's snippets as a VS Code user gets them: listed by the editor's completion API in
// markdown (the `snippets` contribution, not the language server), and each whole-document skeleton,
// once inserted, read by the server as a post-mortem of its own template.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, codeOf, describe, EXTENSION_ID, fixturesRoot, ours, waitFor } from './helpers';

/** The whole-document skeletons: prefix -> the name of the built-in template it is the skeleton of. */
const SKELETONS: Record<string, string> = {
  'pm-classic': 'Classic (Pacific Time)',
  'pm-standard': 'Standard (P0-P3, UTC table)',
  'pm-report': 'Report (numbered sections, MTTD/MTTA/MTTR)',
  'pm-detailed': 'Detailed (Detection / Response / Resolution blocks)',
  'pm-sev': 'SEV (SEV-1..4, full UTC date-times, TTA/TTM)',
};

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

async function snippetItems(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
}

let fileCount = 0;
/** A new markdown file in the workspace copy holding `text`, shown in an editor (files, not untitled: closing those prompts). */
async function newMarkdown(text: string): Promise<vscode.TextEditor> {
  fileCount++;
  const uri = vscode.Uri.joinPath(await fixturesRoot(), `e2e-snippet-${fileCount}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.languageId, 'markdown');
  return vscode.window.showTextDocument(doc, { preview: false });
}

suite('Snippets in VS Code', () => {
  suiteSetup(activateExtension);
  teardown(closeAll);

  test('the package contributes the five skeleton prefixes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'snippets', 'postmortem.code-snippets'));
    const snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, { prefix: string | string[] }>;
    const prefixes = new Set(Object.values(snippets).flatMap((s) => s.prefix));
    for (const p of Object.keys(SKELETONS)) assert.ok(prefixes.has(p), `snippets/postmortem.code-snippets has prefix ${p}`);
  });

  test('typing "pm-" at a line start in markdown lists a snippet for each skeleton', async () => {
    const editor = await newMarkdown('pm-');
    const at = new vscode.Position(0, 3);
    const items = await waitFor(
      async () => {
        const all = await snippetItems(editor.document.uri, at);
        return all.length > 0 && all;
      },
      20000,
      'snippet completions at "pm-"',
    );
    const labels = new Set(items.map(labelOf));
    const missing = Object.keys(SKELETONS).filter((p) => !labels.has(p));
    assert.deepEqual(missing, [], `snippet items at "pm-": ${[...labels].sort().join(', ')}`);
    for (const p of Object.keys(SKELETONS)) {
      const item = items.find((i) => labelOf(i) === p)!;
      assert.ok(item.insertText instanceof vscode.SnippetString && item.insertText.value.startsWith('# '), `${p} inserts a document starting with its title`);
    }
  });

  for (const [prefix, template] of Object.entries(SKELETONS)) {
    test(`${prefix} inserts a post-mortem the server reads as the ${template} template`, async () => {
      const editor = await newMarkdown(prefix);
      const doc = editor.document;
      const at = new vscode.Position(0, prefix.length);
      const item = await waitFor(async () => (await snippetItems(doc.uri, at)).find((i) => labelOf(i) === prefix), 20000, `the ${prefix} snippet item`);
      const range = !item.range ? new vscode.Range(0, 0, 0, prefix.length) : item.range instanceof vscode.Range ? item.range : item.range.replacing;
      assert.ok(item.insertText instanceof vscode.SnippetString);
      assert.ok(await editor.insertSnippet(item.insertText, range), 'the editor inserted the snippet');
      await vscode.commands.executeCommand('leaveSnippet');
      assert.ok(doc.lineAt(0).text.startsWith('# ') && !doc.getText().includes(prefix), `the prefix was replaced by the skeleton; line 1: ${doc.lineAt(0).text}`);

      // Unfilled, so it lights up with placeholders; complete, so no section is missing.
      const ds = await waitFor(() => ours(doc.uri).some((d) => codeOf(d) === 'placeholder') && ours(doc.uri), 20000, `placeholder diagnostics on the ${prefix} skeleton`);
      assert.deepEqual(
        ds.filter((d) => codeOf(d) === 'missing-section'),
        [],
        `the skeleton has every required section; got\n${describe(ds)}`,
      );

      // Take its timeline heading out: the missing section is reported against the right template.
      let heading = -1;
      for (let i = 0; i < doc.lineCount && heading < 0; i++) if (/^##\s.*timeline/i.test(doc.lineAt(i).text)) heading = i;
      assert.ok(heading > 0, `the ${prefix} skeleton has a timeline heading`);
      assert.ok(await editor.edit((e) => e.delete(doc.lineAt(heading).rangeIncludingLineBreak)));
      const missing = await waitFor(() => ours(doc.uri).find((d) => codeOf(d) === 'missing-section'), 20000, `missing-section on the ${prefix} skeleton without its timeline heading`);
      assert.ok(missing.message.includes(`(required by the ${template} template)`), `the ${template} template is named: ${missing.message}`);
    });
  }
});
