// A one-line list item of the plainest kind (`- text`, `1. text`, `- [ ] text`, `- **Key:** value`,
// `- **10:02 AM**: text`) read without the markdown parser: a long list timeline is thousands of
// them, and for these the parser's answer is known (simpleItem.test.ts checks it against remark).
// Anything else returns null and is parsed.
import type { BlockInfo, FieldInfo } from './blockInfo';
import { detach } from './memo';

/** Marker, one to four spaces, an optional task box with one space; content starting plainly. */
const ITEM = /^([-*+]|\d{1,9}[.)])( {1,4})(?:\[([ xX])\] )?(?=[A-Za-z0-9]|\*\*[^*\s])/;
/** Content that is itself a list marker (`- 1. x`) opens a nested list. */
const NESTED = /^\d{1,9}[.)](?: |$)/;
const THEMATIC = /^ {0,3}([-*_])(?: *\1){2,} *$/;
/** Inside a leading `**…**`: nothing that could nest, escape, link or end it early. */
const STRONG_INNER = /^\*\*([^*_`\\[\]<>&!\s](?:[^*_`\\[\]<>&!]*[^*_`\\[\]<>&!\s])?)\*\*/;
const PUNCT = /[!-/:-@[-`{-~\p{P}\p{S}]/u;

export function simpleItemInfo(source: string): BlockInfo | null {
  if (source.includes('\n') || source.includes('\t') || source.includes('\r') || THEMATIC.test(source)) return null;
  const m = ITEM.exec(source);
  if (!m) return null;
  const contentStart = m[0].length;
  const rest = source.slice(contentStart);
  if (NESTED.test(rest)) return null;
  const info: BlockInfo = { headings: [], fields: [], items: [], rows: [], header: null };
  const text = detach(rest.trimEnd());
  info.items.push({ line: 0, endLine: 0, checked: m[3] === undefined ? null : m[3] !== ' ', contentStart, text, depth: 1 });
  if (!rest.startsWith('**')) return info;
  const s = STRONG_INNER.exec(rest);
  if (!s) return null;
  const inner = s[1]!;
  if (/www\.|@|:\/\//i.test(inner)) return null; // GFM autolink literals
  const after = rest[s[0].length];
  // The closing run ends the strong only if it is right-flanking (see CommonMark's emphasis rules).
  if (after === '*' || (PUNCT.test(inner[inner.length - 1]!) && after !== undefined && !/\s/.test(after) && !PUNCT.test(after))) return null;
  if (m[3] !== undefined) return info; // a field starts right after the marker, not after a task box
  const field = readField(source, contentStart, contentStart + s[0].length, inner);
  if (field) info.fields.push(field);
  return info;
}

/** What blockInfo's addField reads from a strong at the line's content start. */
function readField(line: string, keyStart: number, keyEnd: number, inner: string): FieldInfo | null {
  let key = inner.trim();
  let valueStart = keyEnd;
  if (key.endsWith(':')) key = key.slice(0, -1).trim();
  else if (line[valueStart] === ':') valueStart++;
  else if (!key.endsWith('?')) return null;
  if (!key || /^[[\d]/.test(key)) return null;
  while (valueStart < line.length && /\s/.test(line[valueStart]!)) valueStart++;
  const raw = line.slice(valueStart).trimEnd();
  return { line: 0, key: detach(key), keyStart, keyEnd, valueStart, valueEnd: valueStart + raw.length, raw: detach(raw), listDepth: 1 };
}
