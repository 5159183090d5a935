// `npm run bench`: how the engine keeps up with big post-mortems. Generated documents (bench/
// generate.ts) of about 10 KB, 100 KB and 1 MB in three template styles; everything measured
// in one run, side by side with what it is compared to. The last line is the summary.
// `npm run bench -- --workspace` runs section 6 alone (the 1,000-document workspace) with its floors.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { CompletionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { createService, type PostmortemService } from '../server/src/core';
import { loadBuiltinTemplates } from '../server/src/node/builtinTemplates';
import { startServer, type LspSession } from '../test/lsp/harness';
import { generatePostmortem, prng, STYLES, timelineLines, type Style } from './generate';
import { lintThreadsLine, measureLintThreads } from './lintThreads';
import { measureWorkspace, workspaceFloors, WORKSPACE_DOCS } from './workspace';

// Run from a bundle in .cache/bench (what ships is bundled: measure that code, not the sources under tsx).
const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
const SIZES = [
  { name: '10k', bytes: 10_000, edits: 120, parses: 7 },
  { name: '100k', bytes: 100_000, edits: 100, parses: 5 },
  { name: '1m', bytes: 1_000_000, edits: 60, parses: 3 },
] as const;
const WARMUP_EDITS = 5;
const TODAY = '2025-05-01';
const templates = loadBuiltinTemplates();
const newService = () => createService({ templates, today: () => TODAY });
const fullParser = unified().use(remarkParse).use(remarkGfm);

// --- statistics ----------------------------------------------------------------------------

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
/** Nearest-rank percentile. */
const percentile = (xs: number[], p: number) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const median = (xs: number[]) => percentile(xs, 50);
const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const time = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const log = (s = '') => process.stdout.write(s + '\n');

// --- a document being typed into --------------------------------------------------------------

/** Single-character edits in the middle fifth of the timeline, as an author typing there. */
class Typist {
  lines: string[];
  version = 1;
  private readonly rows: number[];
  private readonly random: () => number;

  constructor(
    text: string,
    style: Style,
    readonly uri: string,
    seed: number,
  ) {
    this.lines = text.split('\n');
    const all = timelineLines(text, style);
    this.rows = all.slice(Math.floor(all.length * 0.4), Math.ceil(all.length * 0.6));
    this.random = prng(seed);
  }

  get doc() {
    return { uri: this.uri, version: this.version, text: this.lines.join('\n') };
  }

  /** Type one letter into an entry's text; returns the position just after it. */
  type(): { line: number; character: number } {
    const line = this.rows[Math.floor(this.random() * this.rows.length)]!;
    const l = this.lines[line]!;
    // Somewhere in the event text: past the time, before the end of the line.
    const character = Math.floor(l.length * (0.45 + this.random() * 0.4));
    this.lines[line] = l.slice(0, character) + 'abcdefgh'[Math.floor(this.random() * 8)] + l.slice(character);
    this.version++;
    return { line, character: character + 1 };
  }

  /** Press Enter after an entry in the middle: a new empty line; returns its index. */
  newLine(): number {
    const line = this.rows[Math.floor(this.random() * this.rows.length)]! + 1;
    this.lines.splice(line, 0, '');
    this.version++;
    return line;
  }

  /** Type one character at the end of a line; returns the position after it. */
  append(line: number, ch: string): { line: number; character: number } {
    this.lines[line] += ch;
    this.version++;
    return { line, character: this.lines[line]!.length };
  }

  /** Remove a line added by newLine. */
  removeLine(line: number): void {
    this.lines.splice(line, 1);
    this.version++;
  }

  /** A position in the timeline without editing: a time cell, the event text or a line end. */
  somewhere(): { line: number; character: number } {
    const line = this.rows[Math.floor(this.random() * this.rows.length)]!;
    const l = this.lines[line]!;
    const pick = this.random();
    return { line, character: pick < 1 / 3 ? Math.min(2, l.length) : pick < 2 / 3 ? Math.floor(l.length / 2) : l.length };
  }
}

// --- 1. per-edit diagnostics vs a full parse ----------------------------------------------------

interface EditResult {
  style: Style;
  size: string;
  bytes: number;
  openMs: number;
  editP50Ms: number;
  editP95Ms: number;
  fullParseMs: number;
  ratio: number;
  diagnostics: number;
}

function measureEdits(style: Style, size: (typeof SIZES)[number]): { result: EditResult; service: PostmortemService; typist: Typist } {
  const text = generatePostmortem(style, size.bytes, 42);
  const service = newService();
  const typist = new Typist(text, style, `file:///bench/${style}-${size.name}.md`, 7);
  const openMs = time(() => service.diagnostics(typist.doc));
  for (let i = 0; i < WARMUP_EDITS; i++) {
    typist.type();
    service.diagnostics(typist.doc);
  }
  const edits: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < size.edits; i++) {
    typist.type();
    const doc = typist.doc;
    edits.push(time(() => (diagnostics = service.diagnostics(doc).length)));
  }
  const parses: number[] = [];
  const current = typist.doc.text;
  for (let i = 0; i < size.parses; i++) parses.push(time(() => fullParser.parse(current)));
  const editP50Ms = median(edits);
  const fullParseMs = median(parses);
  return {
    result: {
      style,
      size: size.name,
      bytes: Buffer.byteLength(current),
      openMs: round(openMs),
      editP50Ms: round(editP50Ms, 2),
      editP95Ms: round(percentile(edits, 95), 2),
      fullParseMs: round(fullParseMs),
      ratio: round(fullParseMs / editP50Ms),
      diagnostics,
    },
    service,
    typist,
  };
}

// --- 2. completion in the timeline of the 1 MB document ----------------------------------------

/** One turn of the event loop, as the language server has between two LSP messages: the engine's
 *  young-generation collection runs then (V8 posts it as a task when the new space is nearly full),
 *  not inside the next request. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function measureCompletion(service: PostmortemService, typist: Typist, style: Style) {
  const typing: number[] = [];
  const backToBack: number[] = [];
  const firstKey: number[] = [];
  const cached: number[] = [];
  const byKey: number[][] = [];
  let requests = 0;
  let offered = 0;
  // A new entry typed under one in the middle: Enter, then the entry's start one key at a time,
  // the editor asking for completions after each (before the debounced diagnostics run: each
  // version is analysed by the request itself; the first one also carries the new line).
  const keys = style === 'classic' ? '- **14:05**: ' : style === 'report' ? '| 2025-04-23 14:05 | ' : '| 14:05 | ';
  // Eight entries typed as in the editor (the event loop turns between keys), then eight with no
  // pause at all (every collection lands on a request: the worst case, reported beside it).
  for (let entry = 0; entry < 16; entry++) {
    const paced = entry < 8;
    const line = typist.newLine();
    for (const [i, ch] of [...keys].entries()) {
      if (paced) await turn();
      const pos = typist.append(line, ch);
      const doc = typist.doc;
      let n = 0;
      const ms = time(() => (n = service.completions(doc, pos).length));
      if (!paced) {
        backToBack.push(ms);
        continue;
      }
      typing.push(ms);
      if (i === 0) firstKey.push(ms);
      (byKey[i] ??= []).push(ms);
      requests++;
      if (n) offered++;
      // Asking again elsewhere in the same version: the model is cached.
      const there = typist.somewhere();
      cached.push(time(() => service.completions(doc, there)));
    }
    typist.removeLine(line);
    service.model(typist.doc);
  }
  return {
    typingP50Ms: round(median(typing), 2),
    typingP95Ms: round(percentile(typing, 95), 2),
    backToBackP95Ms: round(percentile(backToBack, 95), 2),
    firstKeyP50Ms: round(median(firstKey), 2),
    cachedP95Ms: round(percentile(cached, 95), 2),
    offered: `${offered}/${requests}`,
    /** The median of each key of the entry, in the order typed. */
    perKeyMs: byKey.map((t) => round(median(t), 1)),
  };
}

// --- 3. cold CLI lint vs markdownlint -----------------------------------------------------------

function wall(cmd: string[]): { ms: number; out: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, cmd, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout };
}

function measureLint(file: string) {
  const ours: number[] = [];
  const theirs: number[] = [];
  let ourFindings = 0;
  let theirFindings = 0;
  for (let i = 0; i < 3; i++) {
    const a = wall([path.join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', file]);
    ours.push(a.ms);
    ourFindings = (JSON.parse(a.out) as unknown[]).length;
    const b = wall([path.join(ROOT, 'bench', 'markdownlint.mjs'), file]);
    theirs.push(b.ms);
    theirFindings = Number(b.out.trim());
  }
  const oursMs = median(ours);
  const markdownlintMs = median(theirs);
  return { oursMs: round(oursMs), markdownlintMs: round(markdownlintMs), ratio: round(markdownlintMs / oursMs, 2), ourFindings, theirFindings };
}

// --- 4. preview render at 100 KB ------------------------------------------------------------------

function measureRender(service: PostmortemService, typist: Typist) {
  const afterEdit: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < 30; i++) {
    typist.type();
    const doc = typist.doc;
    // The preview refreshing after a keystroke: analysis, diagnostics (for the problem count), HTML.
    afterEdit.push(time(() => service.preview(doc, { mode: 'webview', nonce: 'benchnonce0123456789abcdef' })));
    again.push(time(() => service.preview(doc, { mode: 'webview', nonce: 'benchnonce0123456789abcdef' })));
  }
  return { afterEditP50Ms: round(median(afterEdit), 2), afterEditP95Ms: round(percentile(afterEdit, 95), 2), renderOnlyP50Ms: round(median(again), 2) };
}

// --- 5. server memory with the 1 MB document open -------------------------------------------------

async function measureServerMemory(file: string) {
  const session = await startServer();
  try {
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    const opened = performance.now();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    while (!session.diagnostics.has(uri)) {
      if (performance.now() - opened > 180_000) throw new Error(`no diagnostics within 180 s; stderr: ${session.stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const firstDiagnosticsMs = performance.now() - opened;
    const rss = () => Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${session.process.pid}/status`, 'utf8'))![1]) / 1024;
    const atDiagnosticsMb = rss();
    // Resident once the open has settled (the server collects after a heavy run).
    await new Promise((r) => setTimeout(r, 1000));
    const rssMb = round(rss());
    const fast = await typeOverLsp(session.connection, uri, text, 60, 1);
    const typing = [fast, await typeOverLsp(session.connection, uri, text, 250, fast.version)];
    return { rssMb, atDiagnosticsMb: round(atDiagnosticsMb), firstDiagnosticsMs: round(firstDiagnosticsMs), diagnostics: session.diagnostics.get(uri)!.diagnostics.length, typing };
  } finally {
    await session.stop();
  }
}

/**
 * Section 2 as the editor sees it: a new timeline entry typed into the open 1 MB document, one
 * incremental didChange and one completion request per key, `gapMs` apart. At 60 ms (a fast typist,
 * under the 150 ms diagnostics debounce) only completion runs; at 250 ms the rules run between keys
 * too, and the version after Enter (a blank line splits the table) is analysed on its own. Round
 * trips, in ms: what the server adds to the engine (the text update, JSON-RPC) is in them.
 */
async function typeOverLsp(connection: LspSession['connection'], uri: string, text: string, gapMs: number, firstVersion: number) {
  const lines = text.split('\n');
  const rows = timelineLines(text, 'standard');
  const random = prng(11);
  let version = firstVersion;
  const change = (line: number, character: number, insert: string, endLine = line, endCharacter = character) =>
    connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text: insert }],
    });
  const trips: number[] = [];
  for (let entry = 0; entry < 8; entry++) {
    const after = rows[Math.floor(rows.length * (0.4 + random() * 0.2))]!;
    await change(after, lines[after]!.length, '\n'); // Enter at the end of an entry
    let typed = '';
    for (const ch of '| 14:05 | ') {
      await new Promise((r) => setTimeout(r, gapMs));
      await change(after + 1, typed.length, ch);
      typed += ch;
      const t = performance.now();
      await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: after + 1, character: typed.length } });
      trips.push(performance.now() - t);
    }
    await change(after, lines[after]!.length, '', after + 1, typed.length); // the line removed again
    await new Promise((r) => setTimeout(r, 300));
  }
  return { gapMs, p50Ms: round(median(trips), 2), p95Ms: round(percentile(trips, 95), 2), requests: trips.length, version };
}

// --- the run ------------------------------------------------------------------------------------

async function main() {
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  log(`postmortem bench: node ${process.version}, ${os.cpus().length} CPU(s), load average ${load}`);
  log('(wall-clock times; a busy machine inflates them)\n');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
  }
  if (process.argv.includes('--workspace')) {
    const { index, report } = await measureWorkspace(path.join(ROOT, 'dist', 'cli.js'), () => null);
    log('\nFloors:');
    const values = { 'index-1000-ms': index.indexMs, 'index-1000-rss-mb': index.rssMb, 'report-vs-lint': report.ratio };
    for (const [k, floor, ok] of workspaceFloors(index.indexMs, index.rssMb, report.ratio)) log(`   ${ok ? 'ok  ' : 'MISS'} ${k} = ${values[k]} (floor ${floor})`);
    return;
  }

  if (process.argv.includes('--completion')) {
    // Section 2 alone, for work on the typing path: the 1 MB documents opened and edited, then typed into.
    for (const style of STYLES) {
      const { service, typist } = measureEdits(
        style,
        SIZES.find((s) => s.name === '1m')!,
      );
      const c = await measureCompletion(service, typist, style);
      log(`   ${style.padEnd(9)} typing a new entry: p50 ${c.typingP50Ms} ms, p95 ${c.typingP95Ms} ms (back to back: p95 ${c.backToBackP95Ms} ms); per key (median ms): ${c.perKeyMs.join(' ')}`);
    }
    return;
  }

  log('1. Per-edit diagnostics (service.diagnostics, new version per single-character edit in the timeline)');
  log('   vs. a full unified + remark-parse + GFM parse of the same text');
  log('   style     size   bytes      open ms  edit p50  edit p95  full parse  ratio  diagnostics');
  const edits: EditResult[] = [];
  const kept = new Map<string, { service: PostmortemService; typist: Typist }>();
  for (const size of SIZES) {
    for (const style of STYLES) {
      const { result: r, service, typist } = measureEdits(style, size);
      edits.push(r);
      if (size.name !== '10k') kept.set(`${style}-${size.name}`, { service, typist });
      log(
        `   ${style.padEnd(9)} ${r.size.padEnd(5)}  ${String(r.bytes).padStart(8)}  ${r.openMs.toFixed(0).padStart(8)}  ${r.editP50Ms.toFixed(2).padStart(8)}  ${r.editP95Ms.toFixed(2).padStart(8)}  ${r.fullParseMs.toFixed(0).padStart(10)}  ${r.ratio.toFixed(1).padStart(5)}  ${String(r.diagnostics).padStart(11)}`,
      );
    }
  }

  log('\n2. Completion in the timeline of the 1 MB documents (service.completions, one request per keystroke; the event loop turns between keys, as in the server)');
  const completion: Record<string, Awaited<ReturnType<typeof measureCompletion>>> = {};
  for (const style of STYLES) {
    const { service, typist } = kept.get(`${style}-1m`)!;
    const c = (completion[style] = await measureCompletion(service, typist, style));
    log(
      `   ${style.padEnd(9)} typing a new entry: p50 ${c.typingP50Ms} ms, p95 ${c.typingP95Ms} ms (first key after Enter: p50 ${c.firstKeyP50Ms} ms; items offered ${c.offered}); same version, elsewhere: p95 ${c.cachedP95Ms} ms; back to back, no pause between keys: p95 ${c.backToBackP95Ms} ms`,
    );
  }

  log('\n3. Cold `postmortem lint` of a 1 MB document vs markdownlint (each a fresh node process, median of 3)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-bench-'));
  const lint: Record<string, ReturnType<typeof measureLint>> = {};
  let rss: Awaited<ReturnType<typeof measureServerMemory>>;
  try {
    for (const style of STYLES) {
      const file = path.join(dir, `${style}-1m.md`);
      fs.writeFileSync(file, generatePostmortem(style, 1_000_000, 42));
      const l = (lint[style] = measureLint(file));
      log(`   ${style.padEnd(9)} postmortem lint ${l.oursMs} ms (${l.ourFindings} findings), markdownlint ${l.markdownlintMs} ms (${l.theirFindings} findings): ${l.ratio}x`);
    }

    log('\n5. Language server with the 1 MB standard document open (dist/server.js --stdio): memory (VmRSS), then typing in it');
    rss = await measureServerMemory(path.join(dir, 'standard-1m.md'));
    log(`   ${rss.rssMb} MB one second after the first diagnostics (${rss.diagnostics}; ${rss.atDiagnosticsMb} MB when they arrived, ${rss.firstDiagnosticsMs} ms after didOpen)`);
    for (const t of rss.typing) log(`   typing a new entry in it, didChange + completion per key ${t.gapMs} ms apart: round trip p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms (${t.requests} requests)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  log('\n4. Preview render of the 100 KB documents (service.preview, webview)');
  const render: Record<string, ReturnType<typeof measureRender>> = {};
  for (const style of STYLES) {
    const { service, typist } = kept.get(`${style}-100k`)!;
    const r = (render[style] = measureRender(service, typist));
    log(`   ${style.padEnd(9)} after a keystroke (analysis + diagnostics + HTML): p50 ${r.afterEditP50Ms} ms, p95 ${r.afterEditP95Ms} ms; HTML only: p50 ${r.renderOnlyP50Ms} ms`);
  }

  // Section 7 reuses the workspace folder of section 6 while it exists.
  const {
    index,
    report,
    more: threads,
  } = await measureWorkspace(path.join(ROOT, 'dist', 'cli.js'), (wsDir) => {
    log(`\n7. Lint of the same ${WORKSPACE_DOCS} files on 1 thread vs every core`);
    const t = measureLintThreads(path.join(ROOT, 'dist', 'cli.js'), wsDir);
    log(lintThreadsLine(t, WORKSPACE_DOCS));
    return t;
  });

  // The summary takes the worst style for each figure.
  const worst = <T>(xs: T[], f: (x: T) => number, pick: (a: number, b: number) => number) => xs.map(f).reduce((a, b) => pick(a, b));
  const at = (size: string) => edits.filter((e) => e.size === size);
  const summary = {
    'edit-ratio-100k': worst(at('100k'), (e) => e.ratio, Math.min),
    'edit-ratio-1m': worst(at('1m'), (e) => e.ratio, Math.min),
    'edit-p95-100k-ms': worst(at('100k'), (e) => e.editP95Ms, Math.max),
    'completion-p95-1m-ms': worst(Object.values(completion), (c) => c.typingP95Ms, Math.max),
    // Through the real server (no floor: the editor's text update and JSON-RPC are in it too).
    'completion-lsp-p95-1m-ms': worst(rss.typing, (t) => t.p95Ms, Math.max),
    'lint-vs-markdownlint': worst(Object.values(lint), (l) => l.ratio, Math.min),
    'render-100k-ms': worst(Object.values(render), (r) => r.afterEditP50Ms, Math.max),
    'rss-1m-mb': rss.rssMb,
    'index-1000-ms': index.indexMs,
    'index-1000-rss-mb': index.rssMb,
    'report-vs-lint': report.ratio,
    'lint-1000-speedup': threads.speedup,
  };
  const floors: [keyof typeof summary, string, boolean][] = [
    ['edit-ratio-100k', '>= 10', summary['edit-ratio-100k'] >= 10],
    ['edit-ratio-1m', '>= 10', summary['edit-ratio-1m'] >= 10],
    ['edit-p95-100k-ms', '< 30', summary['edit-p95-100k-ms'] < 30],
    ['completion-p95-1m-ms', '< 20', summary['completion-p95-1m-ms'] < 20],
    ['lint-vs-markdownlint', '>= 1.0', summary['lint-vs-markdownlint'] >= 1],
    ['render-100k-ms', '< 150', summary['render-100k-ms'] < 150],
    ['rss-1m-mb', '< 200', summary['rss-1m-mb'] < 200],
  ];
  for (const [k, floor, ok] of workspaceFloors(index.indexMs, index.rssMb, report.ratio)) floors.push([k, floor, ok]);
  log('\nFloors (worst style):');
  for (const [k, floor, ok] of floors) log(`   ${ok ? 'ok  ' : 'MISS'} ${k} = ${summary[k]} (floor ${floor})`);

  const out = path.join(ROOT, 'bench-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, 'latest.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        loadAverage: os.loadavg(),
        summary,
        edits,
        completion,
        lint,
        render,
        server: rss,
        workspace: { index, report, lintThreads: threads },
      },
      null,
      2,
    ) + '\n',
  );
  log(`\nresults: ${path.relative(ROOT, path.join(out, 'latest.json'))}`);
  log(
    `summary: edit-ratio-100k=${summary['edit-ratio-100k']} edit-ratio-1m=${summary['edit-ratio-1m']} edit-p95-100k-ms=${summary['edit-p95-100k-ms']} completion-p95-1m-ms=${summary['completion-p95-1m-ms']} completion-lsp-p95-1m-ms=${summary['completion-lsp-p95-1m-ms']} lint-vs-markdownlint=${summary['lint-vs-markdownlint']} render-100k-ms=${summary['render-100k-ms']} rss-1m-mb=${summary['rss-1m-mb']} index-1000-ms=${summary['index-1000-ms']} index-1000-rss-mb=${summary['index-1000-rss-mb']} report-vs-lint=${summary['report-vs-lint']} lint-1000-speedup=${summary['lint-1000-speedup']}x (${threads.threads} threads)`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
