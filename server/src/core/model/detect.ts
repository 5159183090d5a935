// Is this markdown a post-mortem, and does it follow a template?
//
// Document-first: a post-mortem is recognised by its structure (the roles of its sections and
// bold lead-ins, see roles.ts), a conventional folder, front matter or the configured globs, not
// by a word in its title. A template's conformance rules apply only when the document follows it:
// front matter `template:`, the configured default, or a strong fingerprint (the template's title
// shape and sections that are the template's own). Every other post-mortem is generic: only the
// universal rules run.
import picomatch from 'picomatch';
import type { FieldInfo, HeadingInfo } from '../parse/blockInfo';
import type { TemplateSpec } from '../template/schema';
import { matchSection } from './sections';
import { roleOf, type SectionRole } from './roles';

export interface Detection {
  isPostmortem: boolean;
  /** The template whose conformance rules apply; null for a generic post-mortem. */
  template: TemplateSpec | null;
  /** Why it is (or is not) a post-mortem. */
  reason: string;
  /** Why the template applies, or why none does. */
  templateReason: string;
  /** The template was chosen (front matter, the configured default), not recognised by the document's shape. */
  templateChosen: boolean;
  /** The template the document is closest to when none applies (for "Check against template X"). */
  closest: TemplateSpec | null;
}

export interface DetectInput {
  uri: string;
  frontMatter: Record<string, unknown> | null;
  headings: HeadingInfo[];
  /** Bold lead-ins and other fields (`**Impact**: …`): sections written as paragraphs. */
  fields: FieldInfo[];
  lines: string[];
}

/** Folders teams keep post-mortems in. */
const FOLDER = /\/(?:post[-_]?mortems?|incidents|incident[-_]reports?|rcas?)\//i;
/** Files in such a folder that are not one: its index, readme or template. */
const NOT_A_REPORT = /(?:^|\/)(?:readme|index|changelog|_?template[^/]*|contributing)\.[^/]*$/i;
/** Titles that name the document as a report of an incident (a title alone never decides). */
const TITLE_WORDS = /post[- ]?mortem|incident|\brca\b|root cause|outage|retrospective|障害/i;
/** A title that names a procedure ('Runbook - 障害対応手順書', 'On-call handbook'): its sections describe what to do, not what happened. */
const GUIDE_TITLE = /^\W*(?:runbook|playbook|on-?call\s+(?:guide|handbook)|handbook)\s*(?:[-–—:|(]|$)|(?:手順書|マニュアル|运维手册|操作手册|매뉴얼)\s*(?:[(（][^)）]*[)）])?$/i;
/** A title that says the document is not a real report. */
const NOT_REAL_TITLE = /\b(?:example|sample|template|skeleton)\b/i;
// A title about the practice or a list ('Incident response', 'Incidents and maintenance'): with no
// post-mortem sections, incident words in its text are a how-to's or a status page's, not a report's.
const PRACTICE_TITLE = /\bincident\s+(?:response|management|process|handling|playbooks?|runbooks?|policy|policies|procedures?|guide|checklist)\b|\bincidents\b/i;
/** Words of an incident write-up in running text, for documents with a title and no sections. */
const PROSE_WORDS = [
  /\boutage\b/i,
  /\bincident\b/i,
  /\broot cause\b/i,
  /\bimpact(?:ed)?\b/i,
  /\baffected\b/i,
  /\bmitigat/i,
  /\b(?:resolved|restored)\b/i,
  /\bon-?call\b/i,
  /\bdowntime\b/i,
  /\bapologi[sz]e/i,
  /\bto prevent\b/i,
];
const TYPES: ReadonlySet<string> = new Set(['postmortem', 'incident', 'incidentreport', 'rca']);

export function detect(input: DetectInput, templates: TemplateSpec[], files: string[], defaultTemplate: string | undefined): Detection {
  const { frontMatter, headings } = input;
  const byId = (id: unknown) => templates.find((t) => t.id === id) ?? null;
  const print = fingerprint(headings, templates);
  const closest = print.best?.template ?? null;
  const named = frontMatter?.['template'];
  if (named !== undefined) {
    const t = byId(named);
    if (t) return { isPostmortem: true, template: t, reason: `front matter template: ${t.id}`, templateReason: `front matter template: ${t.id}`, templateChosen: true, closest: null };
    const why = `front matter names unknown template '${String(named)}'`;
    return { isPostmortem: true, template: null, reason: why, templateReason: `${why}: checked as a generic post-mortem`, templateChosen: false, closest };
  }
  const reason = recognise(input, print, files);
  if (!reason.yes) return { isPostmortem: false, template: null, reason: reason.why, templateReason: 'not a post-mortem', templateChosen: false, closest: null };
  const applied = print.best?.follows ? print.best : null;
  if (applied) {
    const how = applied.of ? `its title shape, and ${applied.sections} of the ${applied.of} sections are the template's` : 'its title shape (a post-mortem just begun)';
    return { isPostmortem: true, template: applied.template, reason: reason.why, templateReason: `follows template ${applied.template.id}: ${how}`, templateChosen: false, closest: null };
  }
  const fallback = byId(defaultTemplate);
  if (fallback) return { isPostmortem: true, template: fallback, reason: reason.why, templateReason: `configured default template: ${fallback.id}`, templateChosen: true, closest: null };
  const near = print.best ? ` (closest: ${print.best.template.id}, ${print.best.sections} of the ${print.best.of} sections are its own${print.best.title ? '' : ', another title shape'})` : '';
  return { isPostmortem: true, template: null, reason: reason.why, templateReason: `generic post-mortem: follows no template${near}; only the universal rules apply`, templateChosen: false, closest };
}

interface Match {
  template: TemplateSpec;
  /** The document's top sections that are sections of the template, and all its top sections. */
  sections: number;
  of: number;
  title: boolean;
  /** Title shape, and (almost) every top section is one of the template's: the document follows it. */
  follows: boolean;
}

/**
 * The template the document follows, if any. Following means the template's title shape and top
 * sections that are the template's own (at most one in four of another wording or of the
 * author's own): a real post-mortem in its own layout under a "Post-mortem: …" title has sections
 * the template does not, and is checked as a generic one. A document that is just its title
 * (and perhaps a first section) follows the template of its title shape.
 */
function fingerprint(headings: HeadingInfo[], templates: TemplateSpec[]): { best: Match | null } {
  const title = headings.find((h) => h.depth === 1)?.text ?? '';
  const below = headings.filter((h) => h.depth > 1);
  const top = Math.min(...below.map((h) => h.depth));
  const tops = below.filter((h) => h.depth === top);
  const stem = titleStem(title);
  let best: Match | null = null;
  let bestScore = -1;
  for (const t of templates) {
    const ids = new Set<string>();
    for (const h of below) {
      const id = matchSection(h.text, h.depth, t);
      if (id) ids.add(id);
    }
    const own = tops.filter((h) => matchSection(h.text, h.depth, t) !== null).length;
    const pattern = matchesTitle(t, title);
    const titleMatch = pattern || (stem !== '' && stem === titleStem(t.sections.find((s) => s.role === 'title')?.title ?? ''));
    const follows = titleMatch && (tops.length - own) * 4 <= tops.length;
    const score = 2 * ids.size + (pattern ? 2 : titleMatch ? 1 : 0) + (follows ? 1000 : 0);
    if (score > bestScore && (ids.size > 0 || titleMatch)) {
      best = { template: t, sections: own, of: tops.length, title: titleMatch, follows };
      bestScore = score;
    }
  }
  return { best };
}

/** A title's leading words before its separator, without "Template" or placeholders: "post mortem report". */
function titleStem(title: string): string {
  const head = title.split(/\s*[:—–]\s*|\s+-\s+/)[0] ?? '';
  return head
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\btemplate\b/gi, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function matchesTitle(t: TemplateSpec, title: string): boolean {
  try {
    return new RegExp(t.titlePattern, 'i').test(title);
  } catch {
    return false;
  }
}

function recognise(input: DetectInput, print: { best: Match | null }, files: string[]): { yes: boolean; why: string } {
  const { frontMatter, headings, uri } = input;
  const type = String(frontMatter?.['type'] ?? '')
    .toLowerCase()
    .replace(/[- _]/g, '');
  if (TYPES.has(type)) return { yes: true, why: `front matter type: ${String(frontMatter?.['type'])}` };
  const tagged = taggedAs(frontMatter);
  if (tagged) return { yes: true, why: `front matter ${tagged}` };
  const path = decodeURIComponent(uri.replace(/^file:\/\//, ''));
  if (files.length && matchesGlobs(path, files)) return { yes: true, why: 'file matches the configured globs' };
  if (FOLDER.test(path) && !NOT_A_REPORT.test(path)) return { yes: true, why: `in a post-mortem folder (${FOLDER.exec(path)![0]})` };
  const best = print.best;
  if (best?.follows) return { yes: true, why: `follows template ${best.template.id}` };
  const title = titleOf(input);
  if (NOT_REAL_TITLE.test(title)) return { yes: false, why: `the title '${title}' says it is an example or template, not a report` };
  if (GUIDE_TITLE.test(title)) return { yes: false, why: `the title '${title}' names a runbook or guide, not a report` };

  const roles = new Map<SectionRole, number>();
  const roleLines: number[] = [];
  const note = (text: string, line: number) => {
    const r = roleOf(text);
    if (!r) return;
    roles.set(r.role, r.weight);
    roleLines.push(line);
  };
  for (const h of headings) if (h.depth > 1 || h.text !== title) note(h.text, h.line);
  for (const f of input.fields) note(f.key, -1);
  const score = [...roles.values()].reduce((a, b) => a + b, 0);
  const names = [...roles.keys()].join(', ');
  if (score >= 5 || (roles.size >= 3 && score >= 4)) {
    if (roleLines.length >= 3 && roleLines.every((l) => l >= 0 && isEmptySection(input, l))) {
      return { yes: false, why: `a blank template: its post-mortem sections (${names}) are all empty` };
    }
    return { yes: true, why: `its sections read as a post-mortem (${names})` };
  }
  if (TITLE_WORDS.test(title)) {
    if (roles.size) return { yes: true, why: `a post-mortem title and its sections (${names})` };
    const words = PRACTICE_TITLE.test(title) || NOT_A_REPORT.test(path) ? 0 : proseWords(input.lines);
    if (words >= 4) return { yes: true, why: `a post-mortem title and an incident write-up (${words} incident terms in its text)` };
  }
  return { yes: false, why: roles.size ? `too few post-mortem sections (${names})` : 'no post-mortem sections, front matter, folder or glob' };
}

/** The title: front matter `title`, the first H1, or the first heading when it names no section. */
function titleOf({ frontMatter, headings }: DetectInput): string {
  const fm = frontMatter?.['title'];
  if (typeof fm === 'string' && fm.trim()) return fm.trim();
  const h1 = headings.find((h) => h.depth === 1);
  if (h1) return h1.text;
  const first = headings[0];
  return first && !roleOf(first.text) ? first.text : '';
}

/** No text under the heading before the next heading, other than prompts (quotes, comments). */
function isEmptySection({ lines, headings }: DetectInput, line: number): boolean {
  const next = headings.find((h) => h.line > line)?.line ?? lines.length;
  for (let i = line + 1; i < next; i++) {
    const l = lines[i]!.trim();
    if (l && !l.startsWith('>') && !/^<!--.*-->$/.test(l) && !/^[-=]+$/.test(l)) return false;
  }
  return true;
}

function proseWords(lines: string[]): number {
  const text = lines.slice(0, 200).join('\n');
  return PROSE_WORDS.filter((re) => re.test(text)).length;
}

// A blog's category or tag ('category: postmortem', 'tags: [outage, post-mortem]'); 'incident' alone may be a post about the practice.
const TAGS: ReadonlySet<string> = new Set(['postmortem', 'postmortems', 'incidentreport', 'incidentreports', 'rca']);
const squash = (v: unknown) => String(v).toLowerCase().replace(/[- _]/g, '');

function taggedAs(fm: Record<string, unknown> | null): string | null {
  for (const key of ['category', 'categories', 'tags']) {
    const v = fm?.[key];
    const values = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
    const hit = values.find((x) => (typeof x === 'string' || typeof x === 'number') && TAGS.has(squash(x).trim()));
    if (hit !== undefined) return `${key}: ${String(hit).trim()}`;
  }
  return null;
}

function matchesGlobs(path: string, globs: string[]): boolean {
  return globs.some((g) => picomatch(g.startsWith('/') || g.startsWith('**') ? g : '**/' + g, { dot: true })(path));
}
