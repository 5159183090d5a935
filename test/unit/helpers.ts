// Shared by unit tests: a service over the built-in templates with a fixed "today".
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createService, type PostmortemService } from '../../server/src/core/service';
import { loadBuiltinTemplates } from '../../server/src/node/builtinTemplates';
import type { Config } from '../../server/src/core/template/schema';

export const ROOT = path.resolve(__dirname, '../..');
export const TODAY = '2026-11-26';
export const TEMPLATE_IDS = ['classic', 'standard', 'report', 'detailed', 'sev'] as const;

const templates = loadBuiltinTemplates();

export function service(config?: Config): PostmortemService {
  return createService({ templates, ...(config ? { config } : {}), today: () => TODAY });
}

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', rel), 'utf8');
}

/** The text of every markdown fixture, in every folder under test/fixtures. */
export function fixtureTexts(): string[] {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
  return files(path.join(ROOT, 'test', 'fixtures')).map((f) => fs.readFileSync(f, 'utf8'));
}

export function doc(text: string, uri = 'file:///ws/doc.md', version = 1) {
  return { uri, version, text };
}
