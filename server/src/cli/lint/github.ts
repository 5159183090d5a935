// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
import * as path from 'node:path';
import { messageText, severityName, type FileReport } from './report';

/** Message data escapes %, CR and LF; property values also : and , (the runner's own rules). */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const LEVEL = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` line per finding (1-based). */
export function github(files: FileReport[]): string {
  return files
    .flatMap(({ file, diagnostics }) =>
      diagnostics.map((d) => {
        const { start, end } = d.range;
        // LSP's end is exclusive and 0-based, so it is the 1-based last column; an empty range still marks one.
        const endColumn = end.line === start.line ? Math.max(start.character + 1, end.character) : Math.max(1, end.character);
        const props = [
          `file=${escapeProperty(file.split(path.sep).join('/'))}`,
          `line=${start.line + 1}`,
          `col=${start.character + 1}`,
          `endLine=${end.line + 1}`,
          `endColumn=${endColumn}`,
          `title=${escapeProperty(`postmortem ${String(d.code)}`)}`,
        ];
        return `::${LEVEL[severityName(d)]} ${props.join(',')}::${escapeData(messageText(d))}`;
      }),
    )
    .join('\n');
}
