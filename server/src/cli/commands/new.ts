// `postmortem new`: a post-mortem from a template, to stdout or a file it will not overwrite without --force.
import * as fs from 'node:fs';
import { flag, str, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { configFileFor, loadService } from '../config';

export const newCommand: Command = {
  name: 'new',
  summary: 'Write a new post-mortem from a template (to stdout without -o).',
  usage: ['new --template ID [-o FILE] [--force] [--config FILE]'],
  options: {
    template: { type: 'string', short: 't', value: 'ID', description: 'the template: classic, standard, report, detailed, sev or a custom one' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write the post-mortem to FILE' },
    force: { type: 'boolean', short: 'f', description: 'overwrite FILE when it exists' },
  },
  run(args, io) {
    if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
    const given = str(args, 'config');
    const { service } = loadService(configFileFor(given), given !== null, io.err);
    const ids = service.templates.map((t) => t.id).join(', ');
    const templateId = str(args, 'template');
    if (!templateId) throw new UsageError(`new needs --template ID (templates: ${ids})`);
    const text = service.newDocument(templateId);
    if (text === null) {
      io.err(`postmortem: unknown template '${templateId}' (templates: ${ids})`);
      return EXIT.usage;
    }
    const output = str(args, 'output');
    if (output === null) {
      io.out(text.replace(/\n$/, ''));
      return EXIT.ok;
    }
    try {
      fs.writeFileSync(output, text, { flag: flag(args, 'force') ? 'w' : 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(`postmortem: ${output}: ${code === 'EEXIST' ? 'already exists (use --force to overwrite)' : e instanceof Error ? e.message : String(e)}`);
      return EXIT.usage;
    }
    if (!flag(args, 'quiet')) io.err(`wrote ${output} (template ${templateId})`);
    return EXIT.ok;
  },
};
