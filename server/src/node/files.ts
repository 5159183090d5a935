// File-system side of the CLI: reading files with clear errors, finding the config.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Read a file as text (`bom`: it started with one, removed from `text`); binary content is refused with a clear message. */
export function readText(file: string): { text: string; bom: boolean } | { error: string } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { error: describeError(e) };
  }
  if (buf.subarray(0, 8000).includes(0)) return { error: 'binary file (contains NUL bytes), not markdown' };
  const text = buf.toString('utf8');
  return text.startsWith('\uFEFF') ? { text: text.slice(1), bom: true } : { text, bom: false };
}

export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** The workspace config: --config FILE, else .postmortem.yaml in the folder or a parent. */
export function findConfigFile(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, '.postmortem.yaml');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
