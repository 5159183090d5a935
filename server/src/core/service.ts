// The engine as a service over text: what the language server, the CLI and the tests call.
import type { TextEdit, CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, Position, Range } from 'vscode-languageserver-types';
import { buildModel, type DocumentInput } from './model/build';
import type { Postmortem } from './model/types';
import type { BlockCache } from './parse/document';
import { ConfigSpec, type Config, type TemplateSpec } from './template/schema';
import { RULES } from './rules';
import type { Rule, RuleContext } from './rules/rule';
import { runRules } from './diagnose';
import { codeActions, fixAllEdits, type CodeActionRequest } from './actions';
import { applyTextEdits, diffEdit } from './textEdits';
import { render, type RenderOptions, type RenderResult } from './render';
import { hover } from './hover';
import { documentSymbols } from './symbols';
import { definition, references } from './navigation';
import { newDocument } from './newDocument';
import { toSnippet, vocabularyStops } from './newSnippet';
import { complete } from './completion';
import { EngineState, within } from './state';
import { forgetPieces } from './render/pieces';
import { importTimeline, type ImportInput, type ImportOptions, type ImportResult } from './import';
import { summarize, type PostmortemSummary } from './workspace/summary';

export type { DocumentInput };

export interface ServiceOptions {
  templates: TemplateSpec[];
  config?: Config;
  /** Today's date (YYYY-MM-DD); injectable for tests. */
  today?: () => string;
  /** The clock for completion's "now" (epoch ms); injectable for tests. */
  now?: () => number;
  log?: (message: string) => void;
  /** The rules to run (all of them unless a test narrows it). */
  rules?: Rule[];
}

/** The engine's facade. A request is named for what it answers (`diagnostics`, `hover`, `preview`);
 *  only what changes the service is a verb (`configure`, `forget`, `dispose`). */
export interface PostmortemService {
  model(doc: DocumentInput): Postmortem;
  diagnostics(doc: DocumentInput): Diagnostic[];
  codeActions(doc: DocumentInput, range: Range, request: CodeActionRequest): CodeAction[];
  /** The preview / exported report; the problem count comes from diagnostics(). */
  preview(doc: DocumentInput, options: RenderOptions): RenderResult;
  configure(templates: TemplateSpec[], config: Config): void;
  /** Frees what is kept for a document (its model, its preview pieces). */
  forget(uri: string): void;
  /** Frees everything this service keeps; it stays usable and starts cold. */
  dispose(): void;
  readonly templates: TemplateSpec[];
  readonly config: Config;
  context(doc: DocumentInput): RuleContext;
  /** The document as the workspace views and `postmortem report` list it; null for other markdown. */
  summary(doc: DocumentInput): PostmortemSummary | null;
  hover(doc: DocumentInput, pos: Position): Hover | null;
  completions(doc: DocumentInput, pos: Position): CompletionItem[];
  symbols(doc: DocumentInput): DocumentSymbol[];
  definition(doc: DocumentInput, pos: Position): Location[];
  references(doc: DocumentInput, pos: Position, includeDeclaration?: boolean): Location[];
  /** Timeline entries from Slack, PagerDuty, Opsgenie, Alertmanager, git or timestamped lines, as
   *  insert-only edits in the document's own timeline shape, with a preview. */
  timelineImport(doc: DocumentInput, inputs: ImportInput[], options?: ImportOptions): ImportResult;
  /** A new post-mortem from a template; null for an unknown template id. */
  newDocument(templateId: string, options?: { today?: string; incidentId?: string }): string | null;
  /** The same document as a snippet: tab stops through what is left to fill, choices for fixed vocabularies. */
  newSnippet(templateId: string, options?: { today?: string; incidentId?: string }): string | null;
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function createService(options: ServiceOptions): PostmortemService {
  let templates = mergeTemplates(options.templates, options.config);
  let config = options.config ?? ConfigSpec.parse({});
  const today = options.today ?? localToday;
  const log = options.log ?? (() => undefined);
  const loggedFailures = new Set<string>();
  // Caches and memos of the engine's modules (state.ts): this service's own, freed by dispose().
  const engine = new EngineState();
  // Per document: the last model (by version) and its block cache, for incremental reuse.
  const state = new Map<string, { version: number; text: string; model: Postmortem; cache: BlockCache; diagnostics?: Diagnostic[] }>();

  const analyze = (doc: DocumentInput): Postmortem => {
    const prev = state.get(doc.uri);
    if (prev && prev.version === doc.version && prev.text === doc.text) return prev.model;
    const { model, cache } = buildModel(doc, templates, config, prev?.cache, prev?.model);
    state.set(doc.uri, { version: doc.version, text: doc.text, model, cache });
    return model;
  };
  /** Authoring requests answer nothing rather than throw. */
  const guard = <T>(what: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (e) {
      log(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
  /** The values of every template's id fields (Incident ID …) in the documents held here. */
  const incidentIds = (): string[] => {
    const keys = new Set(templates.flatMap((t) => t.sections.flatMap((s) => s.fields.filter((f) => f.type === 'id').flatMap((f) => [f.key, ...f.aliases]))).map((k) => k.toLowerCase()));
    return [...state.values()].flatMap((e) => e.model.fields.filter((f) => keys.has(f.key.toLowerCase())).map((f) => f.raw));
  };
  const context = (doc: DocumentInput): RuleContext => {
    const model = analyze(doc);
    return { model, template: templates.find((t) => t.id === model.templateId) ?? null, config, today: today(), incidentIds };
  };

  /**
   * One fix can change what another computes (an inserted timeline section states a zone, which
   * changes a computed duration), so fix-all runs to a fixpoint: then applying it twice equals
   * applying it once. When a second pass was needed, the result is one edit spanning the change.
   */
  const settleFixAll = (doc: DocumentInput, rule?: string): TextEdit[] => {
    const scratch = `${doc.uri}#fix-all`;
    const edits = fixAllEdits(context(doc), service.diagnostics(doc), rule);
    let text = applyTextEdits(doc.text, edits);
    let passes = 0;
    try {
      for (; passes < 4; passes++) {
        const next = { uri: scratch, version: passes + 1, text };
        const more = fixAllEdits(context(next), service.diagnostics(next), rule);
        const changed = applyTextEdits(text, more);
        if (changed === text) break;
        text = changed;
      }
    } finally {
      state.delete(scratch);
    }
    return passes === 0 ? edits : [diffEdit(doc.text, text)];
  };

  const service: PostmortemService = {
    model: analyze,
    context,
    diagnostics(doc) {
      const ctx = context(doc);
      const entry = state.get(doc.uri)!;
      if (entry.diagnostics) return entry.diagnostics;
      entry.diagnostics = runRules(options.rules ?? RULES, ctx, (rule, e) => {
        if (loggedFailures.has(rule)) return;
        loggedFailures.add(rule);
        log(`rule ${rule} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      });
      return entry.diagnostics;
    },
    summary(doc) {
      // Here rather than in the index so the summary's zone look-ups use this service's memos.
      const { model, today, template } = context(doc);
      return summarize(model, model.isPostmortem ? service.diagnostics(doc) : [], today, template);
    },
    codeActions(doc, range, request) {
      const all = this.diagnostics(doc);
      // Settled once per request: the document action and a rule's action may both ask.
      const settled = new Map<string, TextEdit[]>();
      const fixAll = (rule?: string) => {
        const key = rule ?? '';
        if (!settled.has(key)) settled.set(key, settleFixAll(doc, rule));
        return settled.get(key)!;
      };
      return codeActions(context(doc), range, request, all, fixAll);
    },
    preview(doc, options) {
      const ctx = context(doc);
      return render(ctx, { ...options, diagnostics: ctx.model.isPostmortem ? this.diagnostics(doc) : [] });
    },
    configure(t, c) {
      config = c;
      templates = mergeTemplates(t, c);
      state.clear();
    },
    forget(uri) {
      state.delete(uri);
      forgetPieces(uri);
    },
    dispose() {
      state.clear();
      engine.dispose();
    },
    hover: (doc, pos) => guard('hover', () => hover(context(doc), pos), null),
    completions: (doc, pos) => complete(context(doc), pos, options.now ? { now: options.now } : {}),
    symbols: (doc) => guard('symbols', () => documentSymbols(analyze(doc)), []),
    definition: (doc, pos) => guard('definition', () => definition(analyze(doc), pos), []),
    references: (doc, pos, includeDeclaration = true) => guard('references', () => references(analyze(doc), pos, includeDeclaration), []),
    timelineImport(doc, inputs, opts = {}) {
      const ctx = context(doc);
      const scratch = `${doc.uri}#import`;
      try {
        return importTimeline(ctx.model, ctx.template, inputs, { today: today(), ...opts }, (text) => analyze({ uri: scratch, version: 1, text }));
      } finally {
        state.delete(scratch);
      }
    },
    newDocument(templateId, opts = {}) {
      const template = templates.find((t) => t.id === templateId);
      if (!template) return null;
      const text = newDocument(template, { today: opts.today ?? today(), ...(opts.incidentId ? { incidentId: opts.incidentId } : {}) });
      // Headings alone may point at another template (a custom one close to a built-in): say which.
      const { model } = buildModel({ uri: 'untitled:new-postmortem.md', version: 0, text }, templates, config);
      return !config.enable || model.templateId === templateId ? text : `---\ntemplate: ${templateId}\n---\n\n${text}`;
    },
    newSnippet(templateId, opts = {}) {
      const text = service.newDocument(templateId, opts);
      const template = templates.find((t) => t.id === templateId);
      if (text === null || !template) return null;
      const doc = { uri: `untitled:new-postmortem-snippet-${templateId}.md`, version: 0, text };
      try {
        const ctx = context(doc);
        const found = service.diagnostics(doc).filter((d) => d.code === 'placeholder' && d.range.start.line === d.range.end.line);
        const stops = [...vocabularyStops(ctx.model, template), ...found.map((d) => ({ line: d.range.start.line, start: d.range.start.character, end: d.range.end.character }))];
        return toSnippet(text, stops);
      } finally {
        state.delete(doc.uri);
      }
    },
    get templates() {
      return templates;
    },
    get config() {
      return config;
    },
  };
  return runningIn(engine, service);
}

/** Every method of `service` runs with `state` as the engine's memory. */
function runningIn<T extends object>(state: EngineState, service: T): T {
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(service))) {
    const method: unknown = d.value;
    if (typeof method !== 'function') continue;
    const run = function (this: unknown, ...args: unknown[]): unknown {
      return within(state, () => method.apply(this, args));
    };
    Object.defineProperty(service, name, { ...d, value: run });
  }
  return service;
}

/** Custom templates from the config win over built-ins with the same id. */
function mergeTemplates(builtins: TemplateSpec[], config: Config | undefined): TemplateSpec[] {
  const custom = config?.templates ?? [];
  return [...custom, ...builtins.filter((b) => !custom.some((c) => c.id === b.id))];
}
