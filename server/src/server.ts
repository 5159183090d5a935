// The language server: wires LSP requests to the core service. Nothing else lives here.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind, ErrorCodes, ResponseError, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, FIX_ALL_KIND, INSERT_SECTIONS_KIND, DISABLE_IN_WORKSPACE_COMMAND } from './core';
import { loadBuiltinTemplates } from './node/builtinTemplates';
import { WorkspaceConfig } from './node/config';
import { collectGarbage, HEAVY_RUN_MS } from './node/memory';
import { cancellable, type Checkpoint } from './node/cancellation';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NEW_DOCUMENT_REQUEST, RENDER_REQUEST, TEMPLATES_REQUEST, type NewDocumentParams, type NewDocumentResult, type RenderParams, type RenderResponse, type TemplateSummary } from './protocol';
import { renderResponse } from './renderRequest';
import { workspaceIndexing } from './node/workspaceRequests';
import { IMPORT_TIMELINE_REQUEST, type ImportTimelineParams, type ImportTimelineResult } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (m: string) => connection.console.log(m);
const service = createService({ templates: loadBuiltinTemplates(), log });
const workspace = new WorkspaceConfig(connection, service, log);
const indexing = workspaceIndexing(connection, service, documents, log);
// One handler per notification: config files reload the config, markdown files update the index.
connection.onDidChangeWatchedFiles((p) => indexing.filesChanged(p.changes, () => void workspace.reload()));

const input = (doc: TextDocument) => ({ uri: doc.uri, version: doc.version, text: doc.getText() });

connection.onInitialize((params): InitializeResult => {
  workspace.initialize(params);
  indexing.initialize(params);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, INSERT_SECTIONS_KIND] },
      executeCommandProvider: { commands: [DISABLE_IN_WORKSPACE_COMMAND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', '|', ':', '#', '*', '@'] },
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
    },
  };
});
connection.onInitialized(() => {
  indexing.initialized();
  void workspace.initialized(() => documents.all().forEach(validate));
});

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
      // The model first (what completion and hover use), then the rules on the next turn, so a
      // request that arrived meanwhile is answered before them rather than after.
      const snapshot = input(current);
      const started = performance.now();
      safe(() => service.model(snapshot), null);
      setImmediate(() => {
        // Stale: the document changed or closed since; its newer version has its own run queued.
        const stale = () => documents.get(doc.uri)?.version !== snapshot.version;
        if (stale()) return;
        const diagnostics = safe(() => service.diagnostics(snapshot), []);
        if (!stale()) void connection.sendDiagnostics({ uri: snapshot.uri, version: snapshot.version, diagnostics });
        if (!stale()) safe(() => indexing.indexer.documentAnalyzed(current), undefined);
        if (performance.now() - started > HEAVY_RUN_MS) setImmediate(collectGarbage);
      });
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
  indexing.indexer.documentClosed(e.document.uri);
});
workspace.onDidChangeConfig(() => documents.all().forEach((d) => validate(d)));
// The config decides what is a post-mortem and what is a finding: every file is read again.
workspace.onDidChangeConfig(() => indexing.indexer.indexAll());

// Every request is cancellable (see node/cancellation): document requests take the document as
// the request saw it, then stop at a checkpoint before each step of the synchronous core.
type Doc = ReturnType<typeof input>;
const analyzed = (d: Doc): unknown => service.model(d);
async function withDoc<T>(uri: string, fallback: T, checkpoint: Checkpoint, feature: (doc: Doc) => T, steps = [analyzed]): Promise<T> {
  const doc = documents.get(uri);
  if (!doc) return fallback;
  const snapshot = input(doc);
  for (const step of steps) {
    await checkpoint();
    const done = safe(() => {
      step(snapshot);
      return true;
    }, false);
    if (!done) return fallback;
  }
  await checkpoint();
  return safe(() => feature(snapshot), fallback);
}

connection.onCodeAction(
  cancellable((p, checkpoint) =>
    withDoc(p.textDocument.uri, [], checkpoint, (d) => service.codeActions(d, p.range, { diagnostics: p.context.diagnostics, ...(p.context.only ? { only: p.context.only } : {}) }), [
      analyzed,
      (d) => service.diagnostics(d),
    ]),
  ),
);
connection.onExecuteCommand(
  cancellable(async (p, checkpoint) => {
    await checkpoint();
    return workspace.executeCommand(p);
  }),
);

// Authoring: hover, outline, action item ids as links, new document from a template.
connection.onHover(cancellable((p, checkpoint) => withDoc(p.textDocument.uri, null, checkpoint, (d) => service.hover(d, p.position))));
connection.onCompletion(cancellable((p, checkpoint) => withDoc(p.textDocument.uri, [], checkpoint, (d) => service.completions(d, p.position))));
connection.onDocumentSymbol(cancellable((p, checkpoint) => withDoc(p.textDocument.uri, [], checkpoint, (d) => service.symbols(d))));
connection.onDefinition(cancellable((p, checkpoint) => withDoc(p.textDocument.uri, [], checkpoint, (d) => service.definition(d, p.position))));
connection.onReferences(cancellable((p, checkpoint) => withDoc(p.textDocument.uri, [], checkpoint, (d) => service.references(d, p.position, p.context.includeDeclaration))));
connection.onRequest(
  TEMPLATES_REQUEST,
  cancellable(async (_: undefined, checkpoint): Promise<TemplateSummary[]> => {
    await checkpoint();
    return safe(() => service.templates.map((t) => ({ id: t.id, name: t.name, description: t.description })), []);
  }),
);
connection.onRequest(
  NEW_DOCUMENT_REQUEST,
  cancellable(async (p: NewDocumentParams, checkpoint): Promise<NewDocumentResult | ResponseError> => {
    await checkpoint();
    const options = p?.incidentId ? { incidentId: p.incidentId } : {};
    const text = safe(() => service.newDocument(p?.templateId, options), null);
    const snippet = text === null ? null : safe(() => service.newSnippet(p.templateId, options), null);
    if (text !== null) return snippet ? { text, snippet } : { text };
    return new ResponseError(ErrorCodes.InvalidParams, `Unknown template '${String(p?.templateId)}' (templates: ${service.templates.map((t) => t.id).join(', ')})`);
  }),
);

// The preview and Export HTML: rendered here from the server's copy of the document.
const readResource = (url: string, max: number) => {
  try {
    const file = fileURLToPath(url);
    return fs.statSync(file).size <= max ? fs.readFileSync(file) : null;
  } catch {
    return null;
  }
};
connection.onRequest(
  RENDER_REQUEST,
  cancellable((p: RenderParams, checkpoint): Promise<RenderResponse | null> =>
    withDoc(p?.uri, null, checkpoint, (d) => renderResponse(service, d, p, readResource), [analyzed, (d) => service.model(d).isPostmortem && service.diagnostics(d)]),
  ),
);

// Timeline import (paste and the import command): insert-only edits for the server's copy of the document.
connection.onRequest(
  IMPORT_TIMELINE_REQUEST,
  cancellable((p: ImportTimelineParams, checkpoint): Promise<ImportTimelineResult | null> =>
    withDoc(p?.uri, null, checkpoint, (d) => ({
      ...service.timelineImport(d, Array.isArray(p.inputs) ? p.inputs : [], {
        ...(typeof p.users === 'string' ? { users: p.users } : {}),
        ...(typeof p.line === 'number' ? { line: p.line } : {}),
      }),
      version: d.version,
    })),
  ),
);

documents.listen(connection);
connection.listen();
