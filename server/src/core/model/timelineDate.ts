// The day a timeline's dateless times are on when the document has no date field: a date in
// the title (also a numeric one whose numbers tell day from month), a `Date:` line in any form
// (`January 14-19, 2026`), the file name, or the one full date the document mentions. Null when
// none of these says it: times then stay unplaced.
import type { ParsedDocument } from '../parse/document';
import { isoDate, readLooseDate, settleDate, type YMD } from '../time';
import type { Field } from './types';
import { normalizeTitle, stripMarks } from './text';

const FULL_DATE =
  /(?:\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\d{4}年\d{1,2}月\d{1,2}日|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?,?\s+\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b)/gi;

/** Full dates (with a year, order certain) anywhere in `text`. */
function datesIn(text: string): YMD[] {
  const out: YMD[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const d = readLooseDate(m[0]);
    const ymd = d ? settleDate(d.date, null, null) : null;
    if (ymd && ymd.year >= 1970 && ymd.year < 2200) out.push(ymd); // not 0001/01/01 (a minimum value in prose)
  }
  return out;
}

// A numeric date in a title ('Website Outage 5-26-21', 'Outage 16/03/2020'), read only when its numbers
// tell day from month.
const NUMERIC_DATE = /(?<![\d/.-])\d{1,2}([-/])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/.-])/g;

function numericDateIn(text: string): YMD | undefined {
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const d = readLooseDate(m[0]);
    const ymd = d && d.length === m[0].length ? settleDate(d.date, null, null) : null;
    if (ymd && ymd.year >= 1970 && ymd.year < 2200) return ymd;
  }
  return undefined;
}

export function timelineBaseDate(doc: ParsedDocument, fields: Field[], uri: string, stated: string | null): string | null {
  if (stated) return stated;
  const title = doc.headings.find((h) => h.depth === 1);
  const fromTitle = title ? (datesIn(title.text)[0] ?? numericDateIn(title.text)) : undefined;
  if (fromTitle) return isoDate(fromTitle);
  for (const f of fields) {
    if (!/^(?:date|incident date|date of incident|when)$/.test(normalizeTitle(f.key))) continue;
    const d = datesIn(stripMarks(f.raw))[0];
    if (d) return isoDate(d);
  }
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const fromName = datesIn(name.replace(/_/g, '-'))[0];
  if (fromName) return isoDate(fromName);
  // The one day the document names (prose like "On May 31, 2022, …"), when it names only one.
  const seen = new Set<string>();
  for (let l = 0; l < doc.lines.length && seen.size < 2; l++) {
    if (doc.codeLines.has(l)) continue;
    for (const d of datesIn(doc.lines[l]!)) seen.add(isoDate(d));
  }
  return seen.size === 1 ? [...seen][0]! : null;
}

/** The year every full date in the document shares (for dates written without one), else null. */
export function documentYear(doc: ParsedDocument): number | null {
  let year: number | null = null;
  for (let l = 0; l < doc.lines.length; l++) {
    if (doc.codeLines.has(l)) continue;
    for (const d of datesIn(doc.lines[l]!)) {
      if (year !== null && d.year !== year) return null;
      year = d.year;
    }
  }
  // A year alone in the title: `# App crash 2021`.
  const title = doc.headings.find((h) => h.depth === 1)?.text ?? '';
  const y = year === null ? /\b(19[7-9]\d|2[01]\d\d)\b/.exec(title) : null;
  return y ? Number(y[1]) : year;
}
