// Is this markdown a post-mortem, and which template does it follow?
import picomatch from 'picomatch';
import type { HeadingInfo } from '../parse/blockInfo';
import type { TemplateSpec } from '../template/schema';
import { matchSection } from './sections';

export interface Detection {
  isPostmortem: boolean;
  template: TemplateSpec | null;
  reason: string;
}

const TITLE_WORDS = /post[- ]?mortem|incident|\brca\b|root cause|outage/i;
const GENERIC_SECTIONS = [/summary/i, /timeline|chronology/i, /impact/i, /root cause|causes?\b|what happened/i, /action items?|follow[- ]?ups?|corrective|remediation/i, /lessons|went well|went wrong/i, /detection/i, /resolution|recovery/i];

export function detect(
  uri: string,
  frontMatter: Record<string, unknown> | null,
  headings: HeadingInfo[],
  templates: TemplateSpec[],
  files: string[],
  defaultTemplate: string | undefined,
): Detection {
  const byId = (id: unknown) => templates.find((t) => t.id === id) ?? null;
  const best = bestTemplate(headings, templates);
  const fallback = best.template ?? byId(defaultTemplate);
  if (frontMatter) {
    const tpl = frontMatter['template'];
    if (tpl !== undefined) {
      const t = byId(tpl);
      return { isPostmortem: true, template: t ?? fallback, reason: t ? `front matter template: ${t.id}` : `front matter names unknown template '${String(tpl)}'` };
    }
    const type = String(frontMatter['type'] ?? '').toLowerCase().replace(/[- ]/g, '');
    if (type === 'postmortem') return { isPostmortem: true, template: fallback, reason: 'front matter type: postmortem' };
  }
  if (files.length && matchesGlobs(uri, files)) return { isPostmortem: true, template: fallback, reason: 'file matches the configured globs' };
  const title = (typeof frontMatter?.['title'] === 'string' ? frontMatter['title'] : '') || (headings.find((h) => h.depth === 1) ?? headings[0])?.text || '';
  if (best.template && best.sections >= 3 && (TITLE_WORDS.test(title) || best.title)) {
    return { isPostmortem: true, template: best.template, reason: `headings match template ${best.template.id} (${best.sections} sections)` };
  }
  // A post-mortem in no known template: the title says so and it has the usual sections.
  const generic = new Set(headings.filter((h) => h.text !== title).flatMap((h) => GENERIC_SECTIONS.filter((re) => re.test(h.text)).map(String)));
  if (TITLE_WORDS.test(title) && generic.size >= 3) {
    const template = best.sections >= 3 ? best.template : null;
    return { isPostmortem: true, template, reason: `title and ${generic.size} usual post-mortem sections${template ? `, closest template ${template.id}` : ', no template matched'}` };
  }
  return { isPostmortem: false, template: null, reason: 'no post-mortem front matter, glob or headings' };
}

function bestTemplate(headings: HeadingInfo[], templates: TemplateSpec[]) {
  let best = { template: null as TemplateSpec | null, sections: 0, title: false, score: 0 };
  const title = headings.find((h) => h.depth === 1)?.text ?? '';
  for (const t of templates) {
    const ids = new Set<string>();
    for (const h of headings) {
      if (h.depth === 1) continue;
      const id = matchSection(h.text, h.depth, t);
      if (id) ids.add(id);
    }
    let titleMatch = false;
    try {
      titleMatch = new RegExp(t.titlePattern, 'i').test(title);
    } catch {
      titleMatch = false;
    }
    const score = ids.size + (titleMatch ? 2 : 0);
    if (score > best.score) best = { template: t, sections: ids.size, title: titleMatch, score };
  }
  return best;
}

function matchesGlobs(uri: string, globs: string[]): boolean {
  const path = decodeURIComponent(uri.replace(/^file:\/\//, ''));
  return globs.some((g) => picomatch(g.startsWith('/') || g.startsWith('**') ? g : '**/' + g, { dot: true })(path));
}
