// SARIF 2.1.0 for code scanning: the tool with every rule, then one result per finding.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../core';
import { messageText, severityName, type FileReport } from './report';

const HOME = 'https://github.com/postmortem-author/postmortem-author';
const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** A relative path as a relative URI reference; an absolute one as a file: URI. */
const artifactUri = (file: string) =>
  path.isAbsolute(file)
    ? pathToFileURL(file).toString()
    : file
        .split(path.sep)
        .map((p) => encodeURIComponent(p))
        .join('/');

export function sarif(files: FileReport[], version: string): string {
  const rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    // README's heading for each rule, e.g. #placeholder-error.
    helpUri: `${HOME}#${r.id}-${r.defaultSeverity}`,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const results = files.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => {
      const { start, end } = d.range;
      const ruleIndex = RULES.findIndex((r) => r.id === d.code);
      return {
        ruleId: String(d.code),
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: LEVEL[severityName(d)],
        message: { text: messageText(d) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(file) },
              // 1-based; the end column is the one after the last character.
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'postmortem', informationUri: HOME, version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
