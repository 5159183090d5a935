// What a rule is: a check over the model, and the fixes it offers for its own findings.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Postmortem, Range } from '../model/types';
import type { Config, RuleSeverity, TemplateSpec } from '../template/schema';

export interface RuleContext {
  model: Postmortem;
  template: TemplateSpec | null;
  config: Config;
  /** Today's date, ISO YYYY-MM-DD (injected so tests are deterministic). */
  today: string;
  /** Incident ids written in the documents the service knows (for the next free number). */
  incidentIds?: () => string[];
}

export interface Finding {
  range: Range;
  message: string;
  /** Whatever the rule's fixes need; travels in the diagnostic's data. */
  data?: Record<string, unknown>;
  /** Less certain than the rule's other findings: reported at most at this level. */
  severity?: Exclude<RuleSeverity, 'off' | 'error'>;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Safe to apply unattended in "Fix all". */
  fixAll?: boolean;
}

export interface Rule {
  id: string;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  description: string;
  check(ctx: RuleContext): Finding[];
  fix?(ctx: RuleContext, finding: Finding): Fix[];
}

/** The level a rule runs at under a config: its own setting there, else its default. */
export const configuredLevel = (rule: Rule, config: Config): RuleSeverity => config.rules[rule.id] ?? rule.defaultSeverity;
