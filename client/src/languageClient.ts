// Creates the language client that runs dist/server.js (the bundled language server) in a
// Node child process and talks LSP to it over IPC.
import * as vscode from 'vscode';
import { outlineMiddleware } from './outline';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const CLIENT_ID = 'postmortem';
export const CLIENT_NAME = 'Postmortem Author';

/** Markdown files on disk and unsaved markdown editors; the server decides which are post-mortems. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    middleware: { ...outlineMiddleware },
    // In Restricted Mode the server ignores the workspace's .postmortem.yaml.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    synchronize: {
      // Workspace config files: the server re-reads them when they change.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.postmortem.{yaml,yml}'),
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
