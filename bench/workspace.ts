// Section 6 of `npm run bench`: a workspace of 1,000 generated post-mortems of about 10 KB. The
// language server indexes it (time, memory), then `postmortem report` and `postmortem lint` run over it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../test/lsp/harness';
import { WORKSPACE_LIST_REQUEST, type WorkspaceListResult } from '../server/src/protocol';
import { generatePostmortem, STYLES } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const log = (s = '') => process.stdout.write(s + '\n');

function wall(cmd: string[]): { ms: number; out: string } {
  const t = performance.now();
  // From the repository folder, as `npm run bench` runs (dist/cli.js is two levels down).
  const r = spawnSync(process.execPath, cmd, { cwd: path.dirname(path.dirname(cmd[0]!)), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout };
}

export const WORKSPACE_DOCS = 1000;

/** 1,000 generated post-mortems of about 10 KB (10 MB), the three styles in turn, in dated folders. */
function writeWorkspace(dir: string): number {
  let bytes = 0;
  for (let i = 0; i < WORKSPACE_DOCS; i++) {
    const sub = path.join(dir, 'postmortems', String(2020 + (i % 5)));
    fs.mkdirSync(sub, { recursive: true });
    const text = generatePostmortem(STYLES[i % STYLES.length]!, 10_000, 1000 + i);
    fs.writeFileSync(path.join(sub, `pm-${String(i).padStart(4, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** The language server started on the folder: time until the index holds every post-mortem, and its memory. */
async function measureIndex(dir: string) {
  const started = performance.now();
  const session = await startServer({ rootUri: pathToFileURL(dir).href });
  try {
    let r: WorkspaceListResult;
    let firstMs: number | null = null;
    for (;;) {
      r = (await session.connection.sendRequest(WORKSPACE_LIST_REQUEST)) as WorkspaceListResult;
      if (firstMs === null && r.postmortems > 0) firstMs = performance.now() - started;
      if (!r.indexing && r.postmortems >= WORKSPACE_DOCS) break;
      if (performance.now() - started > 600_000) throw new Error(`index incomplete after 600 s: ${r.postmortems}; stderr: ${session.stderr.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const indexMs = performance.now() - started;
    const rss = () => Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${session.process.pid}/status`, 'utf8'))![1]) / 1024;
    const atEndMb = rss();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { indexMs: round(indexMs), firstEntriesMs: round(firstMs ?? indexMs), postmortems: r.postmortems, rssMb: round(rss()), atEndMb: round(atEndMb) };
  } finally {
    await session.stop();
  }
}

/** `postmortem report` and `postmortem lint` over the same folder, each a fresh process, in 7 pairs
 *  run back to back (which runs first alternates). The ratio is the median of the pairs' ratios:
 *  this machine's speed drifts over seconds, and a drift between the two runs of a pair is smaller
 *  than one between the 3rd-fastest report and the 3rd-fastest lint of the whole series. */
function measureReport(cli: string, dir: string) {
  const reports: number[] = [];
  const lints: number[] = [];
  const ratios: number[] = [];
  let postmortems = 0;
  const report = () => {
    const r = wall([cli, 'report', '--format', 'json', dir]);
    postmortems = (JSON.parse(r.out) as { postmortems: unknown[] }).postmortems.length;
    return r.ms;
  };
  const lint = () => wall([cli, 'lint', '--format', 'json', dir]).ms;
  for (let i = 0; i < 7; i++) {
    let r: number, l: number;
    if (i % 2) {
      r = report();
      l = lint();
    } else {
      l = lint();
      r = report();
    }
    reports.push(r);
    lints.push(l);
    ratios.push(r / l);
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  return {
    reportMs: round(median(reports)),
    lintMs: round(median(lints)),
    ratio: round(median(ratios), 2),
    ratioRange: [round(sorted[0]!, 2), round(sorted[sorted.length - 1]!, 2)] as const,
    postmortems,
  };
}

/** Section 6: index, memory and report vs lint over a fresh workspace of 1,000 generated post-mortems. */
export async function measureWorkspace<T>(cli: string, more: (dir: string) => T) {
  log(`\n6. A workspace of ${WORKSPACE_DOCS} post-mortems of about 10 KB`);
  const wsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-bench-ws-'));
  try {
    const bytes = writeWorkspace(wsDir);
    const index = await measureIndex(wsDir);
    log(
      `   language server: ${index.postmortems} indexed ${index.indexMs} ms after start (${(bytes / 1e6).toFixed(1)} MB; first entries after ${index.firstEntriesMs} ms); ${index.rssMb} MB resident (${index.atEndMb} MB when done)`,
    );
    const report = measureReport(cli, wsDir);
    log(
      `   postmortem report ${report.reportMs} ms (${report.postmortems} post-mortems), postmortem lint ${report.lintMs} ms (medians): report/lint ${report.ratio} (median of 7 pairs; ${report.ratioRange.join('–')})`,
    );
    return { index, report, more: more(wsDir) };
  } finally {
    fs.rmSync(wsDir, { recursive: true, force: true });
  }
}

/** Section 6's floors: index time, server memory, report vs lint. */
export function workspaceFloors(indexMs: number, rssMb: number, ratio: number) {
  return [
    ['index-1000-ms', '< 60000', indexMs < 60_000],
    ['index-1000-rss-mb', '< 300', rssMb < 300],
    ['report-vs-lint', '<= 1.0', ratio <= 1],
  ] as const;
}
