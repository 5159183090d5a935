// A new post-mortem as a snippet: the editor's Tab walks through what the author fills in. Each
// unfilled placeholder is a tab stop holding its text; a field with a fixed vocabulary (severity,
// status, any enum field) whose value is not one of its values offers them as a choice. What the
// author leaves unfilled stays in the text and is reported as before.
import type { Postmortem } from './model/types';
import type { TemplateSpec } from './template/schema';
import { snippetChoice, snippetText } from './completion/cursor';

export interface Stop {
  line: number;
  start: number;
  end: number;
  /** Choices instead of the text as written. */
  choices?: string[];
}

/** The vocabulary stops: enum and severity fields whose value is not yet one of their values. */
export function vocabularyStops(model: Postmortem, template: TemplateSpec): Stop[] {
  const vocab = new Map<string, string[]>();
  for (const s of template.sections) for (const f of s.fields) if (f.type === 'enum' && f.values?.length) for (const k of [f.key, ...f.aliases]) vocab.set(k.toLowerCase(), f.values);
  vocab.set(template.severity.field.toLowerCase(), template.severity.values);
  const stops: Stop[] = [];
  for (const f of model.fields) {
    const values = vocab.get(f.key.toLowerCase());
    if (!values || values.includes(f.raw) || f.valueRange.start.line !== f.valueRange.end.line) continue;
    stops.push({ line: f.line, start: f.valueRange.start.character, end: f.valueRange.end.character, choices: values });
  }
  return stops;
}

/** The text as a snippet with the given stops (numbered in document order; overlapping ones dropped). */
export function toSnippet(text: string, stops: Stop[]): string {
  const byLine = new Map<number, Stop[]>();
  const sorted = [...stops].sort((a, b) => a.line - b.line || a.start - b.start || (b.choices ? 1 : 0) - (a.choices ? 1 : 0));
  for (const s of sorted) {
    const list = byLine.get(s.line) ?? [];
    const last = list[list.length - 1];
    if (last && s.start < last.end) continue;
    list.push(s);
    byLine.set(s.line, list);
  }
  let n = 0;
  const lines = text.split('\n').map((line, i) => {
    let out = '';
    let at = 0;
    for (const s of byLine.get(i) ?? []) {
      // A template pattern may match a whole list line: the stop holds the item's text, not its bullet.
      const start = s.start + (/^\s*(?:[-*+]\s+)?/.exec(line.slice(s.start, s.end))?.[0].length ?? 0);
      out += snippetText(line.slice(at, start));
      const inner = line.slice(start, s.end);
      out += s.choices ? `\${${++n}|${[inner, ...s.choices.filter((c) => c !== inner)].map(snippetChoice).join(',')}|}` : `\${${++n}:${snippetText(inner)}}`;
      at = s.end;
    }
    return out + snippetText(line.slice(at));
  });
  return lines.join('\n') + '$0';
}
