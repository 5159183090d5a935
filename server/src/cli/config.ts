// The service the CLI runs: built-in templates plus the workspace config, as in the editor.
import { ConfigSpec, createService, parseConfig, type Config, type PostmortemService, type Rule } from '../core';
import { loadBuiltinTemplates } from '../node/builtinTemplates';
import { findConfigFile, readText } from '../node/files';

/** --config FILE, else .postmortem.yaml in the working folder or a parent; null when there is none. */
export const configFileFor = (given: string | null): string | null => given ?? findConfigFile(process.cwd());

/**
 * The service for a config file (null: defaults). Problems go to `err`; `ok` is false only when a
 * file given with --config cannot be read (a found one that breaks leaves the defaults).
 */
export function loadService(file: string | null, given: boolean, err: (s: string) => void, options: { rules?: (config: Config) => Rule[] } = {}): { service: PostmortemService; ok: boolean } {
  let config: Config = ConfigSpec.parse({});
  let ok = true;
  if (file) {
    const read = readText(file);
    if ('error' in read) {
      err(`${file}: ${read.error}`);
      ok = !given;
    } else {
      const parsed = parseConfig(read.text, file);
      for (const e of parsed.errors) err(`${file}:${e.line + 1}:${e.character + 1}: ${e.path ? e.path + ': ' : ''}${e.message} (defaults apply)`);
      config = parsed.config;
    }
  }
  return { service: createService({ templates: loadBuiltinTemplates(), config, log: err, ...(options.rules ? { rules: options.rules(config) } : {}) }), ok };
}
