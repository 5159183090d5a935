// Small text helpers shared by the extractors.
import { keptTextMemo } from '../parse/memo';
import type { Range } from './types';

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

// Template detection compares every heading with every template's titles on each analysis.
const normalized = keptTextMemo((title) =>
  title
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\.)\s+/, '')
    .replace(/&/g, 'and')
    .replace(/[?:.*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** Compare headings and keys loosely: case, numbering ("1.", "A."), trailing ?/:, & vs and. */
export function normalizeTitle(title: string): string {
  return normalized.get(title);
}

/** Drop a trailing parenthesised part, for matching "Timeline (UTC)" against "Timeline". */
export function stripParens(title: string): string {
  // Linear on any title: the match starts only where a run of spaces starts, and [^()] stops at the next
  // '(' (tried from every space or '(' of a long run, the run would be read again each time).
  return title.replace(/(?<!\s)\s*\([^()]*\)\s*$/, '').trim();
}

/** Markdown emphasis and code marks around a value: `**x**`, `` `x` ``, `_x_`. */
export function stripMarks(text: string): string {
  return text.replace(/^(\*\*|__|\*|_|`)(.*)\1$/, '$2').trim();
}
