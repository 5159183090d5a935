// `postmortem render`: the preview as one standalone HTML file (light theme, no script, no external resources).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readText } from '../../node/files';
import { flag, str, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { configFileFor, loadService } from '../config';

export const render: Command = {
  name: 'render',
  summary: 'Render a post-mortem as a standalone HTML report (to stdout without -o).',
  usage: ['render [--config FILE] FILE [-o OUT]'],
  options: {
    output: { type: 'string', short: 'o', value: 'OUT', description: 'write the HTML to OUT' },
  },
  details: 'Local images (up to 512 KB each) are inlined; the page runs no script and loads nothing from elsewhere.',
  run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('render needs exactly one FILE');
    const file = args.positionals[0]!;
    const read = readText(file);
    if ('error' in read) {
      io.err(`${file}: ${read.error}`);
      return EXIT.usage;
    }
    const given = str(args, 'config');
    const { service } = loadService(configFileFor(given), given !== null, io.err);
    const doc = { uri: pathToFileURL(path.resolve(file)).toString(), version: 1, text: read.text };
    const { html } = service.preview(doc, { mode: 'standalone', readResource: readSmallFile });
    const output = str(args, 'output');
    if (output === null) {
      io.out(html.replace(/\n$/, ''));
      return EXIT.ok;
    }
    try {
      fs.writeFileSync(output, html);
    } catch (e) {
      io.err(`postmortem: ${output}: ${e instanceof Error ? e.message : String(e)}`);
      return EXIT.usage;
    }
    if (!flag(args, 'quiet')) io.err(`wrote ${output}`);
    return EXIT.ok;
  },
};

/** A local file (file: URL) when it is at most `max` bytes, for images inlined into the report. */
function readSmallFile(url: string, max: number): Uint8Array | null {
  try {
    const file = fileURLToPath(url);
    return fs.statSync(file).size <= max ? fs.readFileSync(file) : null;
  } catch {
    return null;
  }
}
