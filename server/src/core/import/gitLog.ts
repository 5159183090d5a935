// `git log --date=iso` (or iso-strict; --pretty=fuller's AuthorDate): one event per commit, its subject.
import { ImportFormatError, type ImportedEvent, type ReadResult, type Unreadable } from './types';
import { isoInstant, oneLine } from './text';

const COMMIT = /^commit ([0-9a-f]{7,64})\b/;

export const looksLikeGitLog = (text: string): boolean => /^commit [0-9a-f]{7,64}\b/m.test(text) && /^(?:Author)?Date:\s+\d{4}-\d{2}-\d{2}/m.test(text);

export function readGitLog(text: string): ReadResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const events: ImportedEvent[] = [];
  const unreadable: Unreadable[] = [];
  let cur: { sha: string; line: number; author: string | null; at: number | null; dateText: string | null; subject: string | null } | null = null;
  const flush = () => {
    if (!cur) return;
    if (cur.at === null)
      unreadable.push({ line: cur.line + 1, text: lines[cur.line]!, reason: cur.dateText ? `'${cur.dateText}' is not an ISO date (use git log --date=iso)` : 'commit without a Date line' });
    else events.push({ at: cur.at, text: `Commit ${cur.sha.slice(0, 7)}: ${cur.subject ?? '(no message)'}`, who: cur.author, whoInText: false, phase: null, source: 'git' });
  };
  lines.forEach((line, i) => {
    const c = COMMIT.exec(line);
    if (c) {
      flush();
      cur = { sha: c[1]!, line: i, author: null, at: null, dateText: null, subject: null };
      return;
    }
    if (!cur) {
      if (line.trim()) unreadable.push({ line: i + 1, text: line, reason: 'before the first commit line' });
      return;
    }
    const author = /^Author:\s+(.*?)(?:\s+<[^>]*>)?\s*$/.exec(line);
    const date = /^(?:Date|AuthorDate):\s+(.*)$/.exec(line);
    if (author) cur.author = author[1]!;
    else if (date) [cur.dateText, cur.at] = [date[1]!.trim(), isoInstant(date[1]!)];
    else if (/^ {4}\S/.test(line) && cur.subject === null) cur.subject = oneLine(line);
  });
  flush();
  if (!events.length && !unreadable.length) throw new ImportFormatError('no commits found (git log output starts each with "commit <sha>")');
  return { source: 'git', events, unreadable, skipped: {} };
}
