// What lint found in one file, as every output format reads it.
import type { Diagnostic } from 'vscode-languageserver-types';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
const SEVERITY: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
export const severityName = (d: Diagnostic): SeverityName => SEVERITY[d.severity ?? 1] ?? 'error';

/** One file as lint saw it; files are sorted by name. */
export interface FileReport {
  file: string;
  /** A post-mortem or named on the command line (the others are not checked). */
  checked: boolean;
  /** Why it could not be read or written. */
  problem?: string;
  diagnostics: Diagnostic[];
}

export const messageText = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
