// "Postmortem: New Post-Mortem…": pick a template (built-in or from .postmortem.yaml), then open
// an untitled markdown document with the new post-mortem. The server builds the text.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  NEW_DOCUMENT_REQUEST,
  TEMPLATES_REQUEST,
  type NewDocumentParams,
  type NewDocumentResult,
  type TemplateSummary,
} from '../../server/src/protocol';

export const NEW_POSTMORTEM_COMMAND = 'postmortem.newPostmortem';

export function registerNewPostmortem(client: LanguageClient, ready: Promise<void>): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_POSTMORTEM_COMMAND, async () => {
    await ready;
    if (!client.isRunning()) {
      void vscode.window.showErrorMessage('Postmortem Author: the language server is not running.');
      return;
    }
    try {
      const templates = await client.sendRequest<TemplateSummary[]>(TEMPLATES_REQUEST);
      const pick = await vscode.window.showQuickPick(
        templates.map((t) => ({ label: t.name, description: t.id, detail: t.description, id: t.id })),
        { title: 'New Post-Mortem', placeHolder: 'Template', matchOnDescription: true, matchOnDetail: true },
      );
      if (!pick) return;
      const params: NewDocumentParams = { templateId: pick.id };
      const { text } = await client.sendRequest<NewDocumentResult>(NEW_DOCUMENT_REQUEST, params);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await vscode.window.showTextDocument(doc);
    } catch (e) {
      void vscode.window.showErrorMessage(`Postmortem Author: could not create a post-mortem (${e instanceof Error ? e.message : String(e)}).`);
    }
  });
}
