// Which source an input is, from its content alone (a file name is never needed).
import type { SourceId } from './types';
import { isSlackMessages } from './slackExport';
import { looksLikeSlackText } from './slackText';
import { isPagerDutyCsv, isPagerDutyJson } from './pagerduty';
import { isOpsgenie } from './opsgenie';
import { isAlertmanager } from './alertmanager';
import { looksLikeGitLog } from './gitLog';
import { looksLikeLines } from './lines';
import { asObject, parseJson } from './text';

export type Detection = { source: SourceId; json: unknown } | { error: string };

export function detectSource(text: string): Detection {
  const json = parseJson(text);
  if (json !== undefined) {
    if (isPagerDutyJson(json)) return { source: 'pagerduty', json };
    if (isAlertmanager(json)) return { source: 'alertmanager', json };
    if (isOpsgenie(json)) return { source: 'opsgenie', json };
    if (isSlackMessages(json)) return { source: 'slack-export', json };
    if (Array.isArray(json) && json.length && json.every((u) => typeof asObject(u)?.id === 'string' && asObject(asObject(u)?.profile)))
      return { error: "this is a Slack users.json: pass it as the users file (--users), with a channel's day file to import" };
    if (Array.isArray(json) && json.length === 0) return { error: 'an empty JSON array: nothing to import' };
    return { error: 'JSON that is none of the known sources (Slack export day file, PagerDuty log entries, Opsgenie alert logs, Alertmanager webhook payload)' };
  }
  if (/^\s*[[{]/.test(text)) return { error: 'broken JSON: the input starts like JSON but does not parse' };
  if (isPagerDutyCsv(text)) return { source: 'pagerduty', json: undefined };
  if (looksLikeGitLog(text)) return { source: 'git', json: undefined };
  if (looksLikeSlackText(text)) return { source: 'slack-text', json: undefined };
  if (looksLikeLines(text)) return { source: 'lines', json: undefined };
  return { error: 'not a known source: no Slack, PagerDuty, Opsgenie, Alertmanager or git log shape, and no timestamped lines' };
}
