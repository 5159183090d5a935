// The workspace index: one summary per post-mortem, updated one document at a time. It holds
// summaries only; the caller decides which models the service keeps (open editors) and which it
// forgets (files read from disk).
import type { DocumentInput, PostmortemService } from '../service';
import type { PostmortemSummary } from './summary';

type Reader = Pick<PostmortemService, 'summary' | 'forget'>;

export type IndexChange = { kind: 'set'; summary: PostmortemSummary } | { kind: 'delete'; uri: string };

export class WorkspaceIndex {
  private entries = new Map<string, PostmortemSummary>();
  private listeners: ((change: IndexChange) => void)[] = [];

  constructor(private service: Reader) {}

  /**
   * Reads one document; a document that is (no longer) a post-mortem leaves the index. Returns its
   * summary or null. `using`: another service (e.g. one for bulk reads, disposed after them).
   */
  update(doc: DocumentInput, options: { keepModel?: boolean; using?: Reader } = {}): PostmortemSummary | null {
    const service = options.using ?? this.service;
    let summary: PostmortemSummary | null;
    try {
      summary = service.summary(doc);
    } finally {
      if (!options.keepModel) service.forget(doc.uri);
    }
    if (summary) this.set(summary);
    else this.delete(doc.uri);
    return summary;
  }

  set(summary: PostmortemSummary): void {
    this.entries.set(summary.uri, summary);
    this.emit({ kind: 'set', summary });
  }

  delete(uri: string): boolean {
    if (!this.entries.delete(uri)) return false;
    this.emit({ kind: 'delete', uri });
    return true;
  }

  /** Everything under a folder URI leaves (a deleted folder arrives as one event). */
  deleteUnder(folderUri: string): number {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    let n = 0;
    for (const uri of [...this.entries.keys()]) if (uri.startsWith(prefix) && this.delete(uri)) n++;
    return n;
  }

  /** A renamed file keeps its summary under the new URI (its content did not change). */
  rename(oldUri: string, newUri: string): boolean {
    const s = this.entries.get(oldUri);
    if (!s) return false;
    this.delete(oldUri);
    this.set({ ...s, uri: newUri });
    return true;
  }

  get(uri: string): PostmortemSummary | undefined {
    return this.entries.get(uri);
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Newest first; undated ones last, by title. */
  list(): PostmortemSummary[] {
    return [...this.entries.values()].sort(byDateDescending);
  }

  clear(): void {
    for (const uri of [...this.entries.keys()]) this.delete(uri);
  }

  onChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private emit(change: IndexChange): void {
    for (const l of this.listeners) l(change);
  }
}

export function byDateDescending(a: Pick<PostmortemSummary, 'sortKey' | 'title' | 'uri'>, b: Pick<PostmortemSummary, 'sortKey' | 'title' | 'uri'>): number {
  if (a.sortKey !== b.sortKey) {
    if (a.sortKey === null) return 1;
    if (b.sortKey === null) return -1;
    return b.sortKey - a.sortKey;
  }
  return a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri);
}
