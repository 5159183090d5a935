// Writes snippets/postmortem.code-snippets from the built-in templates: the whole skeleton of each,
// every section, timeline entries and action items in each shape, a 5-whys and an impact block.
// Template placeholders become tab stops whose default is the placeholder itself (so one left
// unfilled still lights up in the linter); fixed vocabularies become choices; dates use
// $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE.
//   npx tsx scripts/gen-snippets.ts           write it
//   npx tsx scripts/gen-snippets.ts --check   exit 1 when the committed file is stale
import fs from 'node:fs';
import path from 'node:path';
import type { FieldSpec, SectionSpec, TemplateSpec } from '../server/src/core/template/schema';
import { skeletonParts, type SkeletonPart } from '../server/src/core/newDocument';
import { findPlaceholders, isPlaceholderValue } from '../server/src/core/model/placeholders';
import { extraPlaceholders } from '../server/src/core/rules/templateMemo';
import { normalizeTitle, stripParens } from '../server/src/core/model/text';
import { loadBuiltinTemplates } from '../server/src/node/builtinTemplates';

export const SNIPPETS_FILE = 'snippets/postmortem.code-snippets';
export const DATE = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

export interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Numbers tab stops in order within one snippet. */
class Stops {
  private n = 0;
  text(def: string): string {
    return def ? `\${${++this.n}:${esc(def)}}` : `\$${++this.n}`;
  }
  /** A default that holds snippet syntax (variables) as is. */
  raw(def: string): string {
    return `\${${++this.n}:${def}}`;
  }
  choice(options: string[]): string {
    // In a choice only `\`, `,` and `|` are escapes (VS Code reads `\$` there as two characters).
    return `\${${++this.n}|${options.map((o) => o.replace(/[\\|,]/g, '\\$&')).join(',')}|}`;
  }
  date(): string {
    return this.raw(DATE);
  }
}

const esc = (s: string) => s.replace(/[\\$}]/g, '\\$&');

/** `Yes/No`, `P0 | P1 | P2`, `[Critical/High/Medium/Low]`, `[P0, P1, P2]`, `(Yes/No)`: the options, else null. */
export function optionList(text: string): string[] | null {
  const bracketed = /^[[(].*[\])]$/.test(text.trim());
  const t = text.trim().replace(/^[[(]\s*|\s*[\])]$/g, '');
  // Options are capitalised ("Regions / tenants affected" is one phrase, not two options).
  const word = /^[A-Z0-9][\w-]*$/;
  for (const [sep, ok] of [
    [/ \/ | \| /, (o: string) => /^[A-Z0-9]/.test(o) && o.length <= 30 && !/[[\]()]/.test(o)],
    [/\//, (o: string) => word.test(o)],
    [bracketed ? /, / : null, (o: string) => word.test(o)],
  ] as const) {
    if (!sep) continue;
    const options = t.split(sep).map((o) => o.trim());
    if (options.length >= 2 && options.every(ok)) return options;
  }
  return null;
}

/** An incident id shape with today's date as variables: INC-YYYYMMDD-### -> INC-$CURRENT_YEAR...-001. */
function idShape(value: string): string {
  const bare = value.replace(/^\[|\]$/g, '').trim();
  if (!/^[A-Z]+-[-A-Z#]*YYYY[-A-Z#]*$/.test(bare)) return 'INC-$CURRENT_YEAR$CURRENT_MONTH$CURRENT_DATE-001';
  return bare
    .replace('YYYY', '$CURRENT_YEAR')
    .replace('MM', '$CURRENT_MONTH')
    .replace('DD', '$CURRENT_DATE')
    .replace(/#+/, (h) => '1'.padStart(h.length, '0'));
}

const LIST_LEAD = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?/;
const FIELD = /^(\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?)\*\*([^*\[\d][^*]*?)\*\*(:?)(\s*)(.*?)(\s*)$/;
const DATE_SPAN = /^\[?(?:DATE|Date|YYYY-MM-DD)\]?$/;
const DATE_TIME_SPAN = /^\[?YYYY-MM-DD[ T]HH:MM\]?$/;

/** Turn one span of placeholder text into a tab stop (a choice, a date, an id or a default). */
function stopFor(span: string, stops: Stops): string {
  const options = optionList(span);
  if (options) return stops.choice(options);
  if (DATE_SPAN.test(span)) return stops.date();
  if (DATE_TIME_SPAN.test(span)) return `${stops.date()} ${stops.text('HH:MM')}`;
  if (/^\[?INC-YYYY/.test(span)) return stops.raw(idShape(span));
  return stops.text(span);
}

/** Text with each placeholder (as the linter finds them) turned into a tab stop. */
function convertText(text: string, template: TemplateSpec, stops: Stops, wholeLine: boolean): string {
  const lead = wholeLine ? (LIST_LEAD.exec(text)?.[0] ?? '') : '';
  const content = text.slice(lead.length).trimEnd();
  const spans: { start: number; end: number }[] = [];
  const add = (start: number, end: number) => {
    start = Math.max(start, lead.length);
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start && !spans.some((s) => start < s.end && end > s.start)) spans.push({ start, end });
  };
  // A whole bracketed line (the linter's bracket shape stops at 200 characters; prose runs longer).
  if (content && (isPlaceholderValue(content) || (wholeLine && /^\[[^\]]+\]$/.test(content)))) add(lead.length, lead.length + content.length);
  for (const source of template.placeholders) {
    for (const m of text.matchAll(new RegExp(source, 'g'))) {
      if (!m[0]) continue;
      // An anchored pattern names a prose line: the whole line is the placeholder.
      const end = wholeLine && source.startsWith('^') ? lead.length + content.length : m.index + m[0].length;
      add(m.index, end);
    }
  }
  for (const m of findPlaceholders(text, extraPlaceholders(template))) add(m.start, m.end);
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += esc(text.slice(at, s.start)) + stopFor(text.slice(s.start, s.end), stops);
    at = s.end;
  }
  return out + esc(text.slice(at));
}

function fieldSpecFor(key: string, section: SectionSpec, template: TemplateSpec): FieldSpec | null {
  const k = normalizeTitle(stripParens(key));
  const match = (f: FieldSpec) => [f.key, ...f.aliases].some((n) => normalizeTitle(stripParens(n)) === k);
  return section.fields.find(match) ?? template.sections.flatMap((s) => s.fields).find(match) ?? null;
}

function convertField(m: RegExpExecArray, next: string | undefined, section: SectionSpec, template: TemplateSpec, stops: Stops): string {
  const [, lead, key, colon, gap, value, trail] = m as unknown as string[];
  const head = `${esc(lead!)}**${esc(key!)}**${colon}`;
  const spec = fieldSpecFor(key!.replace(/:$/, ''), section, template);
  const values = spec?.type === 'severity' ? template.severity.values : spec?.type === 'enum' ? spec.values : undefined;
  if (!value) {
    // A key whose value is the nested list below it gets no stop of its own.
    const nested = next !== undefined && /^\s+[-*+]\s/.test(next) && next.search(/\S/) >= lead!.length;
    return nested ? head + gap + trail : `${head} ${stops.text('')}${trail}`;
  }
  if (values?.length) return `${head}${gap}${stops.choice(values)}${trail}`;
  if (spec?.type === 'id') return `${head}${gap}${stops.raw(idShape(value))}${trail}`;
  const yesNo = spec?.type === 'yes-no' ? /^(?:\[Yes\/No\]|Yes\/No)(?![\w,])/.exec(value) : null;
  if (yesNo) {
    const rest = value.slice(yesNo[0].length);
    return `${head}${gap}${stops.choice(['Yes', 'No'])}${rest ? convertText(rest, template, stops, false) : ''}${trail}`;
  }
  const converted = convertText(value, template, stops, false);
  return `${head}${gap}${converted === esc(value) ? stops.text(value) : converted}${trail}`;
}

const ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|(?:\s*:?-+:?\s*\|)+\s*$/;

function convertRow(line: string, header: string[], template: TemplateSpec, stops: Stops): string {
  const cells = line.trim().slice(1, -1).split('|');
  const out = cells.map((raw, i) => {
    const text = raw.trim();
    const pad = (s: string) => `${raw.slice(0, raw.length - raw.trimStart().length)}${s}${raw.slice(raw.trimEnd().length)}`;
    const column = header[i] ?? '';
    if (/status|state/i.test(column) && template.actionItems.statuses.length) return pad(stops.choice(template.actionItems.statuses));
    // Every cell of a skeleton row is sample content: one stop each (a choice or date when it reads so).
    return pad(text ? stopFor(text, stops) : stops.text(''));
  });
  return `${line.slice(0, line.indexOf('|'))}|${out.join('|')}|`;
}

/** A section (or several) as snippet lines, sharing one tab-stop sequence. */
export function convertParts(parts: SkeletonPart[], template: TemplateSpec, stops = new Stops()): string[] {
  const body: string[] = [];
  parts.forEach((p, i) => {
    if (i > 0) body.push('');
    body.push(convertText(p.heading, template, stops, false));
    if (p.body.length) body.push('', ...convertBody(p.body, p.spec, template, stops));
  });
  return body;
}

function convertBody(lines: string[], section: SectionSpec, template: TemplateSpec, stops: Stops): string[] {
  let header: string[] | null = null;
  return lines.map((line, i) => {
    if (ROW.test(line)) {
      if (!header) {
        header = line
          .trim()
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim());
        return esc(line);
      }
      return SEPARATOR.test(line) ? esc(line) : convertRow(line, header, template, stops);
    }
    header = null;
    const field = FIELD.exec(line);
    if (field && (field[3] || field[2]!.endsWith(':') || field[2]!.endsWith('?'))) return convertField(field, lines[i + 1], section, template, stops);
    return convertText(line, template, stops, true);
  });
}

/** A section with its sub-sections (the template sections below it at a deeper level); the title alone. */
function withSubsections(parts: SkeletonPart[], i: number): SkeletonPart[] {
  const out = [parts[i]!];
  if (parts[i]!.spec.role === 'title') return out;
  for (let j = i + 1; j < parts.length && parts[j]!.spec.level > parts[i]!.spec.level; j++) out.push(parts[j]!);
  return out;
}

/** The first data row of a section's table skeleton, as a one-line snippet. */
function firstRow(part: SkeletonPart | undefined, template: TemplateSpec): string[] | null {
  if (!part) return null;
  const rows = part.body.filter((l) => ROW.test(l));
  if (rows.length < 3) return null;
  const cells = (row: string) =>
    row
      .trim()
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
  return [convertRow(`| ${cells(rows[2]!).join(' | ')} |`, cells(rows[0]!), template, new Stops())];
}

export function buildSnippets(templates: TemplateSpec[]): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const t of templates) {
    const parts = skeletonParts(t);
    out[`Post-mortem (${t.id}): whole document`] = { prefix: `pm-${t.id}`, description: `New post-mortem: ${t.name}. ${t.description}`.trim(), body: convertParts(parts, t) };
    parts.forEach((p, i) => {
      const id = p.spec.role === 'title' ? 'title' : p.spec.id;
      out[`Post-mortem (${t.id}): ${p.spec.title}`] = {
        prefix: `pm-${t.id}-${id}`,
        description: p.spec.description ?? `The ${p.spec.title} section of the ${t.name} template.`,
        body: convertParts(withSubsections(parts, i), t),
      };
    });
    const part = (role: string) => parts.find((p) => p.spec.role === role && p.body.some((l) => ROW.test(l)));
    const timelineRow = t.timeline.shape === 'table' ? firstRow(part('timeline'), t) : null;
    if (timelineRow) out[`Post-mortem (${t.id}): timeline row`] = { prefix: `pm-${t.id}-timeline-row`, description: `A timeline row: ${t.timeline.columns.join(' | ')}.`, body: timelineRow };
    const actionRow = t.actionItems.shapes.includes('table') ? firstRow(part('actionItems'), t) : null;
    if (actionRow) out[`Post-mortem (${t.id}): action item row`] = { prefix: `pm-${t.id}-action-row`, description: `An action item row: ${t.actionItems.columns.join(' | ')}.`, body: actionRow };
  }
  out['Post-mortem: timeline entry'] = {
    prefix: 'pm-timeline-entry',
    description: 'A timeline entry as a list item: time, then what happened.',
    body: ['- **${1:[Time]}**: ${2:[Event]}'],
  };
  out['Post-mortem: action item'] = {
    prefix: 'pm-action-item',
    description: 'An action item as a checkbox line with its owner and due date.',
    body: [`- [ ] \${1:[Action item]} - Owner: \${2:[Name]}, Due: \${3:${DATE}}`],
  };
  out['Post-mortem: 5 whys'] = {
    prefix: 'pm-5-whys',
    description: 'A 5-whys chain from the problem to its root cause.',
    body: ['**Problem:** ${1:[What happened]}', '', '1. Why? ${2:[Answer]}', '2. Why? ${3:[Answer]}', '3. Why? ${4:[Answer]}', '4. Why? ${5:[Answer]}', '5. Why? ${6:[Root cause]}'],
  };
  out['Post-mortem: impact'] = {
    prefix: 'pm-impact',
    description: 'An impact block: users, services, data loss and revenue.',
    body: [
      '- **Users Affected:** ${1:[X% (approximate number)]}',
      '- **Services Affected:** ${2:[List services]}',
      '- **Regions Affected:** ${3:[Regions / tenants]}',
      '- **Data Loss:** ${4|No,Yes|}',
      '- **Revenue Impact:** ${5:[Estimated loss]}',
    ],
  };
  return out;
}

/** The file as committed: pretty-printed JSON with a trailing newline. */
export function snippetsText(templates: TemplateSpec[] = loadBuiltinTemplates()): string {
  return `${JSON.stringify(buildSnippets(templates), null, 2)}\n`;
}

if (require.main === module) {
  const file = path.resolve(__dirname, '..', SNIPPETS_FILE);
  const text = snippetsText();
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error(`${SNIPPETS_FILE} is stale: run \`npx tsx scripts/gen-snippets.ts\``);
      process.exit(1);
    }
    console.log(`${SNIPPETS_FILE} is up to date`);
  } else if (current === text) console.log(`${SNIPPETS_FILE} is up to date`);
  else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${SNIPPETS_FILE}`);
  }
}
