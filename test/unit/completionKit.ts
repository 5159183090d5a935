// For completion unit tests: completion at a marked place in an in-memory document.
import type { CompletionItem } from 'vscode-languageserver-types';
import { createService } from '../../server/src/core/service';
import { loadBuiltinTemplates } from '../../server/src/node/builtinTemplates';

const templates = loadBuiltinTemplates();

/** 2024-05-01 19:00 UTC: 12:00 PM in Los Angeles. */
export const MAY_1 = Date.UTC(2024, 4, 1, 19, 0);

/** Completion at the ‸ in `doc` (removed), by a fresh service: built-in templates, today 2024-05-01, the clock at `now`. */
export function completeAt(doc: string, now = MAY_1): CompletionItem[] {
  const lines = doc.split('\n');
  const line = lines.findIndex((l) => l.includes('‸'));
  const character = lines[line]!.indexOf('‸');
  const service = createService({ templates, today: () => '2024-05-01', now: () => now });
  return service.completions({ uri: 'file:///pm.md', version: 1, text: doc.replace('‸', '') }, { line, character });
}
