// Wording that blames a person where the report explains causes: a blameless post-mortem asks what
// in the system let the mistake through.
import type { Finding, Rule } from './rule';
import type { Postmortem, Section, TimelineEntry } from '../model/types';
import type { TemplateSpec } from '../template/schema';
import { lineRange } from '../model/text';
import { keptTextMemo } from '../parse/memo';
import { visibleText } from './visibleText';
import { keptCarried } from './carried';

const ROLES: ReadonlySet<string> = new Set(['rootCause', 'impact', 'summary', 'lessons']);
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
/** "While it can be attributed to human error, it is incorrect to focus on the individual": named to be set aside. */
const SET_ASIDE = /^[^.!?;]*?\b(?:it\s+is|it['’]s|that\s+is|would\s+be)\s+(?:incorrect|wrong|unhelpful|unfair|not\s+(?:right|useful|helpful|fair))\s+to\s+(?:focus\s+on|blame|single\s+out)\b/i;
const OWNER = /owner|assignee|responsible|\bdri\b/i;

const MESSAGE = 'blames a person. Describe what in the system allowed this: a missing guardrail, an unclear runbook, an alert gap, a risky default…';

// Per entry, for the timeline section's lines: whether it lies outside them.
const entriesOutside = keptCarried<TimelineEntry, boolean>();

/** Lines of the root-cause, impact, summary and lessons sections, minus the timeline and headings
 *  (a flag per line), or null when there are none. */
function linesInScope(model: Postmortem, template: TemplateSpec | null): Uint8Array | null {
  const roles = new Map(template?.sections.map((s) => [s.id, s.role]) ?? []);
  const inScope = (s: Section) => (s.templateId !== null && ROLES.has(roles.get(s.templateId) ?? '')) || (s.level > 1 && HEADINGS.test(s.title));
  const lines = new Uint8Array(model.lines.length);
  let any = false;
  for (const s of model.sections) {
    if (!inScope(s)) continue;
    lines.fill(1, s.range.start.line + 1, s.range.end.line + 1);
    any = true;
  }
  if (!any) return null;
  const tl = model.timeline.section?.range;
  if (tl) lines.fill(0, tl.start.line, tl.end.line + 1);
  // Entries lie in the timeline section; should one not, its lines are out of scope all the same.
  const { entries } = model.timeline;
  const outside = entriesOutside.map(entries, ({ range: r }) => !tl || r.start.line < tl.start.line || r.end.line > tl.end.line, tl ? `${tl.start.line}-${tl.end.line}` : '');
  for (let i = 0; i < entries.length; i++) {
    const r = entries[i]!.range;
    if (outside[i]) lines.fill(0, r.start.line, r.end.line + 1);
  }
  for (const s of model.sections) lines[s.headingRange.start.line] = 0;
  return lines.includes(1) ? lines : null;
}

interface Phrase {
  index: number;
  text: string;
}

// Per visible line: most lines in scope are the same from one version to the next.
const phrasesIn = keptTextMemo((text): readonly Phrase[] => {
  const found: Phrase[] = [];
  for (const m of text.matchAll(PHRASES)) {
    const before =
      text
        .slice(0, m.index)
        .split(/[.!?;]\s/)
        .pop() ?? '';
    const after = text.slice(m.index + m[0].length);
    if (NEGATED_BEFORE.test(before) || NEGATED_AFTER.test(after) || SET_ASIDE.test(after)) continue;
    found.push({ index: m.index, text: m[0] });
  }
  return found;
});

export const blamefulLanguage: Rule = {
  id: 'blameful-language',
  defaultSeverity: 'hint',
  description: 'Wording that blames a person in the root cause, impact, summary or lessons.',
  check({ model, template }) {
    const scope = linesInScope(model, template);
    if (!scope) return [];
    const visible = visibleText(model, { hideCodeSpans: true });
    const blanked = new Map<number, string>();
    const shown = (line: number) => blanked.get(line) ?? visible(line);
    const blankOut = (line: number, start: number, end: number) => {
      const t = shown(line);
      if (t !== undefined) blanked.set(line, t.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + t.slice(end));
    };
    // Owner columns and owner fields name people by design.
    for (const r of model.rows) {
      if (scope[r.line] === 1) r.header.forEach((h, i) => OWNER.test(h.text) && r.cells[i] && blankOut(r.line, r.cells[i]!.start, r.cells[i]!.end));
    }
    for (const f of model.fields) if (scope[f.line] === 1 && OWNER.test(f.key)) blankOut(f.line, f.valueRange.start.character, f.valueRange.end.character);

    const out: Finding[] = [];
    for (let line = 0; line < scope.length; line++) {
      if (scope[line] !== 1) continue;
      for (const m of phrasesIn.get(shown(line) ?? '')) {
        out.push({ range: lineRange(line, m.index, m.index + m.text.length), message: `'${m.text}' ${MESSAGE}`, data: { phrase: m.text } });
      }
    }
    return out;
  },
};
