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
  if (!template) return NO_PATTERNS;
  const sources = template.placeholders;
  let p = compiled.get(template);
  if (!p || p.of !== sources) {
    const all = [...sources, ...sampleTexts(template)];
    p = { of: sources, extra: all.map((s) => new RegExp(s, 'g')), key: all.join('\u0000') };
    compiled.set(template, p);
  }
  return p;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The template's own bracketed sample texts ('[Engineer Name]' in a skeleton), as one pattern. */
function sampleTexts(template: TemplateSpec): string[] {
  const samples = new Set<string>();
  for (const s of template.sections) {
    for (const m of `${s.title}\n${s.skeleton ?? ''}`.matchAll(/(?<!\\)\[([^\]\n]{2,200})\](?![(\[:])/g)) {
      if (!/^[xX ]$|^\^/.test(m[1]!)) samples.add(escape(m[1]!));
    }
  }
  return samples.size ? [`(?<!\\\\)\\[(?:${[...samples].join('|')})\\](?![(\\[:])`] : [];
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
