// The timeline never says which zone its times are in, so one was assumed (UTC, or the
// configured zone). Readers in another zone cannot tell; the durations may be off by hours.
import type { Rule, RuleContext, Fix } from './rule';
import type { Postmortem } from '../model/types';
import { findZoneStatement, parseTime } from '../time';
import { lineRange, stripMarks } from '../model/text';
import { keptTextMemo } from '../parse/memo';
import { TIME_COL } from '../model/columns';

/** Whether a time text reads as a time (not a placeholder), remembered per text: asked of every entry on every version. */
const readsAsTime = keptTextMemo((timeText) => parseTime(stripMarks(timeText)) !== null);

/** Entries read in an assumed zone: a time (not a placeholder) with no zone of its own, none stated for the
 *  timeline or the document. */
const assumed = (model: Postmortem) =>
  model.timeline.statedZone === null ? model.timeline.entries.filter((e) => (e.zoneSource === 'default' || e.zoneSource === 'config') && readsAsTime.get(e.timeText)) : [];

/** The zone as a statement can name it: the configured spelling when it reads back the same, else the zone's name. */
function zoneLabel(ctx: RuleContext): string {
  const { model, config } = ctx;
  const written = config.timeZone?.trim();
  if (model.zoneSource === 'config' && written && findZoneStatement(`All times in ${written}`)?.zone === model.zone) return written;
  return model.zone;
}

export const timezoneMissing: Rule = {
  id: 'timezone-missing',
  defaultSeverity: 'information',
  description: 'The timeline states no time zone, so one was assumed.',
  check(ctx) {
    const { model } = ctx;
    const section = model.timeline.section;
    const zoneless = assumed(model);
    if (!section || !zoneless.length) return [];
    let all = 0;
    for (const e of model.timeline.entries) if (readsAsTime.get(e.timeText)) all++;
    const who = zoneless.length === all ? 'The timeline states no time zone' : `${zoneless.length} of ${all} timeline entries state no time zone`;
    const why = model.zoneSource === 'config' ? 'the postmortem.timeZone setting' : 'the default';
    const zone = zoneLabel(ctx);
    return [{ range: section.headingRange, message: `${who}, so ${zone} was assumed (${why}). State the zone, e.g. '_All times in ${zone}_' under the heading.` }];
  },
  fix(ctx) {
    const { model } = ctx;
    const section = model.timeline.section;
    if (!section || !assumed(model).length) return [];
    const label = zoneLabel(ctx);
    const statement = `_All times in ${label}_`;
    // Only offer text that the timeline will read back as the zone already assumed.
    if (findZoneStatement(statement)?.zone !== model.zone) return [];
    const eol = /\r\n/.test(model.text) ? '\r\n' : '\n';
    const h = section.headingRange.start.line;
    let blanks = 0;
    while (h + 1 + blanks <= section.range.end.line && /^\s*$/.test(model.lines[h + 1 + blanks] ?? 'x')) blanks++;
    // Keep one blank line on each side of the statement.
    const insert =
      blanks === 0 ? { range: lineRange(h + 1, 0, 0), newText: `${eol}${statement}${eol}${eol}` } : { range: lineRange(h + 2, 0, 0), newText: `${statement}${eol}${blanks >= 2 ? '' : eol}` };
    // Not in fix-all: writing down the assumed zone unattended would answer the question for the author.
    const fixes: Fix[] = [{ title: `Add '${statement}' to the timeline`, edits: [insert], isPreferred: true, fixAll: false }];
    const header = timeHeader(model);
    if (header) {
      const line = model.lines[header.line]!;
      const after = line.slice(0, header.end) + ` (${label})` + line.slice(header.end);
      if (findZoneStatement(after)?.zone === model.zone) {
        fixes.push({
          title: `Rename column '${header.text}' to '${header.text} (${label})'`,
          edits: [{ range: lineRange(header.line, header.end, header.end), newText: ` (${label})` }],
          fixAll: false,
        });
      }
    }
    return fixes;
  },
};

/** The time column's header cell of a table timeline, when the zone can be added to it. */
function timeHeader(model: Postmortem): { line: number; end: number; text: string } | null {
  const first = model.timeline.entries[0];
  const row = first && model.timeline.shape === 'table' ? model.rows.find((r) => r.line === first.line) : undefined;
  if (!row) return null;
  let i = row.header.findIndex((c) => TIME_COL.test(c.text));
  if (i < 0) i = 0;
  const cell = row.header[i];
  // 'Time (local)' already says something about the zone: leave it to the author.
  if (!cell || !cell.text || /[()]/.test(cell.text)) return null;
  // The timeline looks for a stated zone within 40 lines of its heading.
  if (row.headerLine > model.timeline.section!.range.start.line + 40) return null;
  return { line: row.headerLine, end: cell.end, text: cell.text };
}
