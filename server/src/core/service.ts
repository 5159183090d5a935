// The engine as a service over text: what the language server, the CLI and the tests call.
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { buildModel, type DocumentInput } from './model/build';
import type { Postmortem } from './model/types';
import type { BlockCache } from './parse/document';
import { ConfigSpec, type Config, type TemplateSpec } from './template/schema';
import { RULES } from './rules';
import type { RuleContext } from './rules/rule';
import { runRules } from './diagnose';
import { codeActions, type CodeActionRequest } from './actions';

export type { DocumentInput };

export interface ServiceOptions {
  templates: TemplateSpec[];
  config?: Config;
  /** Today's date (YYYY-MM-DD); injectable for tests. */
  today?: () => string;
  log?: (message: string) => void;
}

export interface PostmortemService {
  analyze(doc: DocumentInput): Postmortem;
  diagnose(doc: DocumentInput): Diagnostic[];
  codeActions(doc: DocumentInput, range: Range, request: CodeActionRequest): CodeAction[];
  configure(templates: TemplateSpec[], config: Config): void;
  forget(uri: string): void;
  readonly templates: TemplateSpec[];
  readonly config: Config;
  context(doc: DocumentInput): RuleContext;
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
  // Per document: the last model (by version) and its block cache, for incremental reuse.
  const state = new Map<string, { version: number; text: string; model: Postmortem; cache: BlockCache; diagnostics?: Diagnostic[] }>();

  const analyze = (doc: DocumentInput): Postmortem => {
    const prev = state.get(doc.uri);
    if (prev && prev.version === doc.version && prev.text === doc.text) return prev.model;
    const { model, cache } = buildModel(doc, templates, config, prev?.cache);
    state.set(doc.uri, { version: doc.version, text: doc.text, model, cache });
    return model;
  };
  const context = (doc: DocumentInput): RuleContext => {
    const model = analyze(doc);
    return { model, template: templates.find((t) => t.id === model.templateId) ?? null, config, today: today() };
  };

  return {
    analyze,
    context,
    diagnose(doc) {
      const ctx = context(doc);
      const entry = state.get(doc.uri)!;
      if (entry.diagnostics) return entry.diagnostics;
      entry.diagnostics = runRules(RULES, ctx, (rule, e) => {
        if (loggedFailures.has(rule)) return;
        loggedFailures.add(rule);
        log(`rule ${rule} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      });
      return entry.diagnostics;
    },
    codeActions(doc, range, request) {
      const ctx = context(doc);
      return codeActions(ctx, range, request, this.diagnose(doc));
    },
    configure(t, c) {
      config = c;
      templates = mergeTemplates(t, c);
      state.clear();
    },
    forget(uri) {
      state.delete(uri);
    },
    get templates() {
      return templates;
    },
    get config() {
      return config;
    },
  };
}

/** Custom templates from the config win over built-ins with the same id. */
function mergeTemplates(builtins: TemplateSpec[], config: Config | undefined): TemplateSpec[] {
  const custom = config?.templates ?? [];
  return [...custom, ...builtins.filter((b) => !custom.some((c) => c.id === b.id))];
}
