// One input to events: its source (stated, or detected from the content) and that source's reader.
import { detectSource } from './detect';
import { readSlackExport } from './slackExport';
import { readSlackText } from './slackText';
import { readPagerDutyCsv, readPagerDutyJson } from './pagerduty';
import { readOpsgenie } from './opsgenie';
import { readAlertmanager } from './alertmanager';
import { readGitLog } from './gitLog';
import { readLines } from './lines';
import { parseJson } from './text';
import { ImportFormatError, SOURCES, type ReadContext, type ReadResult, type SourceId } from './types';

export function readInput(text: string, source: SourceId | 'auto', ctx: ReadContext): ReadResult | { error: string } {
  if (source !== 'auto' && !SOURCES.includes(source)) return { error: `unknown source '${source}' (auto, ${SOURCES.join(', ')})` };
  if (!text.trim()) return { error: 'the input is empty' };
  let json: unknown;
  if (source === 'auto') {
    const d = detectSource(text);
    if ('error' in d) return d;
    [source, json] = [d.source, d.json];
  } else json = parseJson(text);
  try {
    switch (source) {
      case 'slack-export':
        return readSlackExport(json, ctx.users);
      case 'slack-text':
        return readSlackText(text, ctx);
      case 'pagerduty':
        return json === undefined ? readPagerDutyCsv(text) : readPagerDutyJson(json);
      case 'opsgenie':
        return readOpsgenie(json);
      case 'alertmanager':
        return readAlertmanager(json);
      case 'git':
        return readGitLog(text);
      case 'lines':
        return readLines(text, ctx);
    }
  } catch (e) {
    if (e instanceof ImportFormatError) return { error: e.message };
    throw e;
  }
}
