// Helpers for the end-to-end suite; they use only the `vscode` API, so the suite runs the same in
// desktop VS Code (@vscode/test-electron) and in code-server (scripts/e2e/run.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-author.postmortem-author';
export const SOURCE = 'postmortem';

/** Polls `fn` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    try {
      const value = await fn();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (e) {
      lastError = e; // an assertion that does not hold yet
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** The folder holding seeds/, filled/, plain/: the workspace root, or its test/fixtures. */
export async function fixturesRoot(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder (a copy of test/fixtures)');
  const nested = vscode.Uri.joinPath(folder.uri, 'test', 'fixtures');
  return (await exists(nested)) ? nested : folder.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Markdown files directly inside `dir` (relative to the fixtures root), sorted. */
export async function listFixtures(dir: string): Promise<string[]> {
  const root = await fixturesRoot();
  const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, dir));
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
    .map(([name]) => `${dir}/${name}`)
    .sort();
}

export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(await fixturesRoot(), relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  assert.equal(doc.languageId, 'markdown', `${relative} should open as markdown`);
  return doc;
}

/** Starts the extension (the e2e workspace has no open markdown editor yet) and waits for its client. */
export async function activateExtension(): Promise<void> {
  const ext = vscode.extensions.getExtension<{ ready: Promise<void> }>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  const api = await ext.activate();
  await api.ready;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

export function describe(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d)}: ${d.message}`).join('\n');
}

/** The 0-based line of the first line of `doc` containing `text` (fails when there is none). */
export function lineOf(doc: vscode.TextDocument, text: string, after = -1): number {
  for (let i = after + 1; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(text)) return i;
  assert.fail(`${vscode.workspace.asRelativePath(doc.uri)} has no line containing ${JSON.stringify(text)} (did the fixture change?)`);
}

let barrierCount = 0;
/**
 * Waits until the server has caught up with everything sent before: writes a new raw template
 * into the workspace (a copy made for the run), opens it and waits for its placeholder
 * diagnostics. The server handles notifications in order, so a document opened earlier has been
 * analysed by then: this is how the suite tells an absence of diagnostics from a busy server.
 * (A file, not an untitled document: those are dirty and make closing editors prompt.)
 */
export async function serverBarrier(templateText: string): Promise<void> {
  barrierCount++;
  const uri = vscode.Uri.joinPath(await fixturesRoot(), `e2e-barrier-${barrierCount}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(templateText));
  const doc = await vscode.workspace.openTextDocument(uri);
  await waitFor(() => ours(doc.uri).some((d) => codeOf(d) === 'placeholder'), 20000, `barrier #${barrierCount} (placeholder diagnostics on a raw template)`);
}

/** Closes every editor without saving anything (a dirty one is reverted first), so nothing prompts. */
export async function closeAll(): Promise<void> {
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (!tab.isDirty || !(tab.input instanceof vscode.TabInputText)) continue;
    const uri = tab.input.uri;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc) continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
