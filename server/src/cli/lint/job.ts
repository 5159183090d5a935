// Linting one file, as a job the worker pool can run on any thread.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PostmortemService } from '../../core';
import { readText } from '../../node/files';
import { defineJob } from '../../node/pool';
import { loadService } from '../config';

export interface LintInit {
  /** The config file the main thread chose (its problems were reported there). */
  configFile: string | null;
  /** Files named on the command line (absolute): checked even when not recognised as post-mortems. */
  explicit: string[];
}

export interface LintOutcome {
  /** Why the file could not be read. */
  unreadable?: string;
  /** A post-mortem, or named on the command line: its findings count. */
  checked: boolean;
  diagnostics: Diagnostic[];
}

export function lintFile(service: PostmortemService, file: string, explicit: boolean): LintOutcome {
  const read = readText(file);
  if ('error' in read) return { unreadable: read.error, checked: false, diagnostics: [] };
  const doc = { uri: pathToFileURL(path.resolve(file)).toString(), version: 1, text: read.text };
  const checked = service.model(doc).isPostmortem || explicit;
  const diagnostics = checked ? service.diagnostics(doc) : [];
  // Each document is checked once: drop its state so memory stays flat over thousands of files.
  service.forget(doc.uri);
  return { checked, diagnostics };
}

export const lintJob = defineJob<LintInit, LintOutcome>({
  name: 'lint',
  setup(init) {
    const { service } = loadService(init.configFile, true, () => undefined);
    const explicit = new Set(init.explicit);
    return (file) => lintFile(service, file, explicit.has(path.resolve(file)));
  },
});
