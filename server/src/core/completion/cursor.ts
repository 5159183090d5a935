// Where the cursor is: the request every completer reads, and small helpers over the cursor line
// (table cells, binary search over the model's line-ordered lists, snippet escaping).
import type { CompletionItem, Range } from 'vscode-languageserver-types';
import type { RuleContext } from '../rules/rule';
import type { DocRow } from '../parse/document';
import { firstAtOrAfter, lineOf } from '../sorted';

export interface Cursor {
  ctx: RuleContext;
  line: number;
  character: number;
  /** The cursor line, and its text before and after the cursor. */
  text: string;
  before: string;
  after: string;
  /** Epoch milliseconds for "now". */
  now: number;
}

export const lineRange = (line: number, start: number, end: number): Range => ({
  start: { line, character: start },
  end: { line, character: end },
});

/** Index of the last element whose line is <= `line` (elements sorted by line), or -1. */
export function lastAtOrBefore<T extends { line: number }>(list: readonly T[], line: number): number {
  return firstAtOrAfter(list, line + 1, lineOf) - 1;
}

export function atLine<T extends { line: number }>(list: readonly T[], line: number): T | undefined {
  const i = lastAtOrBefore(list, line);
  return i >= 0 && list[i]!.line === line ? list[i] : undefined;
}

export interface Cell {
  /** Column index in the table (leading pipe not counted). */
  index: number;
  /** Just after the opening pipe (or the line start) and at the closing pipe (or the line end). */
  start: number;
  end: number;
  closed: boolean;
  text: string;
}

/** Split a table line into cells by its unescaped pipes. The last cell is the text after the last pipe
 *  (empty for a closed row), where a new cell is typed. */
export function splitRow(line: string): { cells: Cell[]; leadingPipe: boolean; trailingPipe: boolean } {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes.push(i);
  }
  const leadingPipe = pipes.length > 0 && line.slice(0, pipes[0]).trim() === '';
  const trailingPipe = pipes.length > 0 && line.slice(pipes[pipes.length - 1]! + 1).trim() === '';
  const bounds = leadingPipe ? pipes.map((p) => p + 1) : [0, ...pipes.map((p) => p + 1)];
  const cells: Cell[] = bounds.map((start, index) => {
    const close = leadingPipe ? pipes[index + 1] : pipes[index];
    const end = close ?? line.length;
    return { index, start, end, closed: close !== undefined, text: line.slice(start, end).trim() };
  });
  return { cells, leadingPipe, trailingPipe };
}

export function cellAt(line: string, character: number): Cell | null {
  return splitRow(line).cells.find((c) => c.start <= character && character <= c.end) ?? null;
}

const DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** The header cells of the table the line belongs to, or that a new row typed on it would join
 *  (the line right after a row or the delimiter); null when the line is not in or under a table. */
export function tableHeader(rows: readonly DocRow[], lines: readonly string[], line: number): string[] | null {
  const row = atLine(rows, line) ?? atLine(rows, line - 1);
  if (row) return row.header.map((c) => c.text);
  if (line >= 2 && DELIMITER.test(lines[line - 1] ?? '') && (lines[line - 2] ?? '').includes('|')) {
    const { cells, trailingPipe } = splitRow(lines[line - 2]!);
    return (trailingPipe ? cells.slice(0, -1) : cells).map((c) => c.text);
  }
  return null;
}

/** Replace a cell's content with `value`, keeping a space on each side of the pipes. */
export function cellEdit(cur: Cursor, cell: Cell, value: string): { range: Range; newText: string } {
  const raw = cur.text.slice(cell.start, cell.end);
  const lead = raw.length - raw.trimStart().length;
  const contentStart = raw.trim() ? cell.start + lead : cur.character;
  const contentEnd = raw.trim() ? cell.start + raw.trimEnd().length : cur.character;
  const start = Math.min(contentStart, cur.character);
  const end = Math.max(contentEnd, cur.character);
  const pre = start === cell.start && cell.start > 0 ? ' ' : '';
  const post = end === cell.end && cell.closed ? ' ' : '';
  return { range: lineRange(cur.line, start, end), newText: pre + value + post };
}

/** Escape literal text for a snippet. */
export const snippetText = (s: string) => s.replace(/[\\$}]/g, '\\$&');

/** Escape a choice for a `${1|a,b|}` snippet. */
export const snippetChoice = (s: string) => s.replace(/[\\$}|,]/g, '\\$&');

export const rank = (i: number) => String(i).padStart(3, '0');

/** Values an author has not filled in yet ('[Name]', 'YYYY-MM-DD', 'Yes/No'). */
export const looksLikePlaceholder = (v: string) => /^\[.*\]$|YYYY|HH:MM|^names?$|^tbd$|^yes\s*\/\s*no$/i.test(v.trim());

export type Items = CompletionItem[];
