// `postmortem report`: every post-mortem under the given files and folders, with the figures
// `postmortem metrics` gives for each, their action items and a summary, as text, JSON, CSV or HTML.
import * as fs from 'node:fs';
import { expandPaths, skippedMessage } from '../../node/paths';
import { availableThreads, runFiles } from '../../node/pool';
import { buildReport, renderInsights, reportCsv, reportJsonParts, reportText, type PostmortemSummary, type ReportPiece } from '../../core';
import { flag, str, UsageError } from '../args';
import { EXIT, type Command } from '../command';
import { configFileFor, loadService } from '../config';
import { reportJob } from '../report/job';
import { WORKER_THRESHOLD } from './lint';

const FORMATS = ['text', 'json', 'csv', 'html'] as const;

export const report: Command = {
  name: 'report',
  summary: 'Every post-mortem at once: figures, action items and a summary per severity and month.',
  usage: ['report [--format text|json|csv|html] [--action-items] [-o OUT] PATH...'],
  options: {
    format: { type: 'string', value: 'FORMAT', choices: FORMATS, description: 'output format (default: text)' },
    'action-items': { type: 'boolean', description: 'text and csv: one line per action item instead of per post-mortem' },
    output: { type: 'string', short: 'o', value: 'OUT', description: 'write the report to OUT' },
    'no-gitignore': { type: 'boolean', description: 'read files that .gitignore leaves out too' },
    jobs: { type: 'string', short: 'j', value: 'N', description: `threads to read files on (default: the machine's cores from ${WORKER_THRESHOLD} files on; 1: this thread only)` },
  },
  details: [
    'A PATH may be a file or a folder (searched recursively for markdown files); other markdown is',
    "skipped. Each post-mortem's figures are exactly what `postmortem metrics` gives for it.",
    '',
    'json: {"postmortems": [...], "actionItems": [...], "summary": {"postmortems", "bySeverity",',
    '"byMonth": [...], "openActionItems", "overdueActionItems"}}. csv: one row per post-mortem',
    '(--action-items: per action item). html: the Insights page, standalone.',
    '',
    'Exit codes: 0 done, 2 usage error or unreadable input.',
  ].join('\n'),
  async run(args, io) {
    if (!args.positionals.length) throw new UsageError('report needs at least one PATH');
    const jobs = str(args, 'jobs');
    if (jobs !== null && !/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs needs a whole number of threads, not '${jobs}'`);
    const given = str(args, 'config');
    const configFile = configFileFor(given);
    const { ok } = loadService(configFile, given !== null, io.err);
    const { files, problems, ignored } = expandPaths(args.positionals, { gitignore: !flag(args, 'no-gitignore') });
    let code: number = ok && !problems.length ? EXIT.ok : EXIT.usage;
    for (const p of problems) io.err(`${p.file}: ${p.message}`);
    for (const f of ignored) io.err(skippedMessage(f));

    const threads = jobs !== null ? Number(jobs) : files.length >= WORKER_THRESHOLD ? availableThreads() : 1;
    const format = str(args, 'format') ?? 'text';
    const json = format === 'json';
    const outcomes = await runFiles(reportJob, files, { configFile, json, counts: format !== 'html' }, { threads, script: io.script });
    const summaries: PostmortemSummary[] = [];
    const pieces: ReportPiece<Uint8Array>[] = [];
    // Files are named as given on the command line (relative stays relative), as `metrics` names them.
    const names = new Map<string, string>();
    for (const o of outcomes) {
      if ('error' in o) {
        io.err(`${o.file}: internal error: ${o.error}`);
        code = EXIT.usage;
      } else if ('unreadable' in o.result) {
        io.err(`${o.file}: ${o.result.unreadable}`);
        code = EXIT.usage;
      } else if ('piece' in o.result) {
        if (o.result.piece) pieces.push(o.result.piece);
      } else if (o.result.summary) {
        summaries.push(o.result.summary);
        names.set(o.result.summary.uri, o.file);
      }
    }
    const file = (uri: string) => names.get(uri) ?? uri;
    const actionItems = flag(args, 'action-items');
    const output = str(args, 'output');
    // JSON: the pieces' bytes as the threads made them, in chunks of about a megabyte; never one string of megabytes.
    const jsonChunks = () => chunks([...reportJsonParts(pieces), '\n']);
    const render = (): string =>
      format === 'csv'
        ? reportCsv(buildReport(summaries, file), actionItems)
        : format === 'html'
          ? renderInsights(buildReport(summaries, file), summaries, file, { mode: 'standalone' }).html
          : reportText(buildReport(summaries, file), actionItems).join('\n') + '\n';
    if (output === null && json) {
      if (io.bytes) for (const c of jsonChunks()) io.bytes(c);
      else io.out(new TextDecoder().decode(Buffer.concat([...jsonChunks()])).slice(0, -1));
    } else if (output === null) {
      // Without its last line end (io.out adds one); a slice, not a regex scan of megabytes.
      const text = render();
      io.out(text.endsWith('\n') ? text.slice(0, text.endsWith('\r\n') ? -2 : -1) : text);
    } else {
      try {
        if (json) writeChunks(output, jsonChunks());
        else fs.writeFileSync(output, render());
      } catch (e) {
        io.err(`postmortem: ${output}: ${e instanceof Error ? e.message : String(e)}`);
        return EXIT.usage;
      }
      if (!flag(args, 'quiet')) io.err(`wrote ${output} (${summaries.length + pieces.length} post-mortem(s) of ${files.length} file(s))`);
    }
    return code;
  },
};

const CHUNK = 1 << 20;

/** The parts in buffers of about a megabyte each: the strings encoded into them, the bytes copied. */
function* chunks(parts: readonly (string | Uint8Array)[]): Generator<Uint8Array> {
  let buf = Buffer.allocUnsafe(CHUNK);
  let at = 0;
  for (const part of parts) {
    // Room for the part at its longest (3 bytes a UTF-16 unit); a part longer than a chunk goes alone.
    const most = typeof part === 'string' ? part.length * 3 : part.length;
    if (at > 0 && at + most > CHUNK) {
      yield buf.subarray(0, at);
      buf = Buffer.allocUnsafe(CHUNK);
      at = 0;
    }
    if (most > CHUNK) yield typeof part === 'string' ? Buffer.from(part) : part;
    else at += typeof part === 'string' ? buf.write(part, at) : (buf.set(part, at), part.length);
  }
  if (at > 0) yield buf.subarray(0, at);
}

function writeChunks(file: string, all: Iterable<Uint8Array>): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const c of all) fs.writeSync(fd, c);
  } finally {
    fs.closeSync(fd);
  }
}
