// File-system side of the CLI: expanding paths and reading them with clear errors.
import * as fs from 'node:fs';
import * as path from 'node:path';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.cache', 'dist', 'out']);

export interface FileProblem {
  file: string;
  message: string;
}

/** Expand folders into their markdown files (recursively); report paths that do not exist. */
export function expandPaths(paths: string[]): { files: string[]; problems: FileProblem[] } {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ file: dir, message: describe(e) });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !SKIP_DIRS.has(e.name)) walk(p);
      else if (e.isFile() && MARKDOWN.test(e.name)) files.push(p);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      problems.push({ file: p, message: describe(e) });
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, problems };
}

/** Read a file as text; binary content is refused with a clear message. */
export function readText(file: string): { text: string } | { error: string } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { error: describe(e) };
  }
  if (buf.subarray(0, 8000).includes(0)) return { error: 'binary file (contains NUL bytes), not markdown' };
  return { text: buf.toString('utf8').replace(/^\uFEFF/, '') };
}

function describe(e: unknown): string {
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
