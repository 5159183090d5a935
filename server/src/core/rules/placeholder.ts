// An unfilled template placeholder: the report is not finished.
import type { Rule, Finding } from './rule';
import { findPlaceholders, isPlaceholderValue } from '../model/placeholders';
import { lineRange } from '../model/text';
import type { CellInfo } from '../parse/blockInfo';

// Per row's cached cells (the same object while the row is unchanged): re-test only edited rows.
const wholeCells = new WeakMap<CellInfo[], CellInfo[]>();
function placeholderCells(cells: CellInfo[]): CellInfo[] {
  let found = wholeCells.get(cells);
  if (!found) wholeCells.set(cells, (found = cells.filter((c) => c.text && isPlaceholderValue(c.text))));
  return found;
}

export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'error',
  description: 'An unfilled template placeholder such as [Name], YYYY-MM-DD or P0 | P1 | P2.',
  check({ model, template }) {
    const extra = (template?.placeholders ?? []).map((p) => new RegExp(p, 'g'));
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const push = (line: number, start: number, end: number, text: string, isDate: boolean) => {
      const key = `${line}:${start}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push({
        range: lineRange(line, start, end),
        message: `Unfilled placeholder '${text}'.`,
        data: { text, isDate },
      });
    };
    const fmEnd = model.frontMatterRange?.end.line ?? -1;
    let inComment = false;
    model.lines.forEach((line, i) => {
      if (i <= fmEnd || model.codeLines.has(i)) return;
      // Skip HTML comments (they hold directives and notes, not report text).
      if (inComment || line.includes('<!--')) {
        inComment = !line.includes('-->') || line.lastIndexOf('<!--') > line.lastIndexOf('-->');
        return;
      }
      for (const m of findPlaceholders(line, extra)) push(i, m.start, m.end, m.text, m.isDate);
    });
    const whole = (line: number, start: number, text: string) => {
      if (text && isPlaceholderValue(text)) push(line, start, start + text.length, text, /date/i.test(text));
    };
    for (const f of model.fields) whole(f.line, f.valueRange.start.character, f.raw);
    for (const it of model.listItems) whole(it.line, it.contentStart, it.text);
    for (const r of model.rows) for (const c of placeholderCells(r.cells)) whole(r.line, c.start, c.text);
    return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
  fix({ today }, finding) {
    if (!finding.data?.['isDate']) return [];
    return [
      {
        title: `Replace ${String(finding.data['text'])} with today's date (${today})`,
        edits: [{ range: finding.range, newText: today }],
        isPreferred: true,
      },
    ];
  },
};
