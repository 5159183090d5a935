// How lint findings are written: text for people, json for scripts.
import type { Diagnostic } from 'vscode-languageserver-types';
import { paint } from '../io';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
const SEVERITY: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
export const severityName = (d: Diagnostic): SeverityName => SEVERITY[d.severity ?? 1] ?? 'error';

export interface Finding {
  file: string;
  d: Diagnostic;
}

const STYLE = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' } as const;

export function textLines(findings: Finding[], color: boolean): string[] {
  return findings.map(({ file, d }) => {
    const sev = severityName(d);
    const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    return `${paint(color, 'underline', where)} ${paint(color, STYLE[sev], sev)} ${paint(color, 'dim', String(d.code))} ${d.message}`;
  });
}

export function json(findings: Finding[]): string {
  return JSON.stringify(
    findings.map(({ file, d }) => ({ file, range: d.range, severity: severityName(d), code: d.code, message: d.message })),
    null,
    2,
  );
}
