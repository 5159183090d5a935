// `postmortem lint`: the editor's findings for files, folders and globs, for people and CI;
// with --fix, what the editor's "Fix all" applies, written to the files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../../node/files';
import { expandPaths, skippedMessage } from '../../node/paths';
import { availableThreads, runFiles } from '../../node/pool';
import { flag, list, str, UsageError } from '../args';
import { EXIT, EXIT_CODES, type Command } from '../command';
import { configFileFor, loadService } from '../config';
import { FORMATS, formatReport, type FileReport, type Format } from '../lint/formats';
import { lintJob } from '../lint/job';
import { version } from '../version';

/** Below this many files, starting threads costs more than it saves. */
export const WORKER_THRESHOLD = 40;

export const lint: Command = {
  name: 'lint',
  summary: 'Check post-mortems: the findings the editor shows, one per line.',
  usage: ['lint [options] PATH|GLOB...'],
  options: {
    format: { type: 'string', value: 'FORMAT', choices: FORMATS, description: 'output format (default: text)' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write the chosen format to FILE; the terminal gets text' },
    fix: { type: 'boolean', description: 'apply what "Fix all" applies in the editor, then report what is left' },
    'dry-run': { type: 'boolean', description: 'with --fix: print the changes as a unified diff, write nothing' },
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
    'text:   file:line:col severity rule message (1-based), a summary on stderr.',
    'json:   [{"file", "range", "severity", "code", "message"}] with 0-based ranges.',
    'github: workflow commands, shown as annotations on the pull request.',
    'sarif:  SARIF 2.1.0, for code scanning.',
    'junit:  JUnit XML, one test case per file.',
    '',
    '--fix writes only the files it changes (atomically: an interrupted run leaves each file whole)',
    'and the exit code then says whether errors are left.',
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(args, io) {
    if (!args.positionals.length) throw new UsageError('lint needs at least one PATH');
    const jobs = str(args, 'jobs');
    if (jobs !== null && !/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs needs a whole number of threads, not '${jobs}'`);
    const fix = flag(args, 'fix');
    const dryRun = flag(args, 'dry-run');
    if (dryRun && !fix) throw new UsageError('--dry-run goes with --fix');
    const format = (str(args, 'format') ?? 'text') as Format;
    const output = str(args, 'output');
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
    if (!quiet) for (const f of ignored) io.err(skippedMessage(f));

    const threads = jobs !== null ? Number(jobs) : files.length >= WORKER_THRESHOLD ? availableThreads() : 1;
    const init = { configFile, explicit: args.positionals.filter((p) => !p.startsWith('!')).map((p) => path.resolve(p)), fix, dryRun };
    const outcomes = await runFiles(lintJob, files, init, { threads, script: io.script });

    const reports: FileReport[] = [];
    const diffs: string[] = [];
    let fixed = 0;
    for (const o of outcomes) {
      if ('error' in o) {
        io.err(`${o.file}: internal error: ${o.error}`);
        reports.push({ file: o.file, checked: false, problem: 'internal error', diagnostics: [] });
        code = EXIT.usage;
        continue;
      }
      const r = o.result;
      if (r.problem) {
        io.err(`${o.file}: ${r.problem}`);
        code = EXIT.usage;
      }
      if (r.fixed) fixed++;
      if (r.diff) diffs.push(r.diff);
      const diagnostics = quiet ? r.diagnostics.filter((d) => d.severity === 1) : r.diagnostics;
      reports.push({ file: o.file, checked: r.checked, ...(r.problem ? { problem: r.problem } : {}), diagnostics });
    }

    const write = (f: Format, color: boolean) => formatReport(f, reports, { color, version: version() });
    if (output !== null) {
      try {
        fs.writeFileSync(output, write(format, false) + '\n');
      } catch (e) {
        io.err(`postmortem: ${output}: ${describeError(e)}`);
        code = EXIT.usage;
      }
    }
    const terminal: Format = output !== null ? 'text' : format;
    if (dryRun) {
      if (diffs.length) io.out(diffs.join('').replace(/\n$/, ''));
    } else {
      const shown = write(terminal, io.color);
      if (shown) io.out(shown);
    }
    const all = reports.flatMap((r) => r.diagnostics);
    const errors = all.filter((d) => d.severity === 1).length;
    if (!quiet && terminal === 'text') {
      const fixes = fix ? `, ${fixed} ${dryRun ? 'would be fixed' : 'fixed'}` : '';
      io.err(`${files.length} file(s) checked${fixes}, ${errors} error(s), ${all.length - errors} other finding(s)${fix ? ' left' : ''}`);
    }
    if (code === EXIT.ok && errors) code = EXIT.findings;
    return code;
  },
};
