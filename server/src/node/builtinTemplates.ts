// The five built-in templates, read from schemas/templates/*.yaml next to the extension.
// The folder is found by walking up from this file, so it works from the sources (tsx, tests)
// and from the bundle in dist/.
import fs from 'node:fs';
import path from 'node:path';
import { parseTemplate, type TemplateSpec } from '../core';

/** Built-ins come first in this order (the seed order); any other file follows by name. */
const ORDER = ['classic', 'standard', 'report', 'detailed', 'sev'];

/** The `schemas/templates` folder, searched from `from` up to the file-system root. */
export function findBuiltinTemplatesDir(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, 'schemas', 'templates');
    if (isDir(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Postmortem Author: no schemas/templates folder found above ${from}`);
    dir = parent;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

let cache: { dir: string; templates: TemplateSpec[] } | null = null;

/**
 * Read and validate every built-in template. Throws an Error naming the file, line, path and
 * problem when one is invalid (a built-in must always be valid: this is a packaging bug).
 */
export function loadBuiltinTemplates(dir: string = findBuiltinTemplatesDir()): TemplateSpec[] {
  if (cache?.dir === dir) return cache.templates;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (!files.length) throw new Error(`Postmortem Author: no built-in templates in ${dir}`);
  const templates: TemplateSpec[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const { template, errors } = parseTemplate(fs.readFileSync(file, 'utf8'), file);
    for (const e of errors) problems.push(`${e.file}:${e.line + 1}:${e.character + 1}: ${e.path ? `${e.path}: ` : ''}${e.message}`);
    if (!template) continue;
    const base = path.basename(name, path.extname(name));
    if (template.id !== base) problems.push(`${file}:1:1: id: template id '${template.id}' does not match the file name '${name}'`);
    if (templates.some((t) => t.id === template.id)) problems.push(`${file}:1:1: id: duplicate template id '${template.id}'`);
    templates.push(template);
  }
  if (problems.length) throw new Error(`Postmortem Author: invalid built-in template:\n${problems.join('\n')}`);
  cache = { dir, templates };
  return templates;
}

function rank(file: string): number {
  const i = ORDER.indexOf(path.basename(file, path.extname(file)));
  return i < 0 ? ORDER.length : i;
}
