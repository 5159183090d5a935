// Summarising one file for `postmortem report`, as a job the worker pool can run on any thread.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { countingRules, reportPiece, WorkspaceIndex, type PostmortemSummary, type ReportPiece } from '../../core';
import { readText } from '../../node/files';
import { defineJob } from '../../node/pool';
import { loadService } from '../config';

export interface ReportInit {
  configFile: string | null;
  /** --format json: each post-mortem comes back as its piece of the JSON, made on this thread. */
  json: boolean;
  /** Not html: only errors and warnings are counted. */
  counts: boolean;
}

/** A post-mortem's summary (or JSON piece, its texts in UTF-8), null for other markdown, or why the file could not be read. */
export type ReportOutcome = { summary: PostmortemSummary | null } | { piece: ReportPiece<Uint8Array> | null } | { unreadable: string };

const utf8 = new TextEncoder();

export const reportJob = defineJob<ReportInit, ReportOutcome>({
  name: 'report',
  setup(init) {
    // Only the html page lists findings (the stated numbers that disagree); the other formats count
    // errors and warnings, so the rules that cannot add to them are not run.
    const { service } = loadService(init.configFile, true, () => undefined, init.counts ? { rules: countingRules } : {});
    // The same summary the editor's index keeps; the model is dropped after each file.
    const index = new WorkspaceIndex(service);
    return (file) => {
      const read = readText(file);
      if ('error' in read) return { unreadable: read.error };
      const uri = pathToFileURL(path.resolve(file)).toString();
      const summary = index.update({ uri, version: 1, text: read.text });
      index.delete(uri);
      if (!init.json) return { summary };
      if (!summary) return { piece: null };
      // Encoded here, on the worker thread: the main thread only writes the bytes.
      const piece = reportPiece(summary, file);
      return { piece: { summary: piece.summary, postmortem: utf8.encode(piece.postmortem), actionItems: piece.actionItems === null ? null : utf8.encode(piece.actionItems) } };
    };
  },
});
