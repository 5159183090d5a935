// How lint findings are written: text for people, json for scripts, github, sarif and junit for CI.
import { paint } from '../io';
import { github } from './github';
import { junit } from './junit';
import { messageText, severityName, type FileReport } from './report';
import { sarif } from './sarif';

export type { FileReport };

export const FORMATS = ['text', 'json', 'github', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  color: boolean;
  version: string;
}

export function formatReport(format: Format, files: FileReport[], options: FormatOptions): string {
  switch (format) {
    case 'text':
      return text(files, options.color);
    case 'json':
      return json(files);
    case 'github':
      return github(files);
    case 'sarif':
      return sarif(files, options.version);
    case 'junit':
      return junit(files);
  }
}

const STYLE = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' } as const;

/** `file:line:col severity code message`, 1-based. */
function text(files: FileReport[], color: boolean): string {
  return files
    .flatMap(({ file, diagnostics }) =>
      diagnostics.map((d) => {
        const sev = severityName(d);
        const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
        return `${paint(color, 'underline', where)} ${paint(color, STYLE[sev], sev)} ${paint(color, 'dim', String(d.code))} ${messageText(d)}`;
      }),
    )
    .join('\n');
}

/** [{file, range, severity, code, message}] with 0-based ranges. */
function json(files: FileReport[]): string {
  const items = files.flatMap(({ file, diagnostics }) => diagnostics.map((d) => ({ file, range: d.range, severity: severityName(d), code: d.code, message: d.message })));
  return JSON.stringify(items, null, 2);
}
