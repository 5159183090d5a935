// Per-text work that also depends on the template's extra placeholder patterns. The patterns are
// compiled once per template, and results are remembered per text (a line, a cell, an item's text)
// for each set of patterns, so re-checking a big document after an edit only redoes what changed.
import type { TemplateSpec } from '../template/schema';
import { TextMemo } from '../parse/memo';
import { keptMap, keptWeakMap } from '../state';

interface Patterns {
  of: readonly string[];
  extra: RegExp[];
  key: string;
}

const NO_PATTERNS: Patterns = { of: [], extra: [], key: '' };
const compiled = keptWeakMap<TemplateSpec, Patterns>();

function patternsOf(template: TemplateSpec | null): Patterns {
  const sources = template?.placeholders;
  if (!template || !sources?.length) return NO_PATTERNS;
  let p = compiled.get(template);
  if (!p || p.of !== sources) {
    p = { of: sources, extra: sources.map((s) => new RegExp(s, 'g')), key: sources.join('\u0000') };
    compiled.set(template, p);
  }
  return p;
}

/** The template's extra placeholder patterns: the same array on every call, so findPlaceholders' memo knows it. */
export const extraPlaceholders = (template: TemplateSpec | null): RegExp[] => patternsOf(template).extra;

/**
 * A pure function of a text and the template's extra patterns, remembered per text for each set of
 * patterns: `memo(template)` gives the lookup for that template's patterns (take it once per check).
 */
export function memoByPatterns<V>(compute: (text: string, extra: RegExp[]) => V): (template: TemplateSpec | null) => TextMemo<V> {
  const memos = keptMap<string, TextMemo<V>>();
  return (template) => {
    const p = patternsOf(template);
    let memo = memos.get(p.key);
    if (!memo) {
      // A handful of pattern sets at most (one per template in use): bound them all the same.
      if (memos.size >= 16) memos.clear();
      const extra = p.extra;
      memos.set(p.key, (memo = new TextMemo((t) => compute(t, extra))));
    }
    return memo;
  };
}
