// `postmortem lint`: the editor's findings for files, folders and globs, for people and CI.
import * as path from 'node:path';
import { expandPaths } from '../../node/paths';
import { availableThreads, runFiles } from '../../node/pool';
import { flag, list, str, UsageError } from '../args';
import { EXIT, EXIT_CODES, type Command } from '../command';
import { configFileFor, loadService } from '../config';
import { FORMATS, json, textLines, type Finding } from '../lint/formats';
import { lintJob } from '../lint/job';

/** Below this many files, starting threads costs more than it saves. */
export const WORKER_THRESHOLD = 40;

export const lint: Command = {
  name: 'lint',
  summary: 'Check post-mortems: the findings the editor shows, one per line.',
  usage: ['lint [options] PATH|GLOB...'],
  options: {
    format: { type: 'string', value: 'FORMAT', choices: FORMATS, description: 'output format (default: text)' },
    ignore: { type: 'string', multiple: true, value: 'PATTERN', description: 'leave out files matching this gitignore-style pattern (repeatable)' },
    'no-gitignore': { type: 'boolean', description: 'check files that .gitignore leaves out too' },
    jobs: { type: 'string', short: 'j', value: 'N', description: `threads to check files on (default: the machine's cores from ${WORKER_THRESHOLD} files on; 1: this thread only)` },
  },
  details: [
    'A PATH may be a file or a folder (searched recursively for markdown files; the post-mortems',
    "among them are checked). Quoted globs ('docs/**/*.md') are expanded here; one starting with !",
    "leaves files out. Files that .gitignore, the config's ignores: list or --ignore match are",
    'skipped. --quiet reports errors only and prints no summary.',
    '',
    'text: file:line:col severity rule message (1-based), a summary on stderr.',
    'json: [{"file", "range", "severity", "code", "message"}] with 0-based ranges.',
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(args, io) {
    if (!args.positionals.length) throw new UsageError('lint needs at least one PATH');
    const jobs = str(args, 'jobs');
    if (jobs !== null && !/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs needs a whole number of threads, not '${jobs}'`);
    const quiet = flag(args, 'quiet');
    const given = str(args, 'config');
    const configFile = configFileFor(given);
    // Loaded here once to report the config's problems; the threads load it again silently.
    const { ok, service } = loadService(configFile, given !== null, io.err);
    const { files, problems, ignored } = expandPaths(args.positionals, {
      ignores: [{ dir: process.cwd(), patterns: list(args, 'ignore') }, ...(configFile ? [{ dir: path.dirname(path.resolve(configFile)), patterns: service.config.ignores ?? [] }] : [])],
      gitignore: !flag(args, 'no-gitignore'),
    });
    let code: number = ok && !problems.length ? EXIT.ok : EXIT.usage;
    for (const p of problems) io.err(`${p.file}: ${p.message}`);
    if (!quiet) for (const f of ignored) io.err(`${f}: skipped (an ignore pattern matches it)`);

    const threads = jobs !== null ? Number(jobs) : files.length >= WORKER_THRESHOLD ? availableThreads() : 1;
    const init = { configFile, explicit: args.positionals.filter((p) => !p.startsWith('!')).map((p) => path.resolve(p)) };
    const outcomes = await runFiles(lintJob, files, init, { threads, script: io.script });

    const findings: Finding[] = [];
    for (const o of outcomes) {
      if ('error' in o) {
        io.err(`${o.file}: internal error: ${o.error}`);
        code = EXIT.usage;
        continue;
      }
      if (o.result.unreadable) {
        io.err(`${o.file}: ${o.result.unreadable}`);
        code = EXIT.usage;
        continue;
      }
      for (const d of o.result.diagnostics) if (!quiet || d.severity === 1) findings.push({ file: o.file, d });
    }
    if (str(args, 'format') === 'json') io.out(json(findings));
    else {
      for (const line of textLines(findings, io.color)) io.out(line);
      const errors = findings.filter((f) => f.d.severity === 1).length;
      if (!quiet) io.err(`${files.length} file(s) checked, ${errors} error(s), ${findings.length - errors} other finding(s)`);
    }
    if (code === EXIT.ok && findings.some((f) => f.d.severity === 1)) code = EXIT.findings;
    return code;
  },
};
