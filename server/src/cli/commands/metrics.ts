// `postmortem metrics`: what the engine computed for one post-mortem.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatDuration, formatInstant, METRIC_KINDS, metricName, type Postmortem } from '../../core';
import { readText } from '../../node/files';
import { str, UsageError } from '../args';
import { EXIT, EXIT_CODES, type Command } from '../command';
import { configFileFor, loadService } from '../config';

export function metricsJson(file: string, m: Postmortem) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));
  return {
    file,
    isPostmortem: m.isPostmortem,
    template: m.templateId,
    timezone: m.timeline.statedZone ?? m.zone,
    start: iso(m.metrics.start),
    end: iso(m.metrics.end),
    durationMinutes: m.metrics.durationMinutes,
    timeToDetectMinutes: m.metrics.timeToDetectMinutes,
    timeToAcknowledgeMinutes: m.metrics.timeToAcknowledgeMinutes,
    timeToMitigateMinutes: m.metrics.timeToMitigateMinutes,
    timeToResolveMinutes: m.metrics.timeToResolveMinutes,
    timeline: m.timeline.entries.map((e) => ({ line: e.line + 1, at: iso(e.at), phase: e.phase, text: e.text })),
  };
}

export const metrics: Command = {
  name: 'metrics',
  summary: 'Print the start, end, duration, time to detect / acknowledge / mitigate / resolve and the timeline of one post-mortem.',
  usage: ['metrics [--format text|json] [--config FILE] FILE'],
  options: {
    format: { type: 'string', value: 'FORMAT', choices: ['text', 'json'], description: 'output format' },
  },
  details: `JSON instants are ISO 8601 UTC; durations are in minutes.\n\n${EXIT_CODES}`,
  run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('metrics needs exactly one FILE');
    const file = args.positionals[0]!;
    const read = readText(file);
    if ('error' in read) {
      io.err(`${file}: ${read.error}`);
      return EXIT.usage;
    }
    const given = str(args, 'config');
    const { service } = loadService(configFileFor(given), given !== null, io.err);
    const model = service.model({ uri: pathToFileURL(path.resolve(file)).toString(), version: 1, text: read.text });
    const j = metricsJson(file, model);
    if (str(args, 'format') === 'json') {
      io.out(JSON.stringify(j, null, 2));
      return EXIT.ok;
    }
    const zone = j.timezone;
    const when = (ms: number | null) => (ms === null ? '—' : formatInstant(ms, zone, 'yyyy-MM-dd HH:mm ZZZZ'));
    const dur = (n: number | null) => (n === null ? '—' : formatDuration(n));
    io.out(`${file}`);
    io.out(`  post-mortem:          ${j.isPostmortem ? `yes (${model.detection})` : `no (${model.detection})`}`);
    if (j.isPostmortem) io.out(`  checked against:      ${j.template ? `template ${j.template}` : 'no template (generic)'} (${model.templateReason})`);
    io.out(`  time zone:            ${zone}`);
    io.out(`  start:                ${when(model.metrics.start)}`);
    io.out(`  end:                  ${when(model.metrics.end)}`);
    for (const kind of METRIC_KINDS) io.out(`  ${`${metricName(kind)}:`.padEnd(22)}${dur(j[`${kind}Minutes`])}`);
    io.out(`  timeline (${model.timeline.entries.length} entries):`);
    for (const e of model.timeline.entries) io.out(`    ${String(e.line + 1).padStart(4)}  ${when(e.at).padEnd(22)} ${(e.phase ?? '').padEnd(12)} ${e.text}`);
    return EXIT.ok;
  },
};
