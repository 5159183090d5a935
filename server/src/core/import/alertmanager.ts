// Prometheus Alertmanager webhook payloads (version 4: `alerts[]` with `status`, `labels`, `annotations`,
// `startsAt`, `endsAt`), one payload or an array of them. An alert's startsAt fires it (detected); a
// resolved alert's endsAt resolves it. A firing alert's endsAt is not an end.
import { ImportFormatError, type ImportedEvent, type ReadResult, type Unreadable } from './types';
import { asObject, isoInstant, oneLine, str, withPhase } from './text';

function payloads(json: unknown): Record<string, unknown>[] | null {
  const list = Array.isArray(json) ? json : [json];
  const out = list.map(asObject);
  return out.length && out.every((p) => p && Array.isArray(p.alerts) && p.alerts.every((a) => typeof asObject(a)?.startsAt === 'string')) ? (out as Record<string, unknown>[]) : null;
}

export const isAlertmanager = (json: unknown): boolean => payloads(json) !== null;

export function readAlertmanager(json: unknown): ReadResult {
  const list = payloads(json);
  if (!list) throw new ImportFormatError('not an Alertmanager webhook payload ("alerts" with "startsAt")');
  const events: ImportedEvent[] = [];
  const unreadable: Unreadable[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const p of list) {
    for (const raw of p.alerts as unknown[]) {
      n++;
      const a = asObject(raw)!;
      const labels = asObject(a.labels) ?? {};
      const notes = asObject(a.annotations) ?? {};
      const name = str(labels.alertname) ?? 'alert';
      const where = ['instance', 'service', 'job', 'cluster', 'namespace'].map((k) => str(labels[k])).find(Boolean);
      const summary = oneLine(str(notes.summary) ?? str(notes.description) ?? '');
      const label = `\`${name}\`${where ? ` on ${where}` : ''}${summary ? ` — ${summary}` : ''}`;
      const id = str(a.fingerprint) ?? JSON.stringify(labels);
      const start = isoInstant(str(a.startsAt) ?? '');
      if (start === null) {
        unreadable.push({ line: n, text: name, reason: `alert ${n} has no readable startsAt` });
        continue;
      }
      // A group is sent again while it fires and once more when it resolves: each moment once.
      if (!seen.has(`${id}@${start}`)) {
        seen.add(`${id}@${start}`);
        events.push({ at: start, text: withPhase(`Alert fired: ${label}`, 'detected'), who: null, whoInText: false, phase: 'detected', source: 'alertmanager' });
      }
      const end = isoInstant(str(a.endsAt) ?? '');
      if (str(a.status) === 'resolved' && end !== null && end > 0 && !seen.has(`${id}@end${end}`)) {
        seen.add(`${id}@end${end}`);
        events.push({ at: end, text: withPhase(`Alert resolved: \`${name}\`${where ? ` on ${where}` : ''}`, 'resolved'), who: null, whoInText: false, phase: 'resolved', source: 'alertmanager' });
      }
    }
  }
  return { source: 'alertmanager', events, unreadable, skipped: {} };
}
