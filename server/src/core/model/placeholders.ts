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

// [Name], [DATE], [e.g., ...], [Event - ...]; not links, checkboxes, footnotes, escaped brackets or phase tags.
const BRACKET = /(?<!\\)\[(?!\s?\]|[xX]\]|\^)([^\]\n]{1,200})\](?![(\[:])/g;
/** What only a placeholder says in brackets (real text in brackets is a link, a tag or a quote). */
const SHAPES = [
  // Sample words: [Name], [Date], [Incident Title], [Owner], [Name, Team].
  /^(?:(?:Your |Engineer |Incident |Service |Team )?Names?|Name\(s\)|Date|Time|Timestamp|Title|Incident Title|Owner|Description|Details|Answer|Action item|Link|URL|Email|TBD|TBC|TODO|XX+)(?:\s*[,/&]\s*(?:Names?|Teams?|Roles?|Emails?|Dates?|Times?))*$/i,
  // An unchosen option list: [Critical/High/Medium/Low], [Open | Closed | Blocked], [P0, P1, P2].
  /^[\w-]{1,12}(?:\s*[/|]\s*[\w-]{1,12}){2,}$|^(?:P|SEV-?|S)\d(?:\s*[,/|]\s*(?:P|SEV-?|S)\d)+$/i,
  // Instructions: [e.g., 5 minutes], [Describe what failed], [Link to dashboards], [Event - Service restored].
  /^(?:e\.g\.|eg[.,:]|i\.e\.|Event\s+-\s|(?:Describe|Insert|Add|List|Link to|Include|Enter|Specify|Explain|Summari[sz]e|Reference|Number of|Number or|Specific|Brief|Fill in|Write|Provide|Placeholder|Use|(?:Description|Details|Summary|Name|Title) of)\b)/i,
  // Capitals naming what goes there: [DATE], [INCIDENT-ID], [ACTION 1], [SERVICES AFFECTED], [HOW WAS IT RESOLVED].
  /^(?=[^a-z]*$)(?:.*\b(?:NAMES?|DATE|TIME|TIMESTAMP|DURATION|ID|NUMBER|PERCENTAGE|DESCRIPTION|TITLE|OWNER|LINK|URL|SERVICES?|REGIONS?|TEAMS?)\b.*|[A-Z]+(?: [A-Z]+)* \d+|[A-Z][A-Z/,.&-]*(?: [A-Z][A-Z/,.&-]*){2,})$/,
];
const isPlaceholderShape = (inner: string) => SHAPES.some((re) => re.test(inner.trim()));
/** A tag at the start of a heading (`# [Postmortem] Outage`): part of the title. */
const HEADING_TAG = /^\s{0,3}#{1,6}\s+$/;
// Where a placeholder is never: inline code, link text and link targets, bare URLs (same-length blanks keep offsets).
const NOT_TEXT = /(`+)[^`]*?\1|!?\[[^\]\n]*\]\([^)\n]*\)|<https?:[^>\s]*>|\bhttps?:\/\/\S+/g;
const blank = (text: string) => (text.includes('`') || text.includes('](') || text.includes('http') ? text.replace(NOT_TEXT, (m) => ' '.repeat(m.length)) : text);
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
const WHOLE =
  /^(?:Name|Names|DATE|Yes\/No|TBD|Event description|Action description|Open\/Closed|P0\/P1\/P2|(?:Item|Factor|Action|Improvement|Criteria|Aspect) \d+|% of users affected|Regions \/ tenants affected|Primary symptoms experienced|service-name \(impact summary\))$/;
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
    memos.set(
      key,
      (memo = new TextMemo((t) => {
        const found = scan(t, own);
        return found.length ? found : NONE;
      })),
    );
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

function scan(raw: string, extra: RegExp[]): PlaceholderMatch[] {
  const text = blank(raw);
  const found: [number, number][] = [];
  for (const m of text.matchAll(BRACKET)) {
    const end = m.index + m[0].length;
    if (PHASE_TAG.test(m[1]!.trim()) || !isPlaceholderShape(m[1]!)) continue;
    if (HEADING_TAG.test(text.slice(0, m.index)) && /\S/.test(text.slice(end))) continue;
    found.push([m.index, end]);
  }
  // The template's own patterns and sample texts ([Engineer Name]) as well as the generic shapes.
  for (const re of [...TOKENS, ...extra]) for (const m of text.matchAll(re)) if (m[0]) found.push([m.index, m.index + m[0].length]);
  // Where two overlap, the longer one is the placeholder ('[DATE]' over 'DATE').
  found.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
  const out: PlaceholderMatch[] = [];
  for (const [start, end] of found) {
    if (out.some((o) => start < o.end && end > o.start)) continue;
    const t = raw.slice(start, end);
    out.push({ start, end, text: t, isDate: /(?<![a-z])date(?![a-z])|YYYY-MM-DD|YYYYMMDD/i.test(t) && !/HH:MM|time/i.test(t) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Labels of reference-style link definitions (`[evmos]: https://…`): `[evmos]` in the text is then a link. */
export function definedLabels(lines: readonly string[], skip: ReadonlySet<number>): Set<string> {
  const out = new Set<string>();
  lines.forEach((l, i) => {
    const m = /^ {0,3}\[([^\]\n]+)\]:\s*\S/.exec(l);
    if (m && !skip.has(i)) out.add(m[1]!.trim().toLowerCase());
  });
  return out;
}

/** Placeholder checks that only apply to a whole field value or list item. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  return WHOLE.test(v) || OPTIONS.test(v);
}
