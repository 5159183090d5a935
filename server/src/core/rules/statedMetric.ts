// Shared by duration-mismatch and metric-mismatch: a stated value against the computed one.
import type { Rule, RuleContext, Finding } from './rule';
import type { MetricKind } from '../model/types';
import { computedMinutes, DEFAULT_DEFINITION, DEFINITION_WORDS, metricName } from '../model/metricNames';
import { formatDuration } from '../time';

/** Write minutes in the same style the author used. */
export function formatLike(raw: string, minutes: number): string {
  const v = raw.trim();
  if (/^\d{1,3}:\d{2}$/.test(v)) return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  if (/hour|minute|\bmins?\b|\bhrs?\b/i.test(v)) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    const parts = [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m || !h ? `${m} minute${m === 1 ? '' : 's'}` : ''];
    return parts.filter(Boolean).join(' ');
  }
  return formatDuration(minutes);
}

// A value the author gives approximately ('~21.5 hours', 'about 3 hours', 'over 2h'), or its decimal
// hours ('1.5 hours'): the timeline contradicts it only beyond its own precision.
const APPROXIMATE = /^\s*(?:~|≈|±|\+\/-|>|<|about\b|approx(?:\.|imately\b)?|around\b|roughly\b|nearly\b|almost\b|circa\b|ca\.|some\b|over\b|under\b|more than\b|less than\b|at least\b|at most\b)/i;
const DECIMAL_HOURS = /\d[.,]\d+\s*(?:h\b|hrs?\b|hours?\b)/i;

/** How far, in minutes, the computed value may be from the stated one before they disagree. */
function tolerance(raw: string, stated: number): number {
  const v = raw.replace(/\\/g, '');
  if (APPROXIMATE.test(v)) return Math.max(5, Math.round(stated * 0.1));
  return DECIMAL_HOURS.test(v) ? 15 : 1;
}

export function statedMetricRule(id: string, kinds: MetricKind[], description: string): Rule {
  return {
    id,
    defaultSeverity: 'error',
    description,
    check({ model, template }: RuleContext) {
      const out: Finding[] = [];
      for (const s of model.statedMetrics) {
        if (!kinds.includes(s.kind) || s.minutes === null) continue;
        const computed = computedMinutes(model.metrics, s.kind);
        if (computed === null || Math.abs(computed - s.minutes) <= tolerance(s.field.raw, s.minutes)) continue;
        const basis = model.metrics.basis[s.kind];
        // Another common definition gives the stated value: not an error unless the template says which it uses.
        const stated = s.minutes;
        const alt = model.metrics.alternatives[s.kind]?.find((a) => Math.abs(a.minutes - stated) <= 1);
        if (alt && !template?.metrics?.[s.kind as keyof NonNullable<typeof template.metrics>]) {
          out.push({
            range: s.field.valueRange,
            severity: 'information',
            message:
              `Stated ${s.field.key} (${formatDuration(s.minutes)}) matches ${metricName(s.kind)} ${DEFINITION_WORDS[alt.definition] ?? alt.definition} (${alt.basis}); ` +
              `this report computes it ${DEFINITION_WORDS[DEFAULT_DEFINITION[s.kind]]}: ${formatDuration(computed)}${basis ? ` (${basis})` : ''}. ` +
              `Both are common definitions; a template can declare the one it uses (metrics.${s.kind}: ${alt.definition}).`,
            data: { definition: alt.definition },
          });
          continue;
        }
        out.push({
          range: s.field.valueRange,
          message: `Stated ${s.field.key} is ${formatDuration(s.minutes)} but the timeline gives ${formatDuration(computed)}${basis ? ` (${basis})` : ''}.`,
          // A stated range ("11:32 PM to 3:25 AM") that also gave the incident's start or end: replacing
          // it changes what is computed, so it is never replaced unattended (fix-all).
          data: { stated: s.field.raw, replacement: formatLike(s.field.raw, computed), window: model.statedWindow.start?.field === s.field || model.statedWindow.end?.field === s.field },
        });
      }
      return out;
    },
    fix(_ctx, finding) {
      const replacement = String(finding.data?.['replacement'] ?? '');
      if (!replacement) return [];
      return [
        {
          title: `Replace stated '${String(finding.data?.['stated'])}' with computed '${replacement}'`,
          edits: [{ range: finding.range, newText: replacement }],
          isPreferred: true,
          fixAll: finding.data?.['window'] !== true,
        },
      ];
    },
  };
}
