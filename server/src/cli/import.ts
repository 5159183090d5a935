// `postmortem import`: timeline entries from Slack, PagerDuty, Opsgenie, Alertmanager, git log or
// timestamped lines, merged into a post-mortem's timeline in its own shape (the engine in core/import).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyTextEdits, type ImportResult, type PostmortemService, type SourceId } from '../core';
import { readText } from '../node/files';

export interface ImportArgs {
  into: string;
  source: SourceId | 'auto';
  users: string | null;
  output: string | null;
  write: boolean;
  config: string | null;
  files: string[];
}

/** A summary for the terminal (stderr): what was added, from where, and what could not be read. */
export function describeImport(r: ImportResult, err: (s: string) => void): void {
  for (const s of r.sources) err(`${s.input}: read as ${s.source}`);
  for (const u of r.unreadable) err(`${u.input}:${u.line}: not read: ${u.reason}`);
  for (const s of r.skipped) err(`left out: ${s.count} × ${s.reason}`);
  if (r.duplicates) err(`left out: ${r.duplicates} already in the timeline`);
  if (r.datesAdded) err('times are written with their date: without it they would read on another day');
  err(r.entries.length ? `${r.entries.length} entr${r.entries.length === 1 ? 'y' : 'ies'} added, ${r.first} to ${r.last}` : 'no entries added');
}

/** Options are read by commands/import.ts (the CLI's one parser). */
export function importCommand(o: ImportArgs, load: (config: string | null) => PostmortemService, out: (s: string) => void, err: (s: string) => void): number {
  const doc = readText(o.into);
  if ('error' in doc) {
    err(`${o.into}: ${doc.error}`);
    return 2;
  }
  const inputs = [];
  for (const file of o.files) {
    const r = file === '-' ? { text: fs.readFileSync(0, 'utf8') } : readText(file);
    if ('error' in r) {
      err(`${file}: ${r.error}`);
      return 2;
    }
    inputs.push({ name: file === '-' ? 'stdin' : file, text: r.text, source: o.source });
  }
  let users: string | undefined;
  if (o.users) {
    const r = readText(o.users);
    if ('error' in r) {
      err(`${o.users}: ${r.error}`);
      return 2;
    }
    users = r.text;
  }
  const service = load(o.config);
  const result = service.timelineImport({ uri: pathToFileURL(path.resolve(o.into)).toString(), version: 1, text: doc.text }, inputs, users !== undefined ? { users } : {});
  // Unreadable input leaves the document untouched: nothing is written.
  if (result.errors.length) {
    for (const e of result.errors) err(`postmortem: ${e.input}: ${e.message}`);
    err(`postmortem: ${o.into} left unchanged`);
    return 2;
  }
  if (result.problem) {
    err(`postmortem: ${o.into}: ${result.problem}; left unchanged`);
    return 2;
  }
  describeImport(result, err);
  const text = applyTextEdits(doc.text, result.edits);
  const target = o.write ? o.into : o.output;
  if (target === null) {
    out(text.replace(/\n$/, ''));
    return 0;
  }
  try {
    fs.writeFileSync(target, text);
  } catch (e) {
    err(`postmortem: ${target}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  err(`wrote ${target}`);
  return 0;
}
