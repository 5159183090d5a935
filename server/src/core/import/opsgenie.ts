// Opsgenie alert logs (GET /v2/alerts/{id}/logs: `{"data": [{"log", "type", "owner", "createdAt",
// "offset"}], "paging": ...}`). The log wording says what happened: created, acknowledged, closed.
import type { Phase } from '../model/types';
import { ImportFormatError, type ImportedEvent, type ReadResult, type Unreadable } from './types';
import { asObject, isoInstant, oneLine, str, withPhase } from './text';

function logsOf(json: unknown): unknown[] | null {
  const o = asObject(json);
  const list = o ? o.data : json;
  if (!Array.isArray(list) || !list.length) return null;
  return list.every((e) => typeof asObject(e)?.log === 'string' && typeof asObject(e)?.createdAt === 'string') ? list : null;
}

export const isOpsgenie = (json: unknown): boolean => logsOf(json) !== null;

function phaseOf(log: string): Phase | null {
  if (/\balert (?:is )?(?:created|opened)\b|\bcreated (?:the )?alert\b/i.test(log)) return 'detected';
  if (/\b(?:is )?acknowledged\b|\backed\b/i.test(log) && !/\bun-?acknowledged\b/i.test(log)) return 'acknowledged';
  if (/\b(?:alert )?(?:is )?closed\b/i.test(log)) return 'resolved';
  return null;
}

export function readOpsgenie(json: unknown): ReadResult {
  const list = logsOf(json);
  if (!list) throw new ImportFormatError('not Opsgenie alert logs ({"data": [...]} with "log" and "createdAt")');
  const events: ImportedEvent[] = [];
  const unreadable: Unreadable[] = [];
  const skipped: Record<string, number> = {};
  list.forEach((raw, i) => {
    const e = asObject(raw)!;
    const log = oneLine(str(e.log) ?? '');
    const at = isoInstant(str(e.createdAt) ?? '');
    if (at === null) {
      unreadable.push({ line: i + 1, text: log, reason: `log ${i + 1} has no readable createdAt` });
      return;
    }
    // Notification deliveries ("Sent [SMS] to ...") repeat for every responder.
    if (str(e.type) === 'alertRecipient' || /^(?:sent|delivered|notified)\b/i.test(log)) {
      skipped['notification'] = (skipped['notification'] ?? 0) + 1;
      return;
    }
    const owner = str(e.owner)?.trim() || null;
    const phase = phaseOf(log);
    const text = phase === 'detected' ? `Opsgenie alert: ${log}` : log;
    events.push({ at, text: withPhase(text, phase), who: owner, whoInText: false, phase, source: 'opsgenie' });
  });
  return { source: 'opsgenie', events, unreadable, skipped };
}
