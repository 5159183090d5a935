// "Postmortem: New Post-Mortem…": pick a template (built-in or from .postmortem.yaml), then open
// an untitled markdown document with the new post-mortem, inserted as a snippet. The server builds it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NEW_DOCUMENT_REQUEST, TEMPLATES_REQUEST, type NewDocumentParams, type NewDocumentResult, type TemplateSummary } from '../../server/src/protocol';

export const NEW_POSTMORTEM_COMMAND = 'postmortem.newPostmortem';

export function registerNewPostmortem(client: LanguageClient, ready: Promise<void>): vscode.Disposable {
  // A template id as argument (a keybinding's `args`, or a test) skips the pick.
  return vscode.commands.registerCommand(NEW_POSTMORTEM_COMMAND, async (templateId?: unknown) => {
    await ready;
    if (!client.isRunning()) {
      void vscode.window.showErrorMessage('Postmortem Author: the language server is not running.');
      return;
    }
    try {
      const templates = await client.sendRequest<TemplateSummary[]>(TEMPLATES_REQUEST);
      const given = typeof templateId === 'string' ? templates.find((t) => t.id === templateId) : undefined;
      const pick = given
        ? { id: given.id }
        : await vscode.window.showQuickPick(
            templates.map((t) => ({ label: t.name, description: t.id, detail: t.description, id: t.id })),
            { title: 'New Post-Mortem', placeHolder: 'Template', matchOnDescription: true, matchOnDetail: true },
          );
      if (!pick) return;
      const params: NewDocumentParams = { templateId: pick.id };
      const { text, snippet } = await client.sendRequest<NewDocumentResult>(NEW_DOCUMENT_REQUEST, params);
      if (!snippet) {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: text }));
        return;
      }
      // As a snippet: Tab walks through the fields to fill, severity and status offer their values.
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown' }));
      await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
    } catch (e) {
      void vscode.window.showErrorMessage(`Postmortem Author: could not create a post-mortem (${e instanceof Error ? e.message : String(e)}).`);
    }
  });
}
