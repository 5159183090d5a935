// `postmortem report`: every post-mortem under the given files and folders, with the figures
// `postmortem metrics` gives for each, their action items and a summary, as text, JSON, CSV or HTML.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, renderInsights, reportCsv, reportText, WorkspaceIndex, type PostmortemService, type PostmortemSummary } from '../core';
import { expandPaths, readText } from '../node/files';

export const REPORT_USAGE = 'postmortem report [--format text|json|csv|html] [--action-items] [-o OUT] [--config FILE] PATH...';

export interface ReportOptions {
  format: 'text' | 'json' | 'csv' | 'html';
  actionItems: boolean;
  output: string | null;
  config: string | null;
  paths: string[];
}

export interface ReportDeps {
  loadService(config: string | null, err: (s: string) => void): { service: PostmortemService; ok: boolean };
  out(s: string): void;
  err(s: string): void;
  /** Throws the CLI's usage error (exit code 2 with the usage text). */
  usage(message: string): never;
}

const FORMATS = ['text', 'json', 'csv', 'html'] as const;

export function parseReportArgs(args: string[], usage: (m: string) => never): ReportOptions {
  const o: ReportOptions = { format: 'text', actionItems: false, output: null, config: null, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const name = a.startsWith('--') ? a.split('=')[0] : a;
    if (name === '--format') {
      const f = value();
      if (!(FORMATS as readonly string[]).includes(f)) usage(`unknown format '${f}' (${FORMATS.join(', ')})`);
      o.format = f as ReportOptions['format'];
    } else if (name === '--action-items') o.actionItems = true;
    else if (name === '--output' || name === '-o') o.output = value();
    else if (name === '--config') o.config = value();
    else if (a.startsWith('-') && a !== '-') usage(`unknown option ${a}`);
    else o.paths.push(a);
  }
  if (!o.paths.length) usage('report needs at least one PATH');
  return o;
}

/** Summaries of the post-mortems among `files` (others are skipped); unreadable files are reported. */
export function summarizeFiles(service: PostmortemService, files: readonly string[], err: (s: string) => void): { summaries: PostmortemSummary[]; failed: number } {
  const index = new WorkspaceIndex(service);
  let failed = 0;
  for (const file of files) {
    const read = readText(file);
    if ('error' in read) {
      err(`${file}: ${read.error}`);
      failed++;
      continue;
    }
    index.update({ uri: pathToFileURL(path.resolve(file)).toString(), version: 1, text: read.text });
  }
  return { summaries: index.list(), failed };
}

export function report(args: string[], deps: ReportDeps): number {
  const o = parseReportArgs(args, deps.usage);
  const { service, ok } = deps.loadService(o.config, deps.err);
  const { files, problems } = expandPaths(o.paths);
  for (const p of problems) deps.err(`${p.file}: ${p.message}`);
  const { summaries, failed } = summarizeFiles(service, files, deps.err);
  // Files are named as given on the command line (relative stays relative), as `metrics` names them.
  const byUri = new Map(files.map((f) => [pathToFileURL(path.resolve(f)).toString(), f]));
  const file = (uri: string) => byUri.get(uri) ?? uri;
  const data = buildReport(summaries, file);
  let text: string;
  if (o.format === 'json') text = JSON.stringify(data, null, 2) + '\n';
  else if (o.format === 'csv') text = reportCsv(data, o.actionItems);
  else if (o.format === 'html') text = renderInsights(data, summaries, file, { mode: 'standalone' }).html;
  else text = reportText(data, o.actionItems).join('\n') + '\n';
  if (o.output === null) deps.out(text.replace(/\r?\n$/, ''));
  else {
    try {
      fs.writeFileSync(o.output, text);
    } catch (e) {
      deps.err(`postmortem: ${o.output}: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
    deps.err(`wrote ${o.output} (${summaries.length} post-mortem(s) of ${files.length} file(s))`);
  }
  return ok && !problems.length && !failed ? 0 : 2;
}
