// Template and config files: YAML text -> validated spec, with every problem reported at its
// exact place in the file. Pure (no fs): callers read the text. Never throws.
import { LineCounter, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { ConfigSpec, TemplateSpec, type Config } from './schema';

export interface TemplateError {
  file: string;
  /** Where in the data, e.g. `sections[3].level` ('' for the whole document). */
  path: string;
  message: string;
  /** 0-based line and character of that path in the file; 0,0 when unknown. */
  line: number;
  character: number;
}

type PathKey = string | number;

/** `sections[3].level`, `rules["no-blame"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (typeof k === 'string' && /^[A-Za-z_$][\w$]*$/.test(k)) out += out ? `.${k}` : k;
    else out += `[${JSON.stringify(String(k))}]`;
  }
  return out;
}

interface Parsed {
  doc: Document.Parsed | null;
  lines: LineCounter;
  value: unknown;
  errors: TemplateError[];
}

function parseYaml(text: string, file: string): Parsed {
  const lines = new LineCounter();
  const errors: TemplateError[] = [];
  let doc: Document.Parsed | null = null;
  let value: unknown = undefined;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    for (const e of doc.errors) {
      const at = lines.linePos(e.pos[0]);
      errors.push({
        file,
        path: '',
        message: `invalid YAML: ${firstLine(e.message)}`,
        line: at.line - 1,
        character: at.col - 1,
      });
    }
    if (!doc.errors.length) value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    errors.push({ file, path: '', message: `invalid YAML: ${firstLine((e as Error).message)}`, line: 0, character: 0 });
  }
  return { doc, lines, value, errors };
}

const firstLine = (s: string) => s.split('\n')[0]!.trim();

/** The YAML node at a data path, or the nearest ancestor that exists. */
function nodeAt(doc: Document.Parsed | null, path: readonly PathKey[]): { node: YamlNode | null; depth: number } {
  let node: unknown = doc?.contents ?? null;
  let depth = 0;
  for (const key of path) {
    const next = childOf(node, key);
    if (!next) break;
    node = next;
    depth++;
  }
  return { node: isNode(node) ? node : null, depth };
}

function childOf(node: unknown, key: PathKey): YamlNode | null {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && scalarKey(p.key) === String(key));
    return pair && isNode(pair.value) ? pair.value : pair && isNode(pair.key) ? pair.key : null;
  }
  if (isSeq(node) && typeof key === 'number') {
    const item = node.items[key];
    return isNode(item) ? item : null;
  }
  return null;
}

/** The key node of `key` in a map (for unknown keys, which have no schema path of their own). */
function keyNodeOf(node: unknown, key: string): YamlNode | null {
  if (!isMap(node)) return null;
  const pair = node.items.find((p) => isPair(p) && scalarKey(p.key) === key);
  return pair && isNode(pair.key) ? pair.key : null;
}

function scalarKey(k: unknown): string | null {
  if (isScalar(k)) return String(k.value);
  if (k === null || k === undefined) return null;
  return typeof k === 'object' ? null : String(k);
}

function position(lines: LineCounter, node: YamlNode | null): { line: number; character: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 0, character: 0 };
  const at = lines.linePos(offset);
  return { line: at.line - 1, character: at.col - 1 };
}

/** zod issues -> positioned errors; `prefix` is the data path of the validated value in the file. */
function issuesToErrors(issues: readonly z.core.$ZodIssue[], parsed: Parsed, file: string, prefix: readonly PathKey[] = []): TemplateError[] {
  const out: TemplateError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathKey[])];
    if (issue.code === 'unrecognized_keys') {
      const { node: parent } = nodeAt(parsed.doc, path);
      for (const key of issue.keys) {
        const keyNode = keyNodeOf(parent, key);
        out.push({ file, path: formatPath([...path, key]), message: `unknown key '${key}'`, ...position(parsed.lines, keyNode ?? parent) });
      }
      continue;
    }
    const { node, depth } = nodeAt(parsed.doc, path);
    const input = valueAt(parsed.value, path);
    let message = describeIssue(issue, input.found ? input.value : undefined);
    if (depth < path.length && !input.found && issue.code === 'invalid_type') {
      message = `missing required key '${String(path[path.length - 1])}'`;
    }
    out.push({ file, path: formatPath(path), message, ...position(parsed.lines, node) });
  }
  return out.sort((a, b) => a.line - b.line || a.character - b.character);
}

function valueAt(value: unknown, path: readonly PathKey[]): { found: boolean; value: unknown } {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return { found: false, value: undefined };
    v = (v as Record<PathKey, unknown>)[k];
  }
  return { found: true, value: v };
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      if (issue.origin === 'number') return `must be at most ${String(issue.maximum)}`;
      return issue.message;
    case 'too_small':
      if (issue.origin === 'number') return `must be at least ${String(issue.minimum)}`;
      if (issue.origin === 'array' && Number(issue.minimum) === 1) return 'must not be empty';
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return issue.message;
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(input)}`;
    default:
      return issue.message;
  }
}

const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false' };

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

/** Parse and validate one template file. */
export function parseTemplate(text: string, file: string): { template: TemplateSpec | null; errors: TemplateError[] } {
  try {
    const parsed = parseYaml(text, file);
    if (parsed.errors.length) return { template: null, errors: parsed.errors };
    if (parsed.value === null || parsed.value === undefined) {
      return {
        template: null,
        errors: [{ file, path: '', message: 'empty template: expected a mapping with id, name, titlePattern, severity, sections, timeline and actionItems', line: 0, character: 0 }],
      };
    }
    const result = TemplateSpec.safeParse(parsed.value);
    if (!result.success) return { template: null, errors: issuesToErrors(result.error.issues, parsed, file) };
    return { template: result.data, errors: [] };
  } catch (e) {
    return { template: null, errors: [{ file, path: '', message: `cannot read template: ${(e as Error).message}`, line: 0, character: 0 }] };
  }
}

/**
 * Parse and validate a config file (`.postmortem.yaml`). Every problem is reported; the config
 * returned is always valid: the defaults, plus every part of the file that is valid on its own
 * (a valid top-level key, each valid entry of `files`/`rules`, each valid template).
 */
export function parseConfig(text: string, file: string): { config: Config; errors: TemplateError[] } {
  const defaults = (): Config => ConfigSpec.parse({});
  try {
    const parsed = parseYaml(text, file);
    if (parsed.errors.length) return { config: defaults(), errors: parsed.errors };
    const value = parsed.value;
    // An empty file is an empty config.
    if (value === null || value === undefined) return { config: defaults(), errors: [] };
    const result = ConfigSpec.safeParse(value);
    if (result.success) return { config: result.data, errors: [] };
    const errors = issuesToErrors(result.error.issues, parsed, file);
    return { config: salvage(value), errors };
  } catch (e) {
    return { config: defaults(), errors: [{ file, path: '', message: `cannot read config: ${(e as Error).message}`, line: 0, character: 0 }] };
  }
}

/** Keep whatever parts of an invalid config are valid on their own. */
function salvage(value: unknown): Config {
  const kept: Record<string, unknown> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = ConfigSpec.shape as Record<string, z.ZodType>;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const schema = shape[key];
      if (!schema) continue;
      if (schema.safeParse(v).success) {
        kept[key] = v;
        continue;
      }
      if (key === 'files' && Array.isArray(v)) kept[key] = v.filter((x) => typeof x === 'string');
      else if (key === 'templates' && Array.isArray(v)) kept[key] = v.filter((t) => TemplateSpec.safeParse(t).success);
      else if (key === 'rules' && v && typeof v === 'object' && !Array.isArray(v)) {
        const rule = ConfigSpec.shape.rules.unwrap().valueType;
        kept[key] = Object.fromEntries(Object.entries(v).filter(([, s]) => rule.safeParse(s).success));
      }
    }
  }
  const result = ConfigSpec.safeParse(kept);
  return result.success ? result.data : ConfigSpec.parse({});
}
