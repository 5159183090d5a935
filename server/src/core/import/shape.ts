// The document's own timeline shape, read once: where entries go and how one is written (a table row with
// the same columns and pipe style, a bullet like its neighbours, or a Detection/Response/... block).
import type { Postmortem, Phase, TimelineEntry, Section } from '../model/types';
import type { TemplateSpec } from '../template/schema';
import { normalizeTitle, stripMarks } from '../model/text';
import { within } from '../model/sections';
import { splitRow } from '../completion/cursor';
import { timelineColumns } from '../completion/timeline';
import { detectStyle, readStyle, styleFromFormat, type TimeStyle } from '../completion/timeStyle';

const DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const WRAPPED = /^(\*\*|__|`)(.*)\1$/;

/** The block sub-sections the model reads as phases, in incident order, with the field the details go in. */
export const BLOCKS: readonly { title: string; phase: Phase; detail: string; owner?: string }[] = [
  { title: 'Detection', phase: 'detected', detail: 'Method', owner: 'Detected By' },
  { title: 'Response', phase: 'acknowledged', detail: 'Actions Taken' },
  { title: 'Mitigation', phase: 'mitigated', detail: 'Actions Taken' },
  { title: 'Recovery', phase: 'restored', detail: 'Details' },
  { title: 'Resolution', phase: 'resolved', detail: 'Resolution Method' },
];

export type Layout =
  | { kind: 'table'; header: string[]; headerLine: number; sample: string; wrap: string }
  | { kind: 'list'; prefix: string; infix: string; sample: TimelineEntry | null }
  | { kind: 'blocks'; level: number; fieldPrefix: string; fieldInfix: string; blocks: { phase: Phase; line: number }[] };

export interface Shape {
  section: Section;
  layout: Layout;
  style: TimeStyle;
  /** The zone times are written in (the suffix in the style names it when there is one). */
  zone: string;
  /** Entries in document order, with instants, that new entries are ordered against. */
  entries: readonly TimelineEntry[];
  /** Line after which an entry goes when nothing is there to order it against. */
  tail: number;
  eol: string;
}

/** The table header inside the section when the timeline is a table with no rows yet. */
function emptyTable(lines: readonly string[], section: Section): { header: string[]; line: number } | null {
  for (let l = section.headingRange.start.line + 1; l < section.range.end.line; l++) {
    if ((lines[l] ?? '').includes('|') && DELIMITER.test(lines[l + 1] ?? '')) {
      const { cells, trailingPipe } = splitRow(lines[l]!);
      return { header: (trailingPipe ? cells.slice(0, -1) : cells).map((c) => c.text), line: l };
    }
  }
  return null;
}

function lastContentLine(lines: readonly string[], section: Section): number {
  let l = Math.min(section.range.end.line, lines.length - 1);
  while (l > section.headingRange.start.line && !(lines[l] ?? '').trim()) l--;
  return l;
}

export function readShape(model: Postmortem, template: TemplateSpec | null): Shape | { problem: string } {
  const tl = model.timeline;
  const section = tl.section;
  if (!section) return { problem: 'the document has no Timeline section: add a "## Timeline" heading first' };
  const lines = model.lines;
  const eol = /\r\n/.test(model.text) ? '\r\n' : '\n';
  const entries = tl.entries;
  const texts = entries.slice(0, 12).map((e) => stripMarks(e.timeText));
  const format = template?.timeline.timeFormat;
  const style = detectStyle(texts) ?? (format ? styleFromFormat(format) : null) ?? styleFromFormat('HH:mm')!;
  const ref = entries.find((e) => e.at !== null) ?? entries[0];
  const zone = ref?.zone ?? tl.statedZone ?? model.zone;
  const last = entries.at(-1);
  let tail = last ? last.range.end.line : lastContentLine(lines, section);
  let layout: Layout;
  if (tl.shape === 'blocks' || (!entries.length && template?.timeline.shape === 'blocks')) {
    const blocks = model.sections
      .filter((s) => s !== section && within(section, s.headingRange.start.line))
      .map((s) => ({ s, b: BLOCKS.find((b) => normalizeTitle(b.title) === normalizeTitle(s.title)) }))
      .filter((x) => x.b)
      .map((x) => ({ phase: x.b!.phase, line: x.s.headingRange.start.line, level: x.s.level }));
    const timeLine = entries[0] ? (lines[entries[0].line] ?? '') : '';
    const at = entries[0] ? entries[0].timeRange.start.character : 0;
    const m = /^(\s*(?:[-*+]\s+)?)(.*?)Time(.*?)$/.exec(timeLine.slice(0, at));
    layout = {
      kind: 'blocks',
      level: blocks[0]?.level ?? section.level + 1,
      fieldPrefix: m ? m[1]! + m[2]! : '- **',
      fieldInfix: m ? m[3]! : ':** ',
      blocks,
    };
    tail = lastContentLine(lines, section);
  } else if (tl.shape === 'table' && last) {
    const row = model.rows.find((r) => r.line === last.line);
    const header = row ? row.header.map((c) => c.text) : tl.columns;
    const sample = lines[last.line] ?? '';
    let end = last.line;
    while (end + 1 < lines.length && (lines[end + 1] ?? '').includes('|') && (lines[end + 1] ?? '').trim()) end++;
    tail = end;
    layout = { kind: 'table', header, headerLine: row?.headerLine ?? last.line, sample, wrap: WRAPPED.exec(ref?.timeText ?? '')?.[1] ?? '' };
  } else {
    const table = !entries.length ? emptyTable(lines, section) : null;
    if (table) {
      tail = table.line + 1;
      layout = { kind: 'table', header: table.header, headerLine: table.line, sample: lines[table.line]!, wrap: '' };
    } else if (!entries.length && template?.timeline.shape === 'table' && template.timeline.columns.length) {
      layout = { kind: 'table', header: template.timeline.columns, headerLine: -1, sample: `| ${template.timeline.columns.join(' | ')} |`, wrap: '' };
    } else {
      const sample = entries.find((e) => !model.rows.some((r) => r.line === e.line)) ?? null;
      let prefix = '- **';
      let infix = '**: ';
      if (sample) {
        const line = lines[sample.line] ?? '';
        prefix = line.slice(0, sample.timeRange.start.character).replace(/\[[xX]\]/, '[ ]');
        infix = line.slice(sample.timeRange.end.character, sample.textRange.start.character);
        if (!/\s$/.test(infix)) infix += ' ';
      }
      // A time such as `**11:44 PM:**` keeps its ':' inside the marks: it is part of what follows the time.
      const rest = sample ? (readStyle(stripMarks(sample.timeText))?.rest ?? '') : '';
      layout = { kind: 'list', prefix, infix: rest + infix, sample };
    }
  }
  return { section, layout, style, zone, entries, tail, eol };
}

/** One table row in the table's own columns and pipe style. */
export function tableRow(layout: Extract<Layout, { kind: 'table' }>, time: string, text: string, who: string | null): string {
  const { leadingPipe, trailingPipe } = splitRow(layout.sample);
  const pad = /\|[ \t]/.test(layout.sample) || !layout.sample.includes('|') ? ' ' : '';
  const cols = timelineColumns(layout.header);
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const body = cols.owner < 0 && who ? `${who}: ${text}` : text;
  const cells = layout.header.map((_, i) => {
    if (i === cols.time) return layout.wrap + time + layout.wrap;
    if (i === cols.event) return cell(body);
    if (i === cols.owner) return cell(who ?? '');
    return '';
  });
  return (leadingPipe ? '|' + pad : '') + cells.join(pad + '|' + pad) + (trailingPipe ? pad + '|' : '');
}

/** The header and delimiter of a table the template asks for, when the timeline has none yet. */
export function tableHead(header: string[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map((h) => '-'.repeat(Math.max(3, h.length + 2))).join('|')}|`];
}
