// An unfilled template placeholder: the report is not finished.
import type { Rule, Finding } from './rule';
import { definedLabels, findPlaceholders, isPlaceholderValue, type PlaceholderMatch } from '../model/placeholders';
import { lineRange } from '../model/text';
import { within } from '../model/sections';
import type { CellInfo, ListItemInfo } from '../parse/blockInfo';
import type { DocRow } from '../parse/document';
import { extraPlaceholders } from './templateMemo';
import { keptCarried } from './carried';
import { hasComments } from './visibleText';
import { nextIncidentId } from '../newDocument';
import { keptWeakMap } from '../state';

// Per row's cached cells (the same object while the row is unchanged): re-test only edited rows.
const wholeCells = keptWeakMap<CellInfo[], CellInfo[]>();
function placeholderCells(cells: CellInfo[]): CellInfo[] {
  let found = wholeCells.get(cells);
  if (!found) wholeCells.set(cells, (found = cells.filter((c) => c.text && isPlaceholderValue(c.text))));
  return found;
}

// Per line, row and item, carried from the last version (the model keeps what an edit did not touch).
const perLine = keptCarried<string, readonly PlaceholderMatch[]>();
const perRow = keptCarried<DocRow, CellInfo[]>();
const perItem = keptCarried<ListItemInfo, boolean>();

export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'error',
  description: 'An unfilled template placeholder such as [Name], YYYY-MM-DD or P0 | P1 | P2.',
  check({ model, template }) {
    const extra = extraPlaceholders(template);
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
    const { lines, codeLines } = model;
    const found = perLine.map(lines, (line) => findPlaceholders(line, extra), extra);
    const comments = hasComments(model);
    let inComment = false;
    // A bracket whose link definition exists is a link (read once, only when something was found).
    let links: Set<string> | undefined;
    for (let i = 0; i < lines.length; i++) {
      if (!found[i]!.length && !comments) continue;
      if (i <= fmEnd || codeLines.has(i)) continue;
      // Skip HTML comments (they hold directives and notes, not report text).
      if (inComment || lines[i]!.includes('<!--')) {
        const line = lines[i]!;
        inComment = !line.includes('-->') || line.lastIndexOf('<!--') > line.lastIndexOf('-->');
        continue;
      }
      for (const m of found[i]!) {
        if (m.text.startsWith('[') && (links ??= definedLabels(lines, codeLines)).has(m.text.slice(1, -1).toLowerCase())) continue;
        push(i, m.start, m.end, m.text, m.isDate);
      }
    }
    const whole = (line: number, start: number, text: string) => push(line, start, start + text.length, text, /(?<![a-z])date(?![a-z])/i.test(text));
    for (const f of model.fields) if (f.raw && isPlaceholderValue(f.raw)) whole(f.line, f.valueRange.start.character, f.raw);
    const { listItems } = model;
    const wholeItems = perItem.map(listItems, (it) => !!it.text && isPlaceholderValue(it.text));
    for (let i = 0; i < listItems.length; i++) if (wholeItems[i]) whole(listItems[i]!.line, listItems[i]!.contentStart, listItems[i]!.text);
    const { rows } = model;
    const cells = perRow.map(rows, (r) => placeholderCells(r.cells));
    for (let i = 0; i < rows.length; i++) for (const c of cells[i]!) whole(rows[i]!.line, c.start, c.text);
    // A section headed "Template" (an incident log keeps the skeleton of its next entry) is placeholders on purpose.
    const skeletons = model.sections.filter((s) => /^template$/i.test(s.title.trim()));
    const kept = skeletons.length ? findings.filter((f) => !skeletons.some((s) => within(s, f.range.start.line))) : findings;
    return kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
  fix({ today, incidentIds }, finding) {
    const id = nextIncidentId(String(finding.data?.['text'] ?? ''), today, incidentIds?.() ?? []);
    if (id) return [{ title: `Replace ${String(finding.data?.['text'])} with a new incident id (${id})`, edits: [{ range: finding.range, newText: id }], isPreferred: true }];
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
