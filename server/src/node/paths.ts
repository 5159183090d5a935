// Which files a command runs on: files, folders and globs (expanded here, so a quoted
// '**/*.md' works in any shell and in CI configs), minus what .gitignore, the config's
// `ignores:` and --ignore leave out.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { describeError } from './files';

const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdown', 'mkd'];
const MARKDOWN = new RegExp(`\\.(${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');
/** Never searched, whatever the ignore files say. */
const SKIP_DIRS = ['node_modules', '.git', '.cache', 'dist', 'out'];
const SKIP_GLOBS = SKIP_DIRS.map((d) => `**/${d}/**`);

export interface FileProblem {
  file: string;
  message: string;
}

/** gitignore-style patterns and the folder they are relative to. */
export interface IgnoreSource {
  dir: string;
  patterns: string[];
}

export interface ExpandOptions {
  cwd?: string;
  /** Patterns from --ignore (cwd) and the config's `ignores:` (its folder). */
  ignores?: IgnoreSource[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
}

export type IgnoredBy = 'gitignore' | 'pattern';

/** What a command says of a file named outright that an ignore pattern leaves out. */
export const skippedMessage = ({ file, by }: { file: string; by: IgnoredBy }): string =>
  `${file}: skipped (${by === 'gitignore' ? 'a .gitignore lists it; --no-gitignore checks it' : 'an ignore pattern matches it'})`;

export interface Expanded {
  files: string[];
  problems: FileProblem[];
  /** Files named on the command line that an ignore pattern leaves out, and which kind of pattern. */
  ignored: { file: string; by: IgnoredBy }[];
}

/**
 * Files as given, folders searched recursively for markdown, globs ('**\/*.md'; a leading `!`
 * excludes) expanded relative to cwd. Each file once, in the spelling it was first found.
 */
export function expandPaths(args: string[], options: ExpandOptions = {}): Expanded {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const problems: FileProblem[] = [];
  const ignoredExplicit: { file: string; by: IgnoredBy }[] = [];
  const negations = args.filter((a) => a.startsWith('!')).map((a) => a.slice(1));
  const excluded = negations.length ? globSync(negations, { cwd, dot: true, ignore: SKIP_GLOBS }).map((f) => path.resolve(cwd, f)) : [];
  const exclude = new Set(excluded);
  const isIgnored = ignoreTest(cwd, options);
  const seen = new Set<string>();
  const files: string[] = [];
  const add = (file: string, explicit: boolean) => {
    const abs = path.resolve(cwd, file);
    if (seen.has(abs) || exclude.has(abs)) return;
    seen.add(abs);
    const by = isIgnored(abs);
    if (by) {
      if (explicit) ignoredExplicit.push({ file, by });
      return;
    }
    files.push(file);
  };
  for (const arg of args) {
    if (arg.startsWith('!')) continue;
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(path.resolve(cwd, arg));
    } catch (e) {
      if (!isDynamicPattern(arg)) {
        problems.push({ file: arg, message: describeError(e) });
        continue;
      }
    }
    if (stat?.isFile()) add(arg, true);
    else if (stat?.isDirectory()) {
      const found = globSync(`**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`, { cwd: path.resolve(cwd, arg), ignore: SKIP_GLOBS, caseSensitiveMatch: false });
      for (const f of found.sort()) add(path.join(arg, f), false);
    } else if (stat) problems.push({ file: arg, message: 'not a file or folder' });
    else {
      // '**/*' means the markdown files; a pattern that names its extension means what it says.
      const found = globSync(arg, { cwd, ignore: SKIP_GLOBS }).filter((f) => MARKDOWN.test(f) || /\.[\w-]+$/.test(arg));
      if (!found.length) problems.push({ file: arg, message: 'no markdown files match this pattern' });
      for (const f of found.sort()) add(f, false);
    }
  }
  return { files, problems, ignored: ignoredExplicit };
}

/** One test for all ignore sources (which one leaves the file out, or null); .gitignore files apply from their own folder down. */
function ignoreTest(cwd: string, options: ExpandOptions): (abs: string) => IgnoredBy | null {
  const sources = (options.ignores ?? []).filter((s) => s.patterns.length).map((s) => ({ dir: path.resolve(cwd, s.dir), ig: ignore().add(s.patterns) }));
  const gitignores = new Map<string, Ignore | null>();
  const gitignoreIn = (dir: string): Ignore | null => {
    if (!gitignores.has(dir)) {
      let text: string | null = null;
      try {
        text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
      } catch {
        text = null;
      }
      gitignores.set(dir, text === null ? null : ignore().add(text));
    }
    return gitignores.get(dir)!;
  };
  const roots = new Map<string, boolean>();
  const isRepoRoot = (dir: string): boolean => {
    if (!roots.has(dir)) roots.set(dir, fs.existsSync(path.join(dir, '.git')));
    return roots.get(dir)!;
  };
  const matches = (ig: Ignore, dir: string, abs: string) => {
    const rel = path.relative(dir, abs);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && ig.ignores(rel.split(path.sep).join('/'));
  };
  return (abs) => {
    if (sources.some((s) => matches(s.ig, s.dir, abs))) return 'pattern';
    if (options.gitignore === false) return null;
    // From the file's folder up to the repository root (the folder holding .git), or the root.
    for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
      const ig = gitignoreIn(dir);
      if (ig && matches(ig, dir, abs)) return 'gitignore';
      if (isRepoRoot(dir) || path.dirname(dir) === dir) return null;
    }
  };
}
