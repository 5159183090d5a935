// Dispatch: `postmortem COMMAND [options]`, `postmortem help [COMMAND]`, `postmortem --version`.
import { flag, parse, UsageError } from './args';
import { allOptions, EXIT, EXIT_CODES, helpText, type Command } from './command';
import { COMMANDS } from './commands';
import { wantsColor, type Io } from './io';
import { version } from './version';

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage:\n  postmortem COMMAND [options]\n  postmortem help COMMAND\n  postmortem --version',
    `Commands:\n${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}`,
    `Run 'postmortem COMMAND --help' for its options.\n\n${EXIT_CODES}`,
  ].join('\n\n');
}

const stdout = (s: string): void => void process.stdout.write(s + '\n');
const stderr = (s: string): void => void process.stderr.write(s + '\n');

const find = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name);

/**
 * Runs the CLI; commands that may use worker threads (lint) answer a promise, the others a number,
 * so embedders and tests can call the synchronous ones directly.
 */
export function main(argv: string[], out: (s: string) => void = stdout, err: (s: string) => void = stderr, options: { color?: boolean; script?: string } = {}): number | Promise<number> {
  const io: Io = {
    out,
    ...(out === stdout ? { bytes: (chunk: Uint8Array) => void process.stdout.write(chunk) } : {}),
    err,
    color: options.color ?? (out === stdout ? wantsColor(process.stdout.isTTY, process.env) : false),
    script: options.script ?? __filename,
  };
  const [name, ...rest] = argv;
  let command: Command | undefined;
  const usageError = (e: UsageError) => {
    err(`postmortem: ${e.message}\n\n${command ? helpText(command) : overview()}`);
    return EXIT.usage;
  };
  const internalError = (e: unknown) => {
    err(`postmortem: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.usage;
  };
  try {
    if (name === '--version' || name === '-v') {
      out(version());
      return EXIT.ok;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      if (topic === undefined) out(overview());
      else {
        command = find(topic);
        if (!command) throw new UsageError(`unknown command '${topic}'`);
        out(helpText(command));
      }
      return EXIT.ok;
    }
    command = name === undefined ? undefined : find(name);
    if (!command) throw new UsageError(name === undefined ? 'missing command' : `unknown command '${name}'`);
    const args = parse(rest, allOptions(command));
    if (flag(args, 'help')) {
      out(helpText(command));
      return EXIT.ok;
    }
    const code = command.run(args, io);
    return typeof code === 'number' ? code : code.catch((e: unknown) => (e instanceof UsageError ? usageError(e) : internalError(e)));
  } catch (e) {
    return e instanceof UsageError ? usageError(e) : internalError(e);
  }
}
