// The document as a reader sees its prose: HTML comments, fenced code and front matter (and, on
// request, inline code spans) blanked out with spaces, so columns still match the source.
import type { Postmortem } from '../model/types';

const blank = (s: string) => s.replace(/[^\s]/g, ' ');

export function visibleLines(model: Postmortem, options: { hideCodeSpans?: boolean } = {}): string[] {
  const fmEnd = model.frontMatterRange?.end.line ?? -1;
  let inComment = false;
  return model.lines.map((line, i) => {
    if (i <= fmEnd || model.codeLines.has(i)) return blank(line);
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
    // A span opens only at the start of a backtick run (as in CommonMark): tried inside a long run, the
    // run would be re-read from each of its backticks (quadratic).
    return options.hideCodeSpans ? out.replace(/(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)/g, (m) => blank(m)) : out;
  });
}
