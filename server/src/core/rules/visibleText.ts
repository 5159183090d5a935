// The document as a reader sees its prose: HTML comments, fenced code and front matter (and, on
// request, inline code spans) blanked out with spaces, so columns still match the source.
import type { Postmortem } from '../model/types';
import { keptTextMemo } from '../parse/memo';
import { keptWeakMap } from '../state';

const blank = (s: string) => s.replace(/[^\s]/g, ' ');

// A span opens only at the start of a backtick run (as in CommonMark): tried inside a long run, the
// run would be re-read from each of its backticks (quadratic).
const CODE_SPAN = /(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)/g;
// Rules ask on every version, and most lines did not change: remembered per line.
const withoutCodeSpans = keptTextMemo((line) => line.replace(CODE_SPAN, (m) => blank(m)));

/** Whether a line that starts inside a comment (or not) ends inside one. */
function endsInComment(line: string, inComment: boolean): boolean {
  for (let from = 0; ; inComment = !inComment) {
    const mark = line.indexOf(inComment ? '-->' : '<!--', from);
    if (mark < 0) return inComment;
    from = mark + (inComment ? 3 : 4);
  }
}

/** The line with its comments (and the rest of a comment it starts in) blanked out. */
function stripComments(line: string, inComment: boolean): string {
  let out = '';
  let rest = line;
  while (rest) {
    const mark = inComment ? rest.indexOf('-->') : rest.indexOf('<!--');
    if (mark < 0) {
      out += inComment ? blank(rest) : rest;
      break;
    }
    const len = inComment ? 3 : 4;
    out += inComment ? blank(rest.slice(0, mark + len)) : rest.slice(0, mark) + blank(rest.slice(mark, mark + len));
    rest = rest.slice(mark + len);
    inComment = !inComment;
  }
  return out;
}

// Per model: several rules ask, and most documents have no comment at all.
const comments = keptWeakMap<Postmortem, Uint8Array | null>();

/** Whether the document has an HTML comment anywhere. */
export const hasComments = (model: Postmortem): boolean => commentStarts(model) !== null;

/** A flag per line: it starts inside a comment. Null when the document has no comment. */
function commentStarts(model: Postmortem): Uint8Array | null {
  let starts = comments.get(model);
  if (starts !== undefined) return starts;
  starts = null;
  if (model.text.includes('<!--')) {
    const { lines, codeLines } = model;
    const fmEnd = model.frontMatterRange?.end.line ?? -1;
    starts = new Uint8Array(lines.length);
    let inComment = false;
    for (let i = 0; i < lines.length; i++) {
      if (inComment) starts[i] = 1;
      if (i > fmEnd && !codeLines.has(i) && (inComment || lines[i]!.includes('<!--'))) inComment = endsInComment(lines[i]!, inComment);
    }
  }
  comments.set(model, starts);
  return starts;
}

/**
 * Each line as a reader sees it (undefined past the end), worked out when asked: rules look at a
 * few sections of a document that may have thousands of lines.
 */
export function visibleText(model: Postmortem, options: { hideCodeSpans?: boolean } = {}): (line: number) => string | undefined {
  const { lines, codeLines } = model;
  const fmEnd = model.frontMatterRange?.end.line ?? -1;
  const hidden = (i: number) => i <= fmEnd || codeLines.has(i);
  const startsInComment = commentStarts(model);
  return (i) => {
    const line = lines[i];
    if (line === undefined) return undefined;
    if (hidden(i)) return blank(line);
    const inComment = startsInComment?.[i] === 1;
    const shown = inComment || line.includes('<!--') ? stripComments(line, inComment) : line;
    return options.hideCodeSpans && shown.includes('`') ? withoutCodeSpans.get(shown) : shown;
  };
}
