// `postmortem lint` over 1,000 post-mortems on one thread and on every core (worker threads): the
// same findings either way, and how much faster the threads are. Each run is a fresh process.
import { spawnSync } from 'node:child_process';
import { availableThreads } from '../server/src/node/pool';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

function lint(cli: string, dir: string, jobs: number): { ms: number; out: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--jobs', String(jobs), dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`lint --jobs ${jobs} exited ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout };
}

/** Median of `runs` each way, alternating so a change in the machine's load hits both alike. */
export function measureLintThreads(cli: string, dir: string, runs = 3) {
  const threads = availableThreads();
  const one: number[] = [];
  const all: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const a = lint(cli, dir, 1);
    const b = lint(cli, dir, threads);
    if (a.out !== b.out) throw new Error(`lint --jobs 1 and --jobs ${threads} disagree`);
    findings = (JSON.parse(a.out) as unknown[]).length;
    one.push(a.ms);
    all.push(b.ms);
  }
  const oneMs = median(one);
  const allMs = median(all);
  return { threads, oneThreadMs: round(oneMs), allThreadsMs: round(allMs), speedup: round(oneMs / allMs, 2), findings };
}

export const lintThreadsLine = (r: ReturnType<typeof measureLintThreads>, docs: number): string =>
  `   postmortem lint of ${docs} files: 1 thread ${r.oneThreadMs} ms, ${r.threads} threads ${r.allThreadsMs} ms: ${r.speedup}x (${r.findings} findings, the same either way)`;
