// The language server: wires LSP requests to the core service. Nothing else lives here.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService } from './core/service';
import { FIX_ALL_KIND, INSERT_SECTIONS_KIND, DISABLE_IN_WORKSPACE_COMMAND } from './core/actions';
import { loadBuiltinTemplates } from './node/builtinTemplates';
import { Workspace } from './node/workspace';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (m: string) => connection.console.log(m);
const service = createService({ templates: loadBuiltinTemplates(), log });
const workspace = new Workspace(connection, service, log);

const input = (doc: TextDocument) => ({ uri: doc.uri, version: doc.version, text: doc.getText() });

connection.onInitialize((params): InitializeResult => {
  workspace.initialize(params);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, INSERT_SECTIONS_KIND] },
      executeCommandProvider: { commands: [DISABLE_IN_WORKSPACE_COMMAND] },
    },
  };
});
connection.onInitialized(() => void workspace.initialized(() => documents.all().forEach(validate)));

// Debounced per document so a burst of keystrokes costs one analysis.
const pending = new Map<string, ReturnType<typeof setTimeout>>();
function validate(doc: TextDocument, delay = 0): void {
  clearTimeout(pending.get(doc.uri));
  pending.set(
    doc.uri,
    setTimeout(() => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      const diagnostics = safe(() => service.diagnose(input(current)), []);
      void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    }, delay),
  );
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    log(`request failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return fallback;
  }
}

documents.onDidOpen((e) => validate(e.document));
documents.onDidChangeContent((e) => validate(e.document, 150));
documents.onDidClose((e) => {
  service.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});
workspace.onDidChangeConfig(() => documents.all().forEach((d) => validate(d)));

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return safe(() => service.codeActions(input(doc), params.range, { diagnostics: params.context.diagnostics, ...(params.context.only ? { only: params.context.only } : {}) }), []);
});
connection.onExecuteCommand((params) => workspace.executeCommand(params));

documents.listen(connection);
connection.listen();
