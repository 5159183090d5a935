// Summarising one file for `postmortem report`, as a job the worker pool can run on any thread.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportPiece, WorkspaceIndex, type PostmortemSummary, type ReportPiece } from '../../core';
import { readText } from '../../node/files';
import { defineJob } from '../../node/pool';
import { loadService } from '../config';

export interface ReportInit {
  configFile: string | null;
  /** --format json: each post-mortem comes back as its piece of the JSON, made on this thread. */
  json: boolean;
}

/** A post-mortem's summary (or JSON piece), null for other markdown, or why the file could not be read. */
export type ReportOutcome = { summary: PostmortemSummary | null } | { piece: ReportPiece | null } | { unreadable: string };

export const reportJob = defineJob<ReportInit, ReportOutcome>({
  name: 'report',
  setup(init) {
    const { service } = loadService(init.configFile, true, () => undefined);
    // The same summary the editor's index keeps; the model is dropped after each file.
    const index = new WorkspaceIndex(service);
    return (file) => {
      const read = readText(file);
      if ('error' in read) return { unreadable: read.error };
      const uri = pathToFileURL(path.resolve(file)).toString();
      const summary = index.update({ uri, version: 1, text: read.text });
      index.delete(uri);
      if (!init.json) return { summary };
      return { piece: summary && reportPiece(summary, file) };
    };
  },
});
