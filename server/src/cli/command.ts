// A command: its options, its help and what it runs. Each lives in commands/, one file each.
import { COMMON_OPTIONS, optionsHelp, type OptionSpecs, type Parsed } from './args';
import type { Io } from './io';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export interface Command {
  name: string;
  /** One line, for `postmortem --help`. */
  summary: string;
  /** Synopsis lines, each after `postmortem `. */
  usage: string[];
  /** Its own options; --config, --quiet and --help are added to every command. */
  options: OptionSpecs;
  /** More help after the options (exit codes, formats…). */
  details?: string;
  run(args: Parsed, io: Io): number | Promise<number>;
}

export const allOptions = (c: Command): OptionSpecs => ({ ...c.options, ...COMMON_OPTIONS });

export function helpText(c: Command): string {
  return [`Usage:\n${c.usage.map((u) => `  postmortem ${u}`).join('\n')}`, c.summary, `Options:\n${optionsHelp(allOptions(c))}`, ...(c.details ? [c.details] : [])].join('\n\n');
}

/** Exit codes, the same for every command. */
export const EXIT_CODES = 'Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable input.';
