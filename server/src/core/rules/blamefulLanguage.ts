// Wording that blames a person where the report explains causes: a blameless post-mortem asks what
// in the system let the mistake through.
import type { Finding, Rule } from './rule';
import type { Postmortem, Section } from '../model/types';
import type { TemplateSpec } from '../template/schema';
import { lineRange } from '../model/text';
import { visibleLines } from './visibleText';

const ROLES = new Set(['rootCause', 'impact', 'summary', 'lessons']);
const HEADINGS =
  /root cause|contributing factors|why (?:did )?it happen|\b(?:5|five) whys\b|lessons|learnings|what went (?:wrong|poorly|badly)|what didn['’]?t go well|what could (?:be|have been) improved|what happened|impact|summary/i;

const PHRASES = new RegExp(
  [
    // Only from the start of a name: tried at every letter of a long word, the name would be re-read each time (quadratic).
    String.raw`(?:(?<![\p{L}\p{N}_.@-])[\p{L}\p{N}_.@-]+['’]s|\b(?:his|her|their|my|your)) fault\b`,
    String.raw`\bfault of\b`,
    String.raw`\bhuman errors?\b`,
    String.raw`\bcareless(?:ly|ness)?\b`,
    String.raw`\bshould(?: have|['’]ve) known\b`,
    String.raw`\bnegligen(?:t|tly|ce)\b`,
    String.raw`\bincompeten(?:t|tly|ce)\b`,
    String.raw`\bblam(?:e|ed|es|ing)\b(?![-‐]?(?:less|free))`,
    String.raw`\bscrewed up\b`,
    String.raw`\bdropped the ball\b`,
    String.raw`\bfailed to notice\b`,
    String.raw`\b(?:didn['’]?t|did not) bother\b`,
  ].join('|'),
  'giu',
);
/** "not human error", "without assigning blame", "no one is to blame": already blameless. */
const NEGATED_BEFORE = /\b(?:no|not|never|without|nobody|no one|isn['’]t|wasn['’]t|weren['’]t|don['’]t|rather than|instead of|avoid(?:ing)?)\b(?:\W+\w+){0,3}\W*$/i;
/** "human error was not the cause". */
const NEGATED_AFTER = /^\s+(?:(?:is|was|are|were)\s+(?:not|never)|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\b/i;
const OWNER = /owner|assignee|responsible|\bdri\b/i;

const MESSAGE = 'blames a person. Describe what in the system allowed this: a missing guardrail, an unclear runbook, an alert gap, a risky default…';

/** Lines of the root-cause, impact, summary and lessons sections, minus the timeline and headings. */
function linesInScope(model: Postmortem, template: TemplateSpec | null): Set<number> {
  const roles = new Map(template?.sections.map((s) => [s.id, s.role]) ?? []);
  const inScope = (s: Section) => (s.templateId !== null && ROLES.has(roles.get(s.templateId) ?? '')) || (s.level > 1 && HEADINGS.test(s.title));
  const lines = new Set<number>();
  for (const s of model.sections.filter(inScope)) for (let i = s.range.start.line + 1; i <= s.range.end.line; i++) lines.add(i);
  const tl = model.timeline.section;
  if (tl) for (let i = tl.range.start.line; i <= tl.range.end.line; i++) lines.delete(i);
  for (const e of model.timeline.entries) for (let i = e.range.start.line; i <= e.range.end.line; i++) lines.delete(i);
  for (const s of model.sections) lines.delete(s.headingRange.start.line);
  return lines;
}

export const blamefulLanguage: Rule = {
  id: 'blameful-language',
  defaultSeverity: 'hint',
  description: 'Wording that blames a person in the root cause, impact, summary or lessons.',
  check({ model, template }) {
    const scope = linesInScope(model, template);
    if (!scope.size) return [];
    const visible = visibleLines(model, { hideCodeSpans: true });
    const blankOut = (line: number, start: number, end: number) => {
      const t = visible[line];
      if (t !== undefined) visible[line] = t.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + t.slice(end);
    };
    // Owner columns and owner fields name people by design.
    for (const r of model.rows) r.header.forEach((h, i) => OWNER.test(h.text) && r.cells[i] && blankOut(r.line, r.cells[i]!.start, r.cells[i]!.end));
    for (const f of model.fields) if (OWNER.test(f.key)) blankOut(f.line, f.valueRange.start.character, f.valueRange.end.character);

    const out: Finding[] = [];
    for (const line of [...scope].sort((a, b) => a - b)) {
      const text = visible[line] ?? '';
      for (const m of text.matchAll(PHRASES)) {
        const before = text.slice(0, m.index).split(/[.!?;]\s/).pop() ?? '';
        if (NEGATED_BEFORE.test(before) || NEGATED_AFTER.test(text.slice(m.index + m[0].length))) continue;
        out.push({ range: lineRange(line, m.index, m.index + m[0].length), message: `'${m[0]}' ${MESSAGE}`, data: { phrase: m[0] } });
      }
    }
    return out;
  },
};
