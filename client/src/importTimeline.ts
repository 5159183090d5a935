// Timeline import in the editor: "Paste as timeline entries" beside the plain paste when pasting into a
// timeline, and "Postmortem: Import Timeline Entries…" for files. The server reads the input and answers
// insert-only edits in the document's own timeline shape; here the author sees what will be added first.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_TIMELINE_REQUEST, type ImportTimelineParams, type ImportTimelineResult } from '../../server/src/protocol';

export const PASTE_KIND = vscode.DocumentDropOrPasteEditKind.Text.append('postmortem', 'timeline');
/** Inputs larger than this are not offered as a paste (a pasted log file belongs in the import command). */
const MAX_PASTE = 2_000_000;

type Request = (params: ImportTimelineParams) => Promise<ImportTimelineResult | null>;

/** One line for the paste menu and the confirmation: how many, first and last time, what was not read. */
export function summary(r: ImportTimelineResult): string {
  const n = r.entries.length;
  const parts = [`${n} entr${n === 1 ? 'y' : 'ies'}`];
  if (r.first && r.last) parts.push(r.first === r.last ? r.first : `${r.first} – ${r.last}`);
  if (r.unreadable.length) parts.push(`${r.unreadable.length} unreadable line${r.unreadable.length === 1 ? '' : 's'}`);
  if (r.duplicates) parts.push(`${r.duplicates} already there`);
  return parts.join(', ');
}

function workspaceEdit(uri: vscode.Uri, r: ImportTimelineResult): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of r.edits) edit.insert(uri, new vscode.Position(e.range.start.line, e.range.start.character), e.newText);
  return edit;
}

class TimelinePaste implements vscode.DocumentPasteEditProvider {
  constructor(private readonly request: Request) {}

  async provideDocumentPasteEdits(
    document: vscode.TextDocument,
    ranges: readonly vscode.Range[],
    dataTransfer: vscode.DataTransfer,
    _context: vscode.DocumentPasteEditContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const text = await dataTransfer.get('text/plain')?.asString();
    const at = ranges[0];
    if (!text?.trim() || !at || text.length > MAX_PASTE || token.isCancellationRequested) return undefined;
    const r = await this.request({ uri: document.uri.toString(), version: document.version, inputs: [{ name: 'clipboard', text }], line: at.start.line });
    if (!r || token.isCancellationRequested || r.outside || r.errors.length || r.problem || !r.entries.length) return undefined;
    // The pasted text itself is not inserted; the selection, if any, stays as the author wrote it.
    const edit = new vscode.DocumentPasteEdit(document.getText(at), `Paste as timeline entries (${summary(r)})`, PASTE_KIND);
    edit.additionalEdit = workspaceEdit(document.uri, r);
    edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
    return [edit];
  }
}

async function importFiles(request: Request, files: vscode.Uri[] | undefined): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showErrorMessage('Open the post-mortem to import timeline entries into first.');
    return false;
  }
  const picked =
    files ??
    (await vscode.window.showOpenDialog({
      canSelectMany: true,
      openLabel: 'Import',
      title: 'Import timeline entries (Slack export or copied text, PagerDuty, Opsgenie, Alertmanager, git log, timestamped lines)',
    }));
  if (!picked?.length) return false;
  const decoder = new TextDecoder();
  const inputs: ImportTimelineParams['inputs'] = [];
  let users: string | undefined;
  for (const uri of picked) {
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    const name = uri.path.split('/').pop() ?? uri.toString();
    // A Slack export's users.json names the people in its day files.
    if (name === 'users.json') users = text;
    else inputs.push({ name, text });
  }
  const doc = editor.document;
  const r = await request({ uri: doc.uri.toString(), version: doc.version, inputs, ...(users !== undefined ? { users } : {}) });
  if (!r) {
    void vscode.window.showErrorMessage('The language server did not answer; see the Postmortem Author output.');
    return false;
  }
  const problems = [...r.errors.map((e) => `${e.input}: ${e.message}`), ...(r.problem ? [r.problem] : [])];
  if (problems.length) {
    void vscode.window.showErrorMessage(`Nothing imported. ${problems.join('; ')}`);
    return false;
  }
  if (!r.entries.length) {
    void vscode.window.showInformationMessage(`No new timeline entries (${summary(r)}).`);
    return false;
  }
  const detail = [
    ...r.entries.slice(0, 12).map((e) => `${e.time}  ${e.phase ? `[${e.phase}] ` : ''}${e.text}`),
    ...(r.entries.length > 12 ? [`… and ${r.entries.length - 12} more`] : []),
    ...r.unreadable.slice(0, 5).map((u) => `Not read: ${u.input}:${u.line}: ${u.reason}`),
    ...r.skipped.map((s) => `Left out: ${s.count} × ${s.reason}`),
  ].join('\n');
  const insert = `Insert ${r.entries.length}`;
  const pick = await vscode.window.showInformationMessage(`Import ${summary(r)}?`, { modal: true, detail }, insert);
  if (pick !== insert) return false;
  if (doc.version !== r.version) {
    void vscode.window.showWarningMessage('The document changed while importing; run the import again.');
    return false;
  }
  return vscode.workspace.applyEdit(workspaceEdit(doc.uri, r));
}

export function registerImportTimeline(client: LanguageClient, ready: Promise<void>): vscode.Disposable {
  const request: Request = async (params) => {
    await ready;
    if (!client.isRunning()) return null;
    try {
      return await client.sendRequest<ImportTimelineResult | null>(IMPORT_TIMELINE_REQUEST, params);
    } catch (e) {
      client.warn(`${IMPORT_TIMELINE_REQUEST} failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  };
  return vscode.Disposable.from(
    vscode.languages.registerDocumentPasteEditProvider({ language: 'markdown' }, new TimelinePaste(request), {
      providedPasteEditKinds: [PASTE_KIND],
      pasteMimeTypes: ['text/plain'],
    }),
    vscode.commands.registerCommand('postmortem.importTimeline', (files?: vscode.Uri[]) => importFiles(request, Array.isArray(files) ? files : undefined)),
  );
}
