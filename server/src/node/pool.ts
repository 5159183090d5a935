// Runs one per-file job over many files on the machine's cores: a pool of worker threads, each
// running the bundled script again. Results come back sorted by file, however the threads finish.
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * A job over files. `setup` runs once per thread (in the main thread when there is one thread)
 * and returns the step run for each file; `init` must survive structured cloning, and so must
 * what the step returns.
 */
export interface FileJob<Init, Result> {
  readonly name: string;
  setup(init: Init): (file: string) => Result;
}

export type FileResult<R> = { file: string; result: R } | { file: string; error: string };

const KEY = 'postmortemFileJob';
const jobs = new Map<string, FileJob<never, unknown>>();

/** Register a job so a worker thread, which loads the same script, finds it by name. */
export function defineJob<I, R>(job: FileJob<I, R>): FileJob<I, R> {
  jobs.set(job.name, job as unknown as FileJob<never, unknown>);
  return job;
}

export const availableThreads = (): number => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);

export interface PoolOptions {
  /** At most this many threads; 1 runs everything in this thread. */
  threads: number;
  /** The script each worker runs: the bundle that defined the job and calls serveWorker(). */
  script: string;
}

const byFile = <R>(a: FileResult<R>, b: FileResult<R>) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
const message = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));

export async function runFiles<I, R>(job: FileJob<I, R>, files: string[], init: I, options: PoolOptions): Promise<FileResult<R>[]> {
  const threads = Math.max(1, Math.min(options.threads, files.length));
  // Sources run under a TypeScript loader cannot be started as workers: run them here.
  const results = threads === 1 || !options.script.endsWith('.js') ? inThread(job, files, init) : await inWorkers(job, files, init, threads, options.script);
  return results.sort(byFile);
}

function inThread<I, R>(job: FileJob<I, R>, files: string[], init: I): FileResult<R>[] {
  const step = job.setup(init);
  return files.map((file) => {
    try {
      return { file, result: step(file) };
    } catch (e) {
      return { file, error: message(e) };
    }
  });
}

type Reply<R> = { index: number; result: R } | { index: number; error: string };

/** Files each worker holds: the one it reads and the next. */
const AHEAD = 2;

/** Each worker takes the next file when it answers, so a slow file does not hold up a batch. */
function inWorkers<I, R>(job: FileJob<I, R>, files: string[], init: I, threads: number, script: string): Promise<FileResult<R>[]> {
  return new Promise((resolve, reject) => {
    const results: FileResult<R>[] = new Array(files.length);
    const workers: Worker[] = [];
    const retired = new Set<Worker>();
    let next = 0;
    let done = 0;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const inFlight = new Map<Worker, number>();
    const feed = (w: Worker) => {
      if (next < files.length) {
        w.postMessage({ index: next, file: files[next] });
        next++;
        inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
      } else if (!inFlight.get(w)) {
        retired.add(w);
        void w.terminate();
      }
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(script, { workerData: { [KEY]: { job: job.name, init } } });
      workers.push(w);
      w.on('message', (reply: Reply<R>) => {
        const file = files[reply.index]!;
        inFlight.set(w, inFlight.get(w)! - 1);
        results[reply.index] = 'error' in reply ? { file, error: reply.error } : { file, result: reply.result };
        if (++done === files.length) {
          for (const x of workers) {
            retired.add(x);
            void x.terminate();
          }
          resolve(results);
        } else feed(w);
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (!retired.has(w)) fail(new Error(`worker thread exited with code ${code}`));
      });
      // A file ahead: the worker starts on it while its last answer is on its way, never waiting for the main thread.
      for (let k = 0; k < AHEAD; k++) feed(w);
    }
  });
}

/** True in a worker thread started by runFiles. */
export const isPoolWorker = (): boolean => !isMainThread && typeof workerData === 'object' && workerData !== null && KEY in workerData;

/** The worker side: set the job up once, then answer one file per message. */
export function serveWorker(): void {
  const { job: name, init } = (workerData as Record<string, { job: string; init: never }>)[KEY]!;
  const job = jobs.get(name);
  if (!job || !parentPort) throw new Error(`no file job named '${name}' in this script`);
  const step = job.setup(init);
  const port = parentPort;
  port.on('message', ({ index, file }: { index: number; file: string }) => {
    try {
      port.postMessage({ index, result: step(file) });
    } catch (e) {
      port.postMessage({ index, error: message(e) });
    }
  });
}
