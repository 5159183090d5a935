// A new post-mortem from a template: every section with its skeleton, today's date where the
// document date goes and a fresh incident id. The other placeholders stay for the author, so
// the linter shows what is left to fill in.
import type { FieldSpec, SectionSpec, TemplateSpec } from './template/schema';
import { normalizeTitle } from './model/text';

export interface SkeletonPart {
  spec: SectionSpec;
  /** The heading line, numbered when the template numbers its level-2 sections. */
  heading: string;
  /** The skeleton's lines (empty when the section has none). */
  body: string[];
}

export interface NewDocumentOptions {
  /** YYYY-MM-DD. */
  today: string;
  /** Used as written; by default the template's id shape (or INC-YYYYMMDD-###) with today and 001. */
  incidentId?: string;
}

/** The title a new document starts with: the template's, with "Template" turned into a placeholder. */
export function documentTitle(template: TemplateSpec): string {
  const title = template.sections.find((s) => s.role === 'title')?.title;
  if (!title) return '[Incident Title]';
  return /\s+Template$/i.test(title) ? title.replace(/\s+Template$/i, ': [Incident Title]') : title;
}

export function skeletonParts(template: TemplateSpec): SkeletonPart[] {
  let number = 0;
  return template.sections.map((spec) => {
    const title = spec.role === 'title' && spec.level === 1 ? documentTitle(template) : spec.title;
    const numbered = template.numberedSections && spec.level === 2 ? `${++number}. ${title}` : title;
    const body = spec.skeleton?.replace(/\n+$/, '') ?? '';
    return { spec, heading: `${'#'.repeat(spec.level)} ${numbered}`, body: body ? body.split('\n') : [] };
  });
}

export function renderParts(parts: { heading: string; body: string[] }[]): string {
  return parts.map((p) => [p.heading, ...(p.body.length ? ['', ...p.body] : [])].join('\n')).join('\n\n') + '\n';
}

const DOCUMENT_DATE = /^(date|incident date|date of incident|last updated|updated)$/;
/** Sections whose fields describe the whole document (its header block and summary). */
const HEADER_ROLES: ReadonlySet<string> = new Set(['title', 'summary']);

export function newDocument(template: TemplateSpec, options: NewDocumentOptions): string {
  const parts = skeletonParts(template).map((p) => {
    if (!HEADER_ROLES.has(p.spec.role)) return p;
    const body = p.body.map((line) => {
      const field = p.spec.fields.find((f) => fieldLine(line, f));
      if (!field) return line;
      if (field.type === 'date' && DOCUMENT_DATE.test(normalizeTitle(field.key))) return setValue(line, field, options.today);
      if (field.type === 'id') return setValue(line, field, options.incidentId ?? incidentId(valueOf(line, field), options.today));
      return line;
    });
    return { ...p, body };
  });
  return renderParts(parts);
}

/** Fill an id shape such as INC-YYYYMMDD-### or INC-YYYY-MM-DD-### with the date and 001. */
export function incidentId(shape: string, today: string): string {
  const [y, m, d] = today.split('-');
  const bare = shape.replace(/^\[|\]$/g, '').trim();
  if (!ID_SHAPE.test(bare)) return `INC-${y}${m}${d}-001`;
  return bare
    .replace('YYYY', y!)
    .replace('MM', m!)
    .replace('DD', d!)
    .replace(/#+/, (h) => '1'.padStart(h.length, '0'));
}

/** The shape's id for today with the next number not among `known` (001 when none is known). */
export function nextIncidentId(shape: string, today: string, known: Iterable<string>): string | null {
  const bare = shape.replace(/^\[|\]$/g, '').trim();
  if (!ID_SHAPE.test(bare)) return null;
  const first = incidentId(bare, today);
  const hashes = /#+/.exec(bare)?.[0].length ?? 3;
  const [head, tail] = splitNumber(first, hashes);
  if (head === null) return first;
  let max = 0;
  for (const id of known) {
    const [h, t, n] = splitNumber(id.trim(), hashes);
    if (h === head && t === tail && n !== undefined) max = Math.max(max, n);
  }
  return `${head}${String(max + 1).padStart(hashes, '0')}${tail}`;
}

const ID_SHAPE = /^[A-Z]+-[-A-Z#]*YYYY[-A-Z#]*$/;
/** An id around its running number (the last run of digits as long as the shape's #s, or longer). */
function splitNumber(id: string, width: number): [string | null, string, number?] {
  const m = new RegExp(`^(.*?)(\\d{${width},})(\\D*)$`).exec(id);
  return m ? [m[1]!, m[3]!, Number(m[2])] : [null, ''];
}

const keyPattern = (f: FieldSpec) => [f.key, ...f.aliases].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const FIELD_LINE = (f: FieldSpec) => new RegExp(`^(\\s*(?:[-*+]\\s+)?\\*\\*(?:${keyPattern(f)}):\\*\\*[ \\t]*)(.*?)([ \\t]*)$`, 'i');

function fieldLine(line: string, f: FieldSpec): boolean {
  return FIELD_LINE(f).test(line);
}

function valueOf(line: string, f: FieldSpec): string {
  return FIELD_LINE(f).exec(line)?.[2] ?? '';
}

/** Replace a field's value, keeping the line's lead and trailing hard-break spaces. */
function setValue(line: string, f: FieldSpec, value: string): string {
  return line.replace(FIELD_LINE(f), (_, lead: string, _v: string, trail: string) => lead + value + trail);
}
