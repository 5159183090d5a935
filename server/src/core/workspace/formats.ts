// The report as CSV (RFC 4180, for spreadsheets) and as text (for the terminal).
import { formatDuration } from '../time';
import { REPORT_FIELDS, type Report, type ReportActionItem, type ReportPostmortem } from './report';

export const POSTMORTEM_COLUMNS: readonly (keyof ReportPostmortem)[] = ['file', ...REPORT_FIELDS];
export const ACTION_ITEM_COLUMNS: readonly (keyof ReportActionItem)[] = ['file', 'line', 'id', 'text', 'owner', 'due', 'status', 'open', 'overdue'];

/**
 * One field: quoted when it holds a comma, quote or line break (quotes doubled). Text a spreadsheet
 * would run as a formula (starting with = + - @) gets a leading apostrophe; numbers are left alone.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T)[]): string {
  const line = (cells: (string | number | boolean | null)[]) => cells.map(csvField).join(',');
  return [line(columns.map(String)), ...rows.map((r) => line(columns.map((c) => r[c] as string | number | boolean | null)))].join('\r\n') + '\r\n';
}

export function reportCsv(report: Report, actionItems: boolean): string {
  return actionItems ? toCsv(report.actionItems, ACTION_ITEM_COLUMNS) : toCsv(report.postmortems, POSTMORTEM_COLUMNS);
}

const dur = (n: number | null) => (n === null ? '—' : formatDuration(n));

export function reportText(report: Report, actionItems: boolean): string[] {
  const out: string[] = [];
  if (actionItems) {
    for (const a of report.actionItems) {
      const mark = a.overdue ? 'OVERDUE' : a.open ? 'open' : 'done';
      out.push(`${a.file}:${a.line} ${mark.padEnd(7)} ${(a.owner ?? '(no owner)').padEnd(16)} ${(a.due ?? '—').padEnd(10)} ${a.id ? `${a.id} ` : ''}${a.text}`);
    }
  } else {
    for (const p of report.postmortems) {
      out.push(p.file);
      out.push(`  ${p.title}`);
      out.push(
        `  ${p.start?.slice(0, 10) ?? 'undated'} · severity ${p.severity ?? '—'} · status ${p.status ?? '—'} · duration ${dur(p.durationMinutes)} · TTD ${dur(p.timeToDetectMinutes)} · TTA ${dur(p.timeToAcknowledgeMinutes)} · TTM ${dur(p.timeToMitigateMinutes)} · TTR ${dur(p.timeToResolveMinutes)} · ${p.errors} error(s), ${p.warnings} warning(s)`,
      );
    }
  }
  const s = report.summary;
  out.push('');
  out.push(`${s.postmortems} post-mortem(s); action items: ${s.openActionItems} open, ${s.overdueActionItems} overdue`);
  out.push(
    `by severity: ${
      Object.entries(s.bySeverity)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || '—'
    }`,
  );
  for (const m of s.byMonth) {
    out.push(
      `  ${m.month}  ${String(m.postmortems).padStart(3)}  median TTD ${dur(m.medianTimeToDetectMinutes)}, TTR ${dur(m.medianTimeToResolveMinutes)}; mean TTD ${dur(m.meanTimeToDetectMinutes)}, TTR ${dur(m.meanTimeToResolveMinutes)}`,
    );
  }
  return out;
}
