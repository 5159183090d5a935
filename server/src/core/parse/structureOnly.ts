// Past this size a document gets structure-only analysis (headings, no markdown parse), so the
// server never freezes on a huge paste; one information diagnostic says so.
import { FENCE, type Block } from './blocks';
import type { ParsedDocument } from './document';

export const LARGE_DOCUMENT = 5 * 1024 * 1024;

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

export function structureOnly(lines: string[]): ParsedDocument {
  const doc: ParsedDocument = {
    lines,
    blocks: [] as Block[],
    headings: [],
    fields: [],
    items: [],
    rows: [],
    tables: [],
    frontMatter: null,
    codeLines: new Set(),
    commentLines: new Set(),
    degraded: true,
  };
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const f = FENCE.exec(line);
    if (fence) {
      doc.codeLines.add(i);
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      return;
    }
    if (f) {
      fence = f[1]!;
      doc.codeLines.add(i);
      return;
    }
    const h = line.length < 1000 ? ATX.exec(line) : null;
    if (h) doc.headings.push({ line: i, depth: h[1]!.length, text: (h[2] ?? '').trim(), textStart: line.indexOf(h[1]!) + h[1]!.length + 1 });
  });
  return doc;
}
