// Metadata written as plain `Key: value` lines under the title, not in bold: a list or the lines of
// one paragraph, each of them a key and its value ('- Date: 2025-Feb-07', 'Authors: Hypha'). Only
// there and only as a whole: elsewhere 'Note: …' or 'Impact: users saw errors' is prose. And the
// front matter's stated figures ('duration: "7h 45m"', 'time_to_detect: 12m', 'end: …'), and the
// rows of a two-column key/value table ('| Field | Value |').
import type { CellInfo, FieldInfo } from '../parse/blockInfo';
import { stripMarks } from './text';
import type { ParsedDocument } from '../parse/document';

// A key of one to four words starting with a capital (a letter of any script), then ': ' and a value.
const KEY_VALUE = /^(\p{Lu}[\p{L}\p{N}'’&/()-]*(?: [\p{L}\p{N}'’&/()-]+){0,3}?) ?: +(\S.*?)\s*$/u;
const ITEM = /^(\s*[-*+]\s+)/;

/** The plain fields of the metadata block between the title (or the front matter) and the first section. */
export function plainFields(doc: Pick<ParsedDocument, 'lines' | 'headings' | 'fields' | 'frontMatter' | 'codeLines'>): FieldInfo[] {
  const title = doc.headings[0]?.depth === 1 ? doc.headings[0] : null;
  const from = title ? title.line + 1 : doc.frontMatter ? doc.frontMatter.end + 1 : 0;
  const next = doc.headings.find((h) => h.line >= from);
  const to = Math.min(next ? next.line : doc.lines.length, from + 40);
  const bold = new Set(doc.fields.map((f) => f.line));
  const out: FieldInfo[] = [];
  let run: FieldInfo[] = [];
  let broken = false;
  const flush = () => {
    if (!broken && run.length >= 2) out.push(...run);
    run = [];
    broken = false;
  };
  for (let l = from; l <= to; l++) {
    const line = l < to ? (doc.lines[l] ?? '') : '';
    if (!line.trim()) {
      flush();
      continue;
    }
    if (broken) continue;
    const item = ITEM.exec(line);
    // An item's indented continuation belongs to its value.
    if (!item && run.length && run[0]!.listDepth && /^\s/.test(line)) continue;
    const start = item ? item[1]!.length : line.length - line.trimStart().length;
    const m = doc.codeLines.has(l) || bold.has(l) ? null : KEY_VALUE.exec(line.slice(start));
    if (!m || /^\d/.test(m[1]!)) {
      broken = true;
      continue;
    }
    const valueStart = line.length - line.slice(start).length + m[0].indexOf(m[2]!, m[1]!.length);
    run.push({ line: l, key: m[1]!, keyStart: start, keyEnd: start + m[1]!.length, valueStart, valueEnd: valueStart + m[2]!.length, raw: m[2]!, listDepth: item ? 1 : 0 });
  }
  flush();
  return out;
}

// The front matter keys that state a figure or a bound ('_' and '-' read as spaces).
const STATED_KEY =
  /^(?:(?:total )?duration|downtime|mttd|mtta|mttr|ttd|tta|ttm|ttr|time to (?:detect|acknowledge|ack|mitigate|resolve|recover|restore)|(?:incident )?(?:start|started|end|ended)(?: time| at)?|resolved (?:time|at))$/i;

/** Top-level front matter lines that state a duration, a time to X, or the start or end. */
export function frontMatterFields(doc: Pick<ParsedDocument, 'lines' | 'frontMatter'>): FieldInfo[] {
  const fm = doc.frontMatter;
  if (!fm || fm.toml) return [];
  const out: FieldInfo[] = [];
  for (let l = fm.start + 1; l < fm.end; l++) {
    const line = doc.lines[l] ?? '';
    const m = /^([A-Za-z][\w -]*?)\s*:\s*(\S.*?)\s*$/.exec(line);
    if (!m) continue;
    const key = m[1]!.replace(/[_-]+/g, ' ');
    if (!STATED_KEY.test(key)) continue;
    let valueStart = line.indexOf(m[2]!, m[1]!.length + 1);
    let raw = m[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(raw);
    if (quoted) {
      raw = quoted[2]!;
      valueStart++;
    }
    if (!raw.trim() || /^[[{|>]/.test(raw)) continue;
    out.push({ line: l, key, keyStart: 0, keyEnd: m[1]!.length, valueStart, valueEnd: valueStart + raw.length, raw, listDepth: 0 });
  }
  return out;
}

const KEY_HEAD = /^(?:fields?|keys?|propert(?:y|ies)|attributes?|items?|names?|metadata|details?|measures?|metrics?)$/i;
const VALUE_HEAD = /^(?:values?|details?|info(?:rmation)?|descriptions?)$/i;

/** The rows of a key/value table ('| Field | Value |'): each a field. */
export function tableFields(doc: Pick<ParsedDocument, 'tables' | 'rows'>): FieldInfo[] {
  const out: FieldInfo[] = [];
  for (const t of doc.tables) {
    if (t.header.length !== 2 || !KEY_HEAD.test(stripMarks(t.header[0]!.text)) || !VALUE_HEAD.test(stripMarks(t.header[1]!.text))) continue;
    for (const r of doc.rows) {
      if (r.headerLine !== t.headerLine || r.cells.length < 2) continue;
      const [k, v] = r.cells as [CellInfo, CellInfo];
      const key = stripMarks(k.text).replace(/:$/, '').trim();
      if (!key || !v.text || /^\d/.test(key)) continue;
      out.push({ line: r.line, key, keyStart: k.start, keyEnd: k.end, valueStart: v.start, valueEnd: v.end, raw: v.text, listDepth: 0 });
    }
  }
  return out;
}
