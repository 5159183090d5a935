// Linting one file (and with --fix, fixing it), as a job the worker pool can run on any thread.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyTextEdits, FIX_ALL_KIND, type DocumentInput, type PostmortemService } from '../../core';
import { writeFileAtomic } from '../../node/atomicWrite';
import { describeError, readText } from '../../node/files';
import { defineJob } from '../../node/pool';
import { loadService } from '../config';

export interface LintInit {
  /** The config file the main thread chose (its problems were reported there). */
  configFile: string | null;
  /** Files named on the command line (absolute): checked even when not recognised as post-mortems. */
  explicit: string[];
  /** Apply fix-all; with dryRun, only say what it would change. */
  fix: boolean;
  dryRun: boolean;
}

export interface LintOutcome {
  /** Why the file could not be read (or, with --fix, written). */
  problem?: string;
  /** A post-mortem, or named on the command line: its findings count. */
  checked: boolean;
  /** What is left: after the fix, when there was one. */
  diagnostics: Diagnostic[];
  /** --fix changed the file (with --dry-run: would change it). */
  fixed: boolean;
  /** --fix --dry-run: the change as a unified diff. */
  diff?: string;
}

/**
 * Exactly what the editor's "Fix all" applies: the service's source.fixAll action (settled to its
 * fixpoint there). VS Code writes an edit's line breaks in the document's own line ends, so a CRLF
 * file gets CRLF in what is inserted too.
 */
export function fixAllText(service: PostmortemService, doc: DocumentInput): string {
  const end = { line: Number.MAX_SAFE_INTEGER, character: 0 };
  const actions = service.codeActions(doc, { start: { line: 0, character: 0 }, end }, { diagnostics: service.diagnostics(doc), only: [FIX_ALL_KIND] });
  const edits = actions.find((a) => a.kind === FIX_ALL_KIND)?.edit?.changes?.[doc.uri] ?? [];
  const crlf = usesCrlf(doc.text);
  return applyTextEdits(doc.text, crlf ? edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') })) : edits);
}

/** The line end VS Code gives a model: CRLF when most of the file's line ends are CRLF. */
const usesCrlf = (text: string): boolean => {
  const crlf = text.split('\r\n').length - 1;
  return crlf > 0 && crlf >= text.split('\n').length - 1 - crlf;
};

export function lintFile(service: PostmortemService, file: string, explicit: boolean, mode: { fix: boolean; dryRun: boolean }): LintOutcome {
  const read = readText(file);
  if ('error' in read) return { problem: read.error, checked: false, diagnostics: [], fixed: false };
  const uri = pathToFileURL(path.resolve(file)).toString();
  const doc = { uri, version: 1, text: read.text };
  try {
    const checked = service.model(doc).isPostmortem || explicit;
    if (!checked) return { checked, diagnostics: [], fixed: false };
    const before = service.diagnostics(doc);
    const fixed = mode.fix ? fixAllText(service, doc) : doc.text;
    if (fixed === doc.text) return { checked, diagnostics: before, fixed: false };
    const after = service.diagnostics({ uri, version: 2, text: fixed });
    if (mode.dryRun) {
      const name = file.split(path.sep).join('/');
      const diff = createTwoFilesPatch(`a/${name}`, `b/${name}`, doc.text, fixed, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
      return { checked, diagnostics: after, fixed: true, diff };
    }
    try {
      writeFileAtomic(file, (read.bom ? '\uFEFF' : '') + fixed);
    } catch (e) {
      return { problem: `could not write the fixes: ${describeError(e)}`, checked, diagnostics: before, fixed: false };
    }
    return { checked, diagnostics: after, fixed: true };
  } finally {
    // Each document is checked once: drop its state so memory stays flat over thousands of files.
    service.forget(uri);
  }
}

export const lintJob = defineJob<LintInit, LintOutcome>({
  name: 'lint',
  setup(init) {
    const { service } = loadService(init.configFile, true, () => undefined);
    const explicit = new Set(init.explicit);
    return (file) => lintFile(service, file, explicit.has(path.resolve(file)), init);
  },
});
