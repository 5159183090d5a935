// `postmortem import`: timeline entries from incident tools merged into a post-mortem (cli/import.ts).
import { SOURCES, type SourceId } from '../../core';
import { flag, str, UsageError } from '../args';
import { EXIT_CODES, type Command } from '../command';
import { configFileFor, loadService } from '../config';
import { importCommand } from '../import';

export const importTimeline: Command = {
  name: 'import',
  summary: 'Merge timeline entries from Slack, PagerDuty, Opsgenie, Alertmanager, git log or timestamped lines into a post-mortem.',
  usage: [`import --into DOC [--source auto|${SOURCES.join('|')}] [--users USERS.json] [-o OUT | --write] [--config FILE] FILE...`],
  options: {
    into: { type: 'string', value: 'DOC', description: 'the post-mortem whose timeline gets the entries' },
    source: { type: 'string', value: 'SOURCE', choices: ['auto', ...SOURCES], description: 'what the files are (default: recognised from their content)' },
    users: { type: 'string', value: 'USERS.json', description: 'Slack users.json, for names instead of ids' },
    output: { type: 'string', short: 'o', value: 'OUT', description: 'write the result to OUT (default: stdout)' },
    write: { type: 'boolean', short: 'w', description: 'write the result back to DOC' },
  },
  details: `A FILE of - reads standard input. Unreadable input leaves DOC unchanged.\n\n${EXIT_CODES}`,
  run(args, io) {
    const into = str(args, 'into');
    if (!into) throw new UsageError('import needs --into DOC');
    if (!args.positionals.length) throw new UsageError('import needs at least one FILE to read entries from');
    const output = str(args, 'output');
    if (flag(args, 'write') && output !== null) throw new UsageError('--write and -o both say where to write: give one');
    const options = {
      into,
      source: (str(args, 'source') ?? 'auto') as SourceId | 'auto',
      users: str(args, 'users'),
      output,
      write: flag(args, 'write'),
      config: str(args, 'config'),
      files: args.positionals,
    };
    const load = (config: string | null) => loadService(configFileFor(config), config !== null, io.err).service;
    return importCommand(options, load, io.out, io.err);
  },
};
