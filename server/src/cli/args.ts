// Argument parsing for every command, written once: util.parseArgs reads the tokens, this turns
// them into values with the CLI's own messages, and the same option list writes the help text.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** May be given more than once (values collect in order). */
  multiple?: boolean;
  /** Shown in the help after the option, e.g. FILE. */
  value?: string;
  /** Allowed values (checked here, listed in the help). */
  choices?: readonly string[];
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  config: { type: 'string', value: 'FILE', description: 'the workspace config (default: .postmortem.yaml here or in a parent folder)' },
  quiet: { type: 'boolean', short: 'q', description: 'print only what was asked for: no summary or progress lines' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies OptionSpecs;

export interface Parsed {
  values: Map<string, string | boolean | string[]>;
  positionals: string[];
}

export function parse(args: string[], specs: OptionSpecs): Parsed {
  const options = Object.fromEntries(Object.entries(specs).map(([name, s]) => [name, { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}) }]));
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<string, string | boolean | string[]>();
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    if (t.kind !== 'option') continue;
    const spec = specs[t.name];
    if (!spec) throw new UsageError(`unknown option ${t.rawName}`);
    if (spec.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`);
      values.set(t.name, true);
      continue;
    }
    // A following option is not a value (`--format --quiet`), as util.parseArgs' strict mode says.
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-') && t.value !== '-')) {
      throw new UsageError(`${t.rawName} needs a value${spec.choices ? ` (${spec.choices.join(', ')})` : ''}`);
    }
    if (spec.choices && !spec.choices.includes(t.value)) throw new UsageError(`unknown ${t.name} '${t.value}' (${spec.choices.join(', ')})`);
    if (spec.multiple) values.set(t.name, [...((values.get(t.name) as string[] | undefined) ?? []), t.value]);
    else values.set(t.name, t.value);
  }
  return { values, positionals };
}

export const str = (p: Parsed, name: string): string | null => {
  const v = p.values.get(name);
  return typeof v === 'string' ? v : null;
};
export const flag = (p: Parsed, name: string): boolean => p.values.get(name) === true;
export const list = (p: Parsed, name: string): string[] => {
  const v = p.values.get(name);
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};

/** The options part of a command's help, one line each, descriptions aligned. */
export function optionsHelp(specs: OptionSpecs): string {
  const rows = Object.entries(specs).map(([name, s]) => {
    const left = `${s.short ? `-${s.short}, ` : '    '}--${name}${s.type === 'string' ? ` ${s.value ?? (s.choices ? s.choices.join('|') : 'VALUE')}` : ''}`;
    const choices = s.choices && s.value ? ` (${s.choices.join(', ')})` : '';
    return [left, s.description + choices] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([l, d]) => `  ${l.padEnd(width)}  ${d}`).join('\n');
}
