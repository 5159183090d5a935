// PagerDuty: incident log entries from the REST API (`{"log_entries": [...]}`: `type` trigger_log_entry,
// acknowledge_log_entry, ..., `created_at`, `summary`, `agent`, `channel`) and the incident CSV export.
import type { Phase } from '../model/types';
import { ImportFormatError, type ImportedEvent, type ReadResult, type Unreadable } from './types';
import { asObject, isoInstant, oneLine, str, withPhase } from './text';
import { parseCsv } from './csv';

const PHASE: Readonly<Record<string, Phase>> = { trigger: 'detected', acknowledge: 'acknowledged', resolve: 'resolved' };

function entriesOf(json: unknown): unknown[] | null {
  const o = asObject(json);
  const list = o ? o.log_entries : json;
  if (!Array.isArray(list)) return null;
  return list.every((e) => /_log_entry$/.test(str(asObject(e)?.type) ?? '')) && list.length > 0 ? list : null;
}

export const isPagerDutyJson = (json: unknown): boolean => entriesOf(json) !== null;

export function readPagerDutyJson(json: unknown): ReadResult {
  const list = entriesOf(json);
  if (!list) throw new ImportFormatError('not PagerDuty log entries ({"log_entries": [...]} with *_log_entry types)');
  const events: ImportedEvent[] = [];
  const unreadable: Unreadable[] = [];
  const skipped: Record<string, number> = {};
  list.forEach((raw, i) => {
    const e = asObject(raw)!;
    const kind = str(e.type)!.replace(/_log_entry$/, '');
    const at = isoInstant(str(e.created_at) ?? '');
    const summary = oneLine(str(e.summary) ?? '');
    if (at === null) {
      unreadable.push({ line: i + 1, text: `${kind}: ${summary}`, reason: `log entry ${i + 1} has no readable created_at` });
      return;
    }
    // Notifications repeat the trigger for every responder and channel; the pages themselves are kept out.
    if (kind === 'notify') {
      skipped['notification'] = (skipped['notification'] ?? 0) + 1;
      return;
    }
    const agent = asObject(e.agent);
    const channel = asObject(e.channel);
    const who = str(agent?.summary) ?? str(agent?.name) ?? null;
    const incident = asObject(e.incident);
    const title = oneLine(str(incident?.summary) ?? '').replace(/^\[#\d+\]\s*/, '');
    const note = oneLine(str(asObject(e.note)?.content) ?? str(e.note) ?? str(channel?.summary) ?? '');
    let text: string;
    if (kind === 'trigger') text = `PagerDuty alert: ${title || summary}${title && summary ? ` (${summary.replace(/\.$/, '')})` : ''}`;
    else if (kind === 'annotate') text = note ? `Note${who ? ` by ${who}` : ''}: ${note}` : summary;
    else text = summary || kind;
    const phase = PHASE[kind] ?? null;
    events.push({ at, text: withPhase(text, phase), who, whoInText: false, phase, source: 'pagerduty' });
  });
  return { source: 'pagerduty', events, unreadable, skipped };
}

const CREATED = /^(?:created(?:_on|_at| on| at)?|triggered(?:_at| at)?)$/i;
const RESOLVED = /^(?:resolved(?:_on|_at| on| at)?)$/i;
const ACKED = /^(?:acknowledged(?:_on|_at| on| at)?|first[_ ]ack(?:nowledged)?(?:_on|_at| on| at)?)$/i;
const SECONDS_TO_ACK = /^seconds[_ ]to[_ ]first[_ ]ack$/i;
const TITLE = /^(?:description|title|summary|incident[_ ]title)$/i;
const NUMBER = /^(?:incident[_ ]number|number|#)$/i;
const ACKER = /^acknowledged[_ ]by[_ ]user[_ ]names$/i;
const RESOLVER = /^resolved[_ ]by[_ ]user[_ ]name$/i;

/** The header of PagerDuty's incident CSV export: a created column and a title or incident number. */
export function isPagerDutyCsv(text: string): boolean {
  const first = parseCsv(text.split(/\r?\n/, 1)[0] ?? '')[0] ?? [];
  return first.length >= 3 && first.some((h) => CREATED.test(h.trim())) && first.some((h) => TITLE.test(h.trim()) || NUMBER.test(h.trim()));
}

export function readPagerDutyCsv(text: string): ReadResult {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const [created, resolved, acked, toAck, title, number, acker, resolver] = [CREATED, RESOLVED, ACKED, SECONDS_TO_ACK, TITLE, NUMBER, ACKER, RESOLVER].map(col);
  if (created! < 0) throw new ImportFormatError('not a PagerDuty incident CSV (no created_on column)');
  const events: ImportedEvent[] = [];
  const unreadable: Unreadable[] = [];
  rows.slice(1).forEach((row, i) => {
    const cell = (c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
    const name = [cell(number!) && `#${cell(number!)}`, oneLine(cell(title!))].filter(Boolean).join(' ');
    const start = isoInstant(cell(created!));
    if (start === null) {
      unreadable.push({ line: i + 2, text: row.join(','), reason: `'${cell(created!)}' is not a date-time with an offset` });
      return;
    }
    const add = (at: number, text: string, phase: Phase, who: string | null) => events.push({ at, text: withPhase(text, phase), who, whoInText: false, phase, source: 'pagerduty' });
    add(start, `PagerDuty alert: incident ${name} triggered`, 'detected', null);
    const ackAt = isoInstant(cell(acked!)) ?? (cell(toAck!) && Number.isFinite(Number(cell(toAck!))) ? start + Number(cell(toAck!)) * 1000 : null);
    const ackWho = cell(acker!).split(/[;,]/)[0]?.trim() || null;
    if (ackAt !== null) add(ackAt, `Incident ${name} acknowledged${ackWho ? ` by ${ackWho}` : ''}`, 'acknowledged', ackWho);
    const end = isoInstant(cell(resolved!));
    const endWho = cell(resolver!) || null;
    if (end !== null) add(end, `Incident ${name} resolved${endWho ? ` by ${endWho}` : ''}`, 'resolved', endWho);
    else if (cell(resolved!)) unreadable.push({ line: i + 2, text: row.join(','), reason: `'${cell(resolved!)}' is not a date-time with an offset` });
  });
  return { source: 'pagerduty', events, unreadable, skipped: {} };
}
