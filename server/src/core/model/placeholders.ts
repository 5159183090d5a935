// Unfilled template placeholders, in every shape the five template styles use.
import { TextMemo } from '../parse/memo';
import { keptWeakMap, keptMap } from '../state';

export interface PlaceholderMatch {
  start: number;
  end: number;
  text: string;
  /** A date placeholder, which a fix can fill with today's date. */
  isDate: boolean;
}

// [Name], [DATE], [e.g., ...], [Event - ...]; not links, checkboxes, footnotes or phase tags.
const BRACKET = /\[(?!\s?\]|[xX]\]|\^)([^\]\n]{1,200})\](?![(\[:])/g;
const PHASE_TAG = /^(?:phase:\s*)?(started|detected|acknowledged|mitigated|restored|resolved)$/i;
const TOKENS = [
  /\bINC-YYYY[-\w#]*/g,
  /\bYYYY-MM-DD(?:[ T]HH:MM(?::SS)?)?\b/g,
  /\bYYYYMMDD\b/g,
  /\bHH:MM(?::SS)?\b/g,
  /\bXX hours XX minutes\b/g,
  /(?<![\w$])X%/g,
  /\$X\b/g,
  /@username\b/g,
  /\bSEV-1 \/ SEV-2 \/ \S.*$/g,
];
/** Whole values that are a template's sample text. */
const WHOLE = /^(?:Name|Names|DATE|Yes\/No|TBD|Event description|Action description|Open\/Closed|P0\/P1\/P2|(?:Item|Factor|Action|Improvement|Criteria|Aspect) \d+|% of users affected|Regions \/ tenants affected|Primary symptoms experienced|service-name \(impact summary\))$/;
/** An unchosen option list: `P0 | P1 | P2 | P3`, `Resolved | Mitigated | Monitoring`. */
const OPTIONS = /^[\w-]+(?: \| [\w-]+){2,}$/;

// Every line of a big document is scanned on each analysis: remember results per text (and per
// set of extra patterns), and hand out copies so callers may sort or reverse them.
const memos = keptMap<string, TextMemo<readonly PlaceholderMatch[]>>();
const NONE: readonly PlaceholderMatch[] = [];

export function findPlaceholders(text: string, extra: RegExp[] = []): PlaceholderMatch[] {
  const key = patternsKey(extra);
  let memo = memos.get(key);
  if (!memo) {
    if (memos.size >= 64) memos.clear();
    const own = extra.map((r) => new RegExp(r.source, r.flags));
    memos.set(key, (memo = new TextMemo((t) => {
      const found = scan(t, own);
      return found.length ? found : NONE;
    })));
  }
  const found = memo.get(text);
  return found.length ? found.map((m) => ({ ...m })) : [];
}

// Callers pass one array of extra patterns for all the lines they scan: name it once.
const keys = keptWeakMap<RegExp[], { of: RegExp[]; key: string }>();
function patternsKey(extra: RegExp[]): string {
  if (!extra.length) return '';
  const known = keys.get(extra);
  if (known && known.of.length === extra.length && known.of.every((r, i) => r === extra[i])) return known.key;
  const key = extra.map((r) => `${r.flags}/${r.source}`).join('\u0000');
  keys.set(extra, { of: [...extra], key });
  return key;
}

function scan(text: string, extra: RegExp[]): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  const add = (start: number, end: number) => {
    if (out.some((o) => start < o.end && end > o.start)) return;
    const t = text.slice(start, end);
    out.push({ start, end, text: t, isDate: /date|YYYY-MM-DD|YYYYMMDD/i.test(t) && !/HH:MM|time/i.test(t) });
  };
  for (const m of text.matchAll(BRACKET)) {
    if (PHASE_TAG.test(m[1]!.trim()) || /^\d+$/.test(m[1]!)) continue;
    add(m.index, m.index + m[0].length);
  }
  for (const re of [...TOKENS, ...extra]) for (const m of text.matchAll(re)) if (m[0]) add(m.index, m.index + m[0].length);
  return out.sort((a, b) => a.start - b.start);
}

/** Placeholder checks that only apply to a whole field value or list item. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  return WHOLE.test(v) || OPTIONS.test(v);
}
