// Entry point of the extension: starts the language client and registers the commands.
// Activation does nothing else; every feature lives in the language server (dist/server.js).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME, createLanguageClient } from './languageClient';
import { registerNewPostmortem } from './newPostmortem';
import { registerPreview } from './preview';
import { registerWorkspaceViews } from './workspaceViews';
import { registerInsights } from './insights';
import { registerImportTimeline } from './importTimeline';

/** What activate() returns; the end-to-end suite reads it through `extension.exports`. */
export interface PostmortemApi {
  /** The running language client (the same instance across restarts). */
  readonly client: LanguageClient;
  /** Resolves once the client has started (or failed to; the failure is in the output channel). */
  readonly ready: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): PostmortemApi {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);

  const languageClient = createLanguageClient(context, outputChannel);
  client = languageClient;
  const ready = start(languageClient, outputChannel);

  const workspaceViews = registerWorkspaceViews(context, languageClient, ready);
  context.subscriptions.push(workspaceViews.disposable, registerInsights(context, languageClient, ready, workspaceViews.index));
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.restartServer', () => restart(languageClient, outputChannel)),
    registerNewPostmortem(languageClient, ready),
    registerPreview(context, languageClient, ready),
    registerImportTimeline(languageClient, ready),
    // Trust granted: restart so the server loads the workspace's .postmortem.yaml.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(languageClient, outputChannel)),
    // Further commands register here, each from its own module.
  );

  return { client: languageClient, ready };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.needsStop()) await c.stop();
}

async function start(c: LanguageClient, out: vscode.LogOutputChannel): Promise<void> {
  try {
    await c.start();
  } catch (e) {
    out.error(`The language server did not start: ${errorText(e)}`);
    void vscode.window.showErrorMessage(`Postmortem Author: the language server did not start (${errorText(e)}).`, 'Show Output').then((pick) => {
      if (pick) out.show();
    });
  }
}

async function restart(c: LanguageClient, out: vscode.LogOutputChannel): Promise<void> {
  out.info('Restarting the language server');
  try {
    if (c.needsStop()) await c.stop();
  } catch (e) {
    out.warn(`Stopping the language server failed: ${errorText(e)}`);
  }
  await start(c, out);
  if (c.isRunning()) void vscode.window.setStatusBarMessage('Postmortem Author: language server restarted', 3000);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
