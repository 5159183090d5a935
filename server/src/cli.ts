// `postmortem`: the same engine as the editor, for the terminal and CI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createService, parseConfig, ConfigSpec, formatDuration, formatInstant, type Config, type Postmortem, type PostmortemService } from './core';
import { loadBuiltinTemplates } from './node/builtinTemplates';
import { expandPaths, findConfigFile, readText } from './node/files';
import { report, REPORT_USAGE } from './cli/report';
import { IMPORT_USAGE, ImportUsageError, importCommand } from './cli/import';

const USAGE = `Usage:
  postmortem lint [--format text|json] [--config FILE] PATH...
  postmortem metrics [--format text|json] [--config FILE] FILE
  postmortem new --template ID [-o FILE] [--force] [--config FILE]
  postmortem render [--config FILE] FILE [-o OUT]   (standalone HTML report)
  ${REPORT_USAGE}
  ${IMPORT_USAGE}

Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable input.`;

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'] as const;

class UsageError extends Error {}

interface Options {
  format: 'text' | 'json';
  config: string | null;
  paths: string[];
}

function parseArgs(args: string[]): Options {
  const o: Options = { format: 'text', config: null, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format '${f}' (text or json)`);
      o.format = f;
    } else if (a === '--config' || a.startsWith('--config=')) o.config = value();
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else o.paths.push(a);
  }
  return o;
}

function loadService(configFile: string | null, err: (s: string) => void): { service: PostmortemService; ok: boolean } {
  let config: Config = ConfigSpec.parse({});
  let ok = true;
  const file = configFile ?? findConfigFile(process.cwd());
  if (file) {
    const read = readText(file);
    if ('error' in read) {
      err(`${file}: ${read.error}`);
      ok = configFile === null;
    } else {
      const parsed = parseConfig(read.text, file);
      for (const e of parsed.errors) err(`${file}:${e.line + 1}:${e.character + 1}: ${e.path ? e.path + ': ' : ''}${e.message} (defaults apply)`);
      config = parsed.config;
    }
  }
  return { service: createService({ templates: loadBuiltinTemplates(), config, log: err }), ok };
}

function lint(o: Options, out: (s: string) => void, err: (s: string) => void): number {
  if (!o.paths.length) throw new UsageError('lint needs at least one PATH');
  const { service, ok } = loadService(o.config, err);
  const { files, problems } = expandPaths(o.paths);
  let code = ok && !problems.length ? 0 : 2;
  for (const p of problems) err(`${p.file}: ${p.message}`);
  const explicit = new Set(o.paths.map((p) => path.resolve(p)));
  const results: { file: string; d: Diagnostic }[] = [];
  for (const file of files) {
    const read = readText(file);
    if ('error' in read) {
      err(`${file}: ${read.error}`);
      code = 2;
      continue;
    }
    const doc = { uri: pathToFileURL(path.resolve(file)).toString(), version: 1, text: read.text };
    const model = service.analyze(doc);
    if (!model.isPostmortem && !explicit.has(path.resolve(file))) continue;
    for (const d of service.diagnose(doc)) results.push({ file, d });
  }
  if (o.format === 'json') {
    out(
      JSON.stringify(
        results.map(({ file, d }) => ({ file, range: d.range, severity: SEVERITY[d.severity ?? 1], code: d.code, message: d.message })),
        null,
        2,
      ),
    );
  } else {
    for (const { file, d } of results) {
      out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`);
    }
    const errors = results.filter((r) => r.d.severity === 1).length;
    err(`${files.length} file(s) checked, ${errors} error(s), ${results.length - errors} other finding(s)`);
  }
  if (code === 0 && results.some((r) => r.d.severity === 1)) code = 1;
  return code;
}

export function metricsJson(file: string, m: Postmortem) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));
  return {
    file,
    isPostmortem: m.isPostmortem,
    template: m.templateId,
    timezone: m.timeline.statedZone ?? m.zone,
    start: iso(m.metrics.start),
    end: iso(m.metrics.end),
    durationMinutes: m.metrics.durationMinutes,
    timeToDetectMinutes: m.metrics.timeToDetectMinutes,
    timeToAcknowledgeMinutes: m.metrics.timeToAcknowledgeMinutes,
    timeToMitigateMinutes: m.metrics.timeToMitigateMinutes,
    timeToResolveMinutes: m.metrics.timeToResolveMinutes,
    timeline: m.timeline.entries.map((e) => ({ line: e.line + 1, at: iso(e.at), phase: e.phase, text: e.text })),
  };
}

function metrics(o: Options, out: (s: string) => void, err: (s: string) => void): number {
  if (o.paths.length !== 1) throw new UsageError('metrics needs exactly one FILE');
  const file = o.paths[0]!;
  const read = readText(file);
  if ('error' in read) {
    err(`${file}: ${read.error}`);
    return 2;
  }
  const { service } = loadService(o.config, err);
  const model = service.analyze({ uri: pathToFileURL(path.resolve(file)).toString(), version: 1, text: read.text });
  const j = metricsJson(file, model);
  if (o.format === 'json') {
    out(JSON.stringify(j, null, 2));
    return 0;
  }
  const zone = j.timezone;
  const when = (ms: number | null) => (ms === null ? '—' : formatInstant(ms, zone, 'yyyy-MM-dd HH:mm ZZZZ'));
  const dur = (n: number | null) => (n === null ? '—' : formatDuration(n));
  out(`${file}`);
  out(`  post-mortem:          ${j.isPostmortem ? `yes (template ${j.template ?? 'unknown'}; ${model.detection})` : `no (${model.detection})`}`);
  out(`  time zone:            ${zone}`);
  out(`  start:                ${when(model.metrics.start)}`);
  out(`  end:                  ${when(model.metrics.end)}`);
  out(`  duration:             ${dur(j.durationMinutes)}`);
  out(`  time to detect:       ${dur(j.timeToDetectMinutes)}`);
  out(`  time to acknowledge:  ${dur(j.timeToAcknowledgeMinutes)}`);
  out(`  time to mitigate:     ${dur(j.timeToMitigateMinutes)}`);
  out(`  time to resolve:      ${dur(j.timeToResolveMinutes)}`);
  out(`  timeline (${model.timeline.entries.length} entries):`);
  for (const e of model.timeline.entries) out(`    ${String(e.line + 1).padStart(4)}  ${when(e.at).padEnd(22)} ${(e.phase ?? '').padEnd(12)} ${e.text}`);
  return 0;
}

/** `new`: a post-mortem from a template, to stdout or a file it will not overwrite without --force. */
function newPostmortem(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  let templateId: string | null = null;
  let output: string | null = null;
  let config: string | null = null;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const name = a.split('=')[0];
    if (name === '--template' || name === '-t') templateId = value();
    else if (name === '--output' || name === '-o') output = value();
    else if (name === '--config') config = value();
    else if (a === '--force' || a === '-f') force = true;
    else throw new UsageError(a.startsWith('-') ? `unknown option ${a}` : `unexpected argument '${a}'`);
  }
  const { service } = loadService(config, err);
  const ids = service.templates.map((t) => t.id).join(', ');
  if (!templateId) throw new UsageError(`new needs --template ID (templates: ${ids})`);
  const text = service.newDocument(templateId);
  if (text === null) {
    err(`postmortem: unknown template '${templateId}' (templates: ${ids})`);
    return 2;
  }
  if (output === null) {
    out(text.replace(/\n$/, ''));
    return 0;
  }
  try {
    fs.writeFileSync(output, text, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(`postmortem: ${output}: ${code === 'EEXIST' ? 'already exists (use --force to overwrite)' : e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  err(`wrote ${output} (template ${templateId})`);
  return 0;
}

/** `render`: the preview as one standalone HTML file (light theme, no script, no external resources). */
function renderHtml(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  let output: string | null = null;
  let config: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const name = a.split('=')[0];
    if (name === '--output' || name === '-o') output = value();
    else if (name === '--config') config = value();
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError('render needs exactly one FILE');
  const file = files[0]!;
  const read = readText(file);
  if ('error' in read) {
    err(`${file}: ${read.error}`);
    return 2;
  }
  const { service } = loadService(config, err);
  const doc = { uri: pathToFileURL(path.resolve(file)).toString(), version: 1, text: read.text };
  const { html } = service.render(doc, { mode: 'standalone', readResource: readSmallFile });
  if (output === null) {
    out(html.replace(/\n$/, ''));
    return 0;
  }
  try {
    fs.writeFileSync(output, html);
  } catch (e) {
    err(`postmortem: ${output}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  err(`wrote ${output}`);
  return 0;
}

/** A local file (file: URL) when it is at most `max` bytes, for images inlined into the report. */
function readSmallFile(url: string, max: number): Uint8Array | null {
  try {
    const file = fileURLToPath(url);
    return fs.statSync(file).size <= max ? fs.readFileSync(file) : null;
  } catch {
    return null;
  }
}

export function main(
  argv: string[],
  out: (s: string) => void = (s) => void process.stdout.write(s + '\n'),
  err: (s: string) => void = (s) => void process.stderr.write(s + '\n'),
): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return lint(parseArgs(rest), out, err);
      case 'metrics':
        return metrics(parseArgs(rest), out, err);
      case 'new':
        return newPostmortem(rest, out, err);
      case 'render':
        return renderHtml(rest, out, err);
      case 'report':
        return report(rest, {
          loadService,
          out,
          err,
          usage: (m) => {
            throw new UsageError(m);
          },
        });
      case 'import':
        return importCommand(rest, (config) => loadService(config, err).service, out, err);
      case '--help':
      case '-h':
      case 'help':
        out(USAGE);
        return 0;
      case '--version':
        out(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version);
        return 0;
      default:
        throw new UsageError(command ? `unknown command '${command}'` : 'missing command');
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ImportUsageError) {
      err(`postmortem: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    err(`postmortem: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
