// For rule unit tests: lint an in-memory document with the built-in templates and a fixed
// "today", list a finding's quick fixes, and apply one.
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createService } from '../../server/src/core/service';
import { loadBuiltinTemplates } from '../../server/src/node/builtinTemplates';

export const RULE_TODAY = '2025-03-01';

let counter = 0;

export function ruleKit(code: string, today = RULE_TODAY) {
  const service = createService({ templates: loadBuiltinTemplates(), today: () => today });
  const doc = (text: string) => ({ uri: `file:///ws/${code}-${++counter}.md`, version: 1, text });
  const lint = (text: string) => {
    const d = doc(text);
    return { doc: d, diagnostics: service.diagnostics(d).filter((x) => x.code === code) };
  };
  return {
    service,
    /** This rule's diagnostics only. */
    check: (text: string): Diagnostic[] => lint(text).diagnostics,
    /** Every diagnostic, to check the rule stays quiet next to the others. */
    all: (text: string): Diagnostic[] => service.diagnostics(doc(text)),
    /** The quick fixes offered for the rule's n-th diagnostic (without the disable-rule and fix-all actions). */
    fixes(text: string, n = 0): { diagnostic: Diagnostic; actions: CodeAction[]; edits: (a: CodeAction) => TextEdit[] } {
      const { doc: d, diagnostics } = lint(text);
      const diagnostic = diagnostics[n];
      if (!diagnostic) throw new Error(`no ${code} diagnostic #${n}; got ${diagnostics.length}`);
      const actions = service.codeActions(d, diagnostic.range, { diagnostics: [diagnostic] }).filter((a) => !a.title.startsWith('Disable rule') && !a.title.startsWith('Fix all'));
      return { diagnostic, actions, edits: (a) => a.edit?.changes?.[d.uri] ?? [] };
    },
  };
}

/** Apply non-overlapping LSP edits (as an editor would, against the original positions). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  return edits
    .map((e, i) => ({ e, i, s: offset(e.range.start), t: offset(e.range.end) }))
    .sort((a, b) => b.s - a.s || b.i - a.i)
    .reduce((out, { e, s, t }) => out.slice(0, s) + e.newText + out.slice(t), text);
}

/** A sev-template post-mortem whose action table holds `rows`; the first row is on line 14. */
export const sevActionTable = (...rows: string[]): string => `# Incident Postmortem: Checkout errors

## Incident Summary

- **Severity:** SEV-2

## Root Cause

A config push emptied the allow-list.

## Action Items

| ID | Action | Owner | Priority | Target Date | Status |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
