// `npm run accuracy`: the engine against independent hand labels of real, public post-mortems.
//
// Reads ../shared/corpus/LABELS.json (beside the project root) and every labelled file there, runs
// the engine through the same service the CLI uses (built-in templates, default configuration;
// a .postmortem.yaml in the current folder applies, as for the CLI), and prints one line per
// document and a last line:
//
//   accuracy: detection=D/N metrics-right=R/M wrong-numbers=W false-errors=E entries-read=X/Y
//
// Definitions:
// - detection: documents whose isPostmortem the engine gets right; N = every labelled document.
//   Blank templates and the fictional worked example are labelled "not a post-mortem".
// - metrics-right: M = every non-null labelled value among start, end, durationMinutes,
//   ttdMinutes, ttaMinutes, ttmMinutes, ttrMinutes; R = those the engine gives within one minute.
// - wrong-numbers: values the engine gives that differ by more than a minute from a non-null
//   label. "—" (no value) is never wrong. A value the engine gives where the label is null is not
//   counted here (the label has nothing to differ from: null means "not determinable", "depends
//   on a zone the document never states" or "two readings equally defensible"); such values are
//   listed per document as "unlabelled" and counted on the line before the last one, so they
//   stay visible.
// - false-errors: error-severity findings on no line that the labels' realProblems name.
// - entries-read: X = labelled timeline-entry lines (sources.timelineEntries) on which the engine
//   read an entry with an instant; Y = the labelled timelineEntries counts summed.
//
// `--json` prints the per-document results and the totals as JSON instead; `--corpus DIR` reads
// another folder laid out the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createService } from '../server/src/core/service';
import { parseConfig } from '../server/src/core/template/load';
import { ConfigSpec, type Config } from '../server/src/core/template/schema';
import { loadBuiltinTemplates } from '../server/src/node/builtinTemplates';
import { findConfigFile, readText } from '../server/src/node/files';

const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
const CORPUS = (() => {
  const i = process.argv.indexOf('--corpus');
  return path.resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : path.join(ROOT, '..', 'shared', 'corpus'));
})();
const MINUTE = 60_000;

interface Label {
  isPostmortem: boolean;
  kind: string;
  timezone: string | null;
  timelineEntries: number;
  start: string | null;
  end: string | null;
  durationMinutes: number | null;
  ttdMinutes: number | null;
  ttaMinutes: number | null;
  ttmMinutes: number | null;
  ttrMinutes: number | null;
  sources: Record<string, number[]>;
  realProblems: string[];
}

type MetricName = 'start' | 'end' | 'duration' | 'ttd' | 'tta' | 'ttm' | 'ttr';
type Verdict = 'ok' | 'wrong' | '—' | 'unlabelled';

interface MetricResult {
  name: MetricName;
  label: string | number | null;
  engine: string | number | null;
  verdict: Verdict | null; // null: neither side has a value
}

interface DocResult {
  file: string;
  detected: boolean;
  labelled: boolean;
  detection: string;
  template: string | null;
  metrics: MetricResult[];
  entriesRead: number;
  entriesLabelled: number;
  entriesEngine: number;
  errors: { line: number; code: string; message: string; real: boolean }[];
}

/** 1-based line numbers a realProblems entry names before its colon ("lines 7 and 169", "lines 24-41"). */
export function problemLines(problem: string): Set<number> {
  const head = problem.slice(0, problem.indexOf(':') < 0 ? problem.length : problem.indexOf(':'));
  const lines = new Set<number>();
  for (const m of head.matchAll(/(\d+)(?:\s*[-–]\s*(\d+))?/g)) {
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (let n = a; n <= b; n++) lines.add(n);
  }
  return lines;
}

function loadConfig(): Config {
  const file = findConfigFile(process.cwd());
  if (!file) return ConfigSpec.parse({});
  const read = readText(file);
  return 'error' in read ? ConfigSpec.parse({}) : parseConfig(read.text, file).config;
}

function compare(name: MetricName, label: string | number | null, engine: number | null, isInstant: boolean): MetricResult {
  const engineOut = engine === null ? null : isInstant ? new Date(engine).toISOString().replace('.000Z', 'Z') : engine;
  if (label === null) return { name, label, engine: engineOut, verdict: engine === null ? null : 'unlabelled' };
  if (engine === null) return { name, label, engine: null, verdict: '—' };
  const diff = isInstant ? Math.abs(engine - Date.parse(String(label))) / MINUTE : Math.abs(engine - Number(label));
  return { name, label, engine: engineOut, verdict: diff <= 1 ? 'ok' : 'wrong' };
}

function run(): void {
  const json = process.argv.includes('--json');
  const labelsFile = path.join(CORPUS, 'LABELS.json');
  if (!fs.existsSync(labelsFile)) {
    console.log(`accuracy: no corpus at ${path.relative(process.cwd(), CORPUS) || CORPUS} (LABELS.json not found); nothing to measure.`);
    return;
  }
  const labels = JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as Record<string, Label>;
  const service = createService({ templates: loadBuiltinTemplates(), config: loadConfig() });
  const results: DocResult[] = [];
  for (const [file, label] of Object.entries(labels)) {
    const full = path.join(CORPUS, file);
    const read = readText(full);
    if ('error' in read) {
      console.error(`${file}: ${read.error}`);
      continue;
    }
    const doc = { uri: pathToFileURL(full).toString(), version: 1, text: read.text };
    const model = service.model(doc);
    const m = model.metrics;
    const metrics = [
      compare('start', label.start, m.start, true),
      compare('end', label.end, m.end, true),
      compare('duration', label.durationMinutes, m.durationMinutes, false),
      compare('ttd', label.ttdMinutes, m.timeToDetectMinutes, false),
      compare('tta', label.ttaMinutes, m.timeToAcknowledgeMinutes, false),
      compare('ttm', label.ttmMinutes, m.timeToMitigateMinutes, false),
      compare('ttr', label.ttrMinutes, m.timeToResolveMinutes, false),
    ];
    const readLines = new Set(model.timeline.entries.filter((e) => e.at !== null).map((e) => e.line + 1));
    const labelledLines = label.sources['timelineEntries'] ?? [];
    const real = new Set(label.realProblems.flatMap((p) => [...problemLines(p)]));
    const errors = model.isPostmortem
      ? service
          .diagnostics(doc)
          .filter((d) => d.severity === 1)
          .map((d) => {
            let isReal = false;
            for (let l = d.range.start.line + 1; l <= d.range.end.line + 1; l++) if (real.has(l)) isReal = true;
            return { line: d.range.start.line + 1, code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, real: isReal };
          })
      : [];
    results.push({
      file,
      detected: model.isPostmortem,
      labelled: label.isPostmortem,
      detection: model.detection,
      template: model.templateId,
      metrics,
      entriesRead: labelledLines.filter((l) => readLines.has(l)).length,
      entriesLabelled: label.timelineEntries,
      entriesEngine: model.timeline.entries.length,
      errors,
    });
  }
  const count = (f: (m: MetricResult) => boolean) => results.reduce((n, r) => n + r.metrics.filter(f).length, 0);
  const totals = {
    detection: results.filter((r) => r.detected === r.labelled).length,
    documents: results.length,
    metricsRight: count((m) => m.verdict === 'ok'),
    metricsLabelled: count((m) => m.label !== null),
    wrongNumbers: count((m) => m.verdict === 'wrong'),
    unlabelledValues: count((m) => m.verdict === 'unlabelled'),
    falseErrors: results.reduce((n, r) => n + r.errors.filter((e) => !e.real).length, 0),
    entriesRead: results.reduce((n, r) => n + r.entriesRead, 0),
    entriesLabelled: results.reduce((n, r) => n + r.entriesLabelled, 0),
  };
  if (json) {
    console.log(JSON.stringify({ documents: results, totals }, null, 2));
    return;
  }
  for (const r of results) {
    const det = `${r.detected ? 'post-mortem' : 'not a post-mortem'}${r.detected === r.labelled ? '' : ' (label: ' + (r.labelled ? 'post-mortem' : 'not') + ', DETECTION WRONG)'}`;
    const mets = r.metrics
      .filter((m) => m.verdict !== null)
      .map((m) => `${m.name} ${m.engine ?? '—'} vs ${m.label ?? '—'} ${m.verdict}`)
      .join('; ');
    console.log(`${r.file}: ${det}${r.template ? ` [template ${r.template}]` : ''}`);
    console.log(`    metrics: ${mets || 'none labelled or computed'}`);
    console.log(`    entries: read ${r.entriesRead}/${r.entriesLabelled} labelled (engine has ${r.entriesEngine})`);
    for (const e of r.errors) console.log(`    error line ${e.line} ${e.code}: ${e.real ? 'real problem' : 'FALSE ERROR'} — ${e.message}`);
  }
  console.log(`values given where the label has none (not counted as wrong): ${totals.unlabelledValues}`);
  console.log(
    `accuracy: detection=${totals.detection}/${totals.documents} metrics-right=${totals.metricsRight}/${totals.metricsLabelled} wrong-numbers=${totals.wrongNumbers} false-errors=${totals.falseErrors} entries-read=${totals.entriesRead}/${totals.entriesLabelled}`,
  );
}

run();
