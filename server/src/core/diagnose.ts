// Runs the rules over a model: configured severities, directives, and isolation so one
// failing rule never silences the others.
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver-types';
import { configuredLevel, type Finding, type Rule, type RuleContext } from './rules/rule';
import type { RuleSeverity } from './template/schema';

export const SOURCE = 'postmortem';

/** The README, whose rule sections are headed `` `rule-id` (default severity) ``. */
export const DOCS_URL = 'https://github.com/postmortem-author/postmortem-author/blob/main/README.md';
/** A rule's section of the README (the Problems panel links the rule name to it). */
export const ruleDocs = (rule: { id: string; defaultSeverity: string }) => `${DOCS_URL}#${rule.id}-${rule.defaultSeverity}`;

const LEVEL: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function runRules(rules: Rule[], ctx: RuleContext, onError: (rule: string, e: unknown) => void): Diagnostic[] {
  const { model, config } = ctx;
  if (!model.isPostmortem) return [];
  if (model.degraded) {
    const mb = (model.text.length / 1024 / 1024).toFixed(1);
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: model.lines[0]?.length ?? 0 } },
        severity: DiagnosticSeverity.Information,
        code: 'document-too-large',
        codeDescription: { href: `${DOCS_URL}#performance` },
        source: SOURCE,
        message: `This document is ${mb} MB: only its structure is analysed (outline, no lint), to keep the editor responsive. Split it to get full checks.`,
      },
    ];
  }
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = configuredLevel(rule, config);
    if (severity === 'off' || model.disabled.file.has(rule.id) || model.disabled.file.has('*')) continue;
    let findings;
    try {
      findings = rule.check(ctx);
    } catch (e) {
      onError(rule.id, e);
      continue;
    }
    const href = ruleDocs(rule);
    for (const f of disjoint(findings)) {
      const off = model.disabled.lines.get(f.range.start.line);
      if (off && (off.has(rule.id) || off.has('*'))) continue;
      out.push({
        range: f.range,
        // A finding's own level can only lower the configured one (LSP levels grow as they soften).
        severity: f.severity ? (Math.max(LEVEL[severity], LEVEL[f.severity]) as DiagnosticSeverity) : LEVEL[severity],
        code: rule.id,
        codeDescription: { href },
        source: SOURCE,
        message: f.message,
        data: { rule: rule.id, ...f.data },
      });
    }
  }
  return out;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const same = (a: Range, b: Range) => !before(a.start, b.start) && !before(b.start, a.start) && !before(a.end, b.end) && !before(b.end, a.end);
const size = (f: Finding) => (f.range.end.line - f.range.start.line) * 1e6 + f.range.end.character - f.range.start.character;

/** No two findings of one rule overlap: of two that do (a template line matched whole and the
 *  placeholder inside it), the narrower one names the text to change and stays. Findings about
 *  different things anchored at one place (the fields missing under a heading) all stay. */
function disjoint(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const order = findings.map((f, i) => ({ f, i })).sort((a, b) => size(a.f) - size(b.f) || a.i - b.i);
  const kept: { f: Finding; i: number }[] = [];
  const byLine = new Map<number, Finding[]>();
  for (const x of order) {
    const { start, end } = x.f.range;
    let clash = false;
    for (let l = start.line; l <= end.line && !clash; l++) {
      clash = (byLine.get(l) ?? []).some((k) => before(k.range.start, end) && before(start, k.range.end) && !(same(k.range, x.f.range) && k.message !== x.f.message));
    }
    if (clash) continue;
    kept.push(x);
    for (let l = start.line; l <= end.line; l++) {
      const list = byLine.get(l);
      if (list) list.push(x.f);
      else byLine.set(l, [x.f]);
    }
  }
  return kept.length === findings.length ? findings : kept.sort((a, b) => a.i - b.i).map((x) => x.f);
}
