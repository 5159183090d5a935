// Runs the CLI as CI does: the bundled bin (`npm run build` first), in a given folder.
import * as path from 'node:path';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { ROOT } from '../helpers';

export const BIN = path.join(ROOT, 'bin', 'postmortem.js');

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

export function run(args: string[], cwd: string, options: SpawnSyncOptions = {}): Run {
  // The runner's own colour settings must not leak into what a test expects.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', ...options, env: { ...env, ...options.env } });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}
