// Runs the rules over a model: configured severities, directives, and isolation so one
// failing rule never silences the others.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Rule, RuleContext } from './rules/rule';
import type { RuleSeverity } from './template/schema';

export const SOURCE = 'postmortem';

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
        source: SOURCE,
        message: `This document is ${mb} MB: only its structure is analysed (outline, no lint), to keep the editor responsive. Split it to get full checks.`,
      },
    ];
  }
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = config.rules[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off' || model.disabled.file.has(rule.id) || model.disabled.file.has('*')) continue;
    let findings;
    try {
      findings = rule.check(ctx);
    } catch (e) {
      onError(rule.id, e);
      continue;
    }
    for (const f of findings) {
      const off = model.disabled.lines.get(f.range.start.line);
      if (off && (off.has(rule.id) || off.has('*'))) continue;
      out.push({
        range: f.range,
        // A finding's own level can only lower the configured one (LSP levels grow as they soften).
        severity: f.severity ? Math.max(LEVEL[severity], LEVEL[f.severity]) as DiagnosticSeverity : LEVEL[severity],
        code: rule.id,
        source: SOURCE,
        message: f.message,
        data: { rule: rule.id, ...f.data },
      });
    }
  }
  return out;
}
