// `<!-- postmortem-disable RULE -->` (whole file), `<!-- postmortem-disable-next-line RULE -->`,
// and `postmortem-disable: [RULE]` in front matter.
const COMMENT = /<!--\s*postmortem-disable(-next-line|-line)?(?:\s+([\w\s,-]*?))?\s*-->/g;

export function readDirectives(lines: string[], frontMatter: Record<string, unknown> | null) {
  const file = new Set<string>();
  const perLine = new Map<number, Set<string>>();
  const fm = frontMatter?.['postmortem-disable'];
  for (const r of Array.isArray(fm) ? fm : typeof fm === 'string' ? fm.split(/[\s,]+/) : []) if (r) file.add(String(r));
  lines.forEach((text, i) => {
    if (!text.includes('postmortem-disable')) return;
    for (const m of text.matchAll(COMMENT)) {
      const rules = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
      const list = rules.length ? rules : ['*'];
      if (!m[1]) list.forEach((r) => file.add(r));
      else {
        const target = m[1] === '-next-line' ? i + 1 : i;
        const set = perLine.get(target) ?? new Set<string>();
        list.forEach((r) => set.add(r));
        perLine.set(target, set);
      }
    }
  });
  return { file, lines: perLine };
}
