// Runs the fuzz properties, shared out between worker processes (one per core): the long run
// (run.ts) and the CI suite (fuzz.test.ts) both go through here. Worker k of a run uses seed
// N+k, so every failure names the seed and path that replay it on its own.
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { observer, PROPERTIES, SHARE, type PropertyName } from './properties';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const RUN_TS = path.join(__dirname, 'run.ts');
/** Cases slower than this are written out (the run still passes): a sign of super-linear work. */
const SLOW_MS = 5000;

export interface Outcome {
  property: PropertyName;
  seed: number;
  runs: number;
  ms: number;
  /** fast-check's report and the error, when the property failed. */
  failure: string | null;
  path: string | null;
  slow: { ms: number; file: string }[];
}

export const defaultJobs = () => Math.max(1, os.availableParallelism());

/** The input of the case a worker is running, rewritten before each case: what a hung worker was doing. */
export const currentCaseFile = (property: PropertyName, seed: number) => path.join(ARTIFACTS, `fuzz-current-${property}-${seed}.md`);

/**
 * Run one property in this process. A run stops at the first failure without shrinking it (a slow
 * case can take hours to shrink); `replayPath` replays one case and shrinks it.
 */
export function runProperty(property: PropertyName, runs: number, seed: number, replayPath: string | null, report: (line: string) => void): Outcome {
  const slow: Outcome['slow'] = [];
  let done = 0;
  const started = performance.now();
  const current = currentCaseFile(property, seed);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  observer.onStart = (_, text) => fs.writeFileSync(current, text());
  observer.onCase = (_, ms, text) => {
    done++;
    if (done % 500 === 0) report(`${property} seed ${seed}: ${done} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (ms > SLOW_MS && slow.length < 20) {
      const file = writeArtifact(`fuzz-slow-${property}-${seed}-${done}.md`, text());
      slow.push({ ms: Math.round(ms), file });
    }
  };
  const details = fc.check(PROPERTIES[property](), { numRuns: runs, seed, ...(replayPath ? { path: replayPath } : { endOnFailure: true }) });
  observer.onCase = undefined;
  observer.onStart = undefined;
  fs.rmSync(current, { force: true });
  const ms = performance.now() - started;
  if (!details.failed) return { property, seed, runs, ms, failure: null, path: null, slow };
  const error = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
  let failure = `${fc.defaultReportMessage(details) ?? 'failed'}\n${error}`;
  const first = (details.counterexample as unknown[] | null)?.[0] as { text?: string; versions?: string[] } | undefined;
  const text = first?.text ?? first?.versions?.join('\n\n<!-- next version -->\n\n');
  if (text !== undefined) failure += `\ncounterexample written to ${writeArtifact(`fuzz-failure-${property}-${seed}.md`, text)}`;
  return { property, seed, runs, ms, failure, path: details.counterexamplePath, slow };
}

function writeArtifact(name: string, text: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Share `runs` out between the properties (or give them all to one) and `jobs` workers. */
export async function runAll(options: { runs: number; seed: number; jobs: number; property?: PropertyName | null; log?: (line: string) => void }): Promise<Outcome[]> {
  const names = options.property ? [options.property] : (Object.keys(PROPERTIES) as PropertyName[]);
  const plan: { property: PropertyName; runs: number; seed: number }[] = [];
  for (const property of names) {
    const total = options.property ? options.runs : Math.round(options.runs * SHARE[property]);
    for (let k = 0; k < options.jobs; k++) {
      const runs = Math.floor(total / options.jobs) + (k < total % options.jobs ? 1 : 0);
      if (runs) plan.push({ property, runs, seed: options.seed + k });
    }
  }
  const outcomes: Outcome[] = [];
  const queue = [...plan];
  const log = options.log ?? (() => undefined);
  await Promise.all(
    Array.from({ length: Math.min(options.jobs, plan.length) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) outcomes.push(await spawnWorker(job.property, job.runs, job.seed, log));
    }),
  );
  return outcomes.sort((a, b) => a.property.localeCompare(b.property) || a.seed - b.seed);
}

function spawnWorker(property: PropertyName, runs: number, seed: number, log: (line: string) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = fork(RUN_TS, ['--worker', '--property', property, '--runs', String(runs), '--seed', String(seed)], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let outcome: Outcome | null = null;
    child.on('message', (m: { log?: string; outcome?: Outcome }) => {
      if (m.log) log(m.log);
      if (m.outcome) outcome = m.outcome;
    });
    child.on('error', reject);
    // A worker that dies (out of memory, killed when it hung) is a failure like any other.
    child.on('exit', (code, signal) =>
      resolve(
        outcome ?? {
          property,
          seed,
          runs,
          ms: 0,
          failure: `the worker died (${signal ?? `exit ${code}`}); the case it was running is in ${currentCaseFile(property, seed)}`,
          path: null,
          slow: [],
        },
      ),
    );
  });
}

/** One line per worker, then each failure with the command that replays it. */
export function describeOutcomes(outcomes: Outcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    lines.push(`${o.failure ? 'FAIL' : 'ok  '} ${o.property} seed ${o.seed}: ${o.runs} cases in ${(o.ms / 1000).toFixed(1)} s`);
    for (const s of o.slow) lines.push(`     slow case (${s.ms} ms): ${s.file}`);
    if (o.failure) {
      lines.push(o.failure);
      if (o.path) lines.push(`replay: npm run fuzz -- --property ${o.property} --seed ${o.seed} --path ${JSON.stringify(o.path)}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
