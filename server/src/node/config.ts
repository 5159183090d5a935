// Configuration from VS Code settings and the workspace's .postmortem.yaml, merged and
// validated; an invalid file gets diagnostics at the exact place and the defaults apply.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DidChangeConfigurationNotification, type Connection, type ExecuteCommandParams, type InitializeParams } from 'vscode-languageserver/node';
import { parseDocument as parseYamlDocument, isMap } from 'yaml';
import { ConfigSpec, parseConfig, type Config, type PostmortemService } from '../core';
import { loadBuiltinTemplates } from './builtinTemplates';

export const CONFIG_FILE = '.postmortem.yaml';

export class WorkspaceConfig {
  private roots: string[] = [];
  private canConfigure = false;
  /** Restricted Mode: the workspace's own config file (with custom regexes) is not loaded. */
  private trusted = true;
  private listeners: (() => void)[] = [];
  private templates = loadBuiltinTemplates();

  constructor(
    private connection: Connection,
    private service: PostmortemService,
    private log: (m: string) => void,
  ) {
    connection.onDidChangeConfiguration(() => void this.reload());
    connection.onDidChangeWatchedFiles(() => void this.reload());
  }

  initialize(params: InitializeParams): void {
    this.roots = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []);
    this.canConfigure = !!params.capabilities.workspace?.configuration;
    this.trusted = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted !== false;
  }

  async initialized(then: () => void): Promise<void> {
    if (this.canConfigure) void this.connection.client.register(DidChangeConfigurationNotification.type, undefined);
    await this.reload();
    then();
  }

  onDidChangeConfig(listener: () => void): void {
    this.listeners.push(listener);
  }

  async reload(): Promise<void> {
    const settings = await this.settings();
    const file = this.readFile();
    const config = ConfigSpec.parse({});
    Object.assign(config, settings, file ?? {});
    config.rules = { ...(settings.rules ?? {}), ...(file?.rules ?? {}) };
    this.service.configure(this.templates, config);
    this.listeners.forEach((l) => l());
  }

  private async settings(): Promise<Partial<Config>> {
    if (!this.canConfigure) return {};
    try {
      const raw = (await this.connection.workspace.getConfiguration('postmortem')) as Record<string, unknown> | null;
      const { config, problems } = settingsConfig(raw ?? {});
      if (problems.length) this.log(`ignoring invalid postmortem.* settings (the others apply): ${problems.join('; ')}`);
      return config;
    } catch (e) {
      this.log(`could not read settings: ${String(e)}`);
      return {};
    }
  }

  private configPath(): string | null {
    for (const root of this.roots) {
      if (!root.startsWith('file:')) continue;
      return path.join(fileURLToPath(root), CONFIG_FILE);
    }
    return null;
  }

  /** The config file's options (only those it sets), publishing its problems as diagnostics. */
  private readFile(): Partial<Config> | null {
    const file = this.configPath();
    if (!file || !this.trusted) return null;
    const uri = pathToFileURL(file).toString();
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return null;
    }
    const { config, errors } = parseConfig(text, file);
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: errors.map((e) => ({
        range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character + 1 } },
        severity: DiagnosticSeverity.Error,
        source: 'postmortem',
        code: 'invalid-config',
        message: `${e.path ? e.path + ': ' : ''}${e.message} (defaults apply)`,
      })),
    });
    const doc = parseYamlDocument(text);
    const setKeys = isMap(doc.contents) ? doc.contents.items.map((i) => String((i.key as { value?: unknown })?.value ?? i.key)) : [];
    return Object.fromEntries(Object.entries(config).filter(([k]) => setKeys.includes(k))) as Partial<Config>;
  }

  /** "Disable rule X in the workspace config": set rules.X: off in .postmortem.yaml. */
  async executeCommand(params: ExecuteCommandParams): Promise<void> {
    const code = params.arguments?.[1];
    const file = this.configPath();
    if (typeof code !== 'string' || !file) return;
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      text = '';
    }
    const doc = parseYamlDocument(text || '{}');
    if (doc.errors.length) {
      void this.connection.window.showErrorMessage(`${CONFIG_FILE} has errors; fix them before disabling rules from the editor.`);
      return;
    }
    doc.setIn(['rules', code], 'off');
    const newText = doc.toString();
    const uri = pathToFileURL(file).toString();
    const lines = text.split('\n');
    await this.connection.workspace.applyEdit({
      documentChanges: text
        ? [{ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, newText }] }]
        : [
            { kind: 'create', uri, options: { ignoreIfExists: true } },
            { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText }] },
          ],
    });
    await this.reload();
  }
}

/** Contributed settings that only the VS Code client reads (`postmortem.trace.server`, the Problems opt-in). */
const CLIENT_SETTINGS = new Set(['trace', 'workspaceProblems']);

/**
 * The config options among the `postmortem.*` settings. VS Code hands the whole section: every
 * contributed setting (nulls or "" for unset ones) and the client's own, which are not options of the
 * strict config. Each option is checked on its own, so one wrong setting does not drop the others.
 */
export function settingsConfig(raw: Record<string, unknown>): { config: Partial<Config>; problems: string[] } {
  const shape = ConfigSpec.shape;
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined || value === '' || CLIENT_SETTINGS.has(key)) continue;
    const field = Object.hasOwn(shape, key) ? shape[key as keyof typeof shape] : undefined;
    if (!field) {
      problems.push(`postmortem.${key} is not a setting`);
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) config[key] = parsed.data;
    else problems.push(`postmortem.${key}: ${parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join(', ')}`);
  }
  return { config: config as Partial<Config>, problems };
}
