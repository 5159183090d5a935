// Severity and status as the author wrote them, for the summary card and the workspace index.
import type { Postmortem } from './types';
import { findPlaceholders, isPlaceholderValue } from './placeholders';
import { normalizeTitle, stripMarks } from './text';

/** Severity or status as written (a field, else front matter); null when missing or still a placeholder. */
export function fieldValue(model: Postmortem, which: 'severity' | 'status'): { text: string; line: number | null } | null {
  const field = which === 'severity' ? model.severity : (model.fields.find((f) => /^(?:incident )?status$/.test(normalizeTitle(f.key))) ?? null);
  if (field) {
    const text = stripMarks(field.raw);
    return text && !isPlaceholder(text) ? { text, line: field.line } : null;
  }
  const fm = model.frontMatter?.[which];
  return typeof fm === 'string' || typeof fm === 'number' ? { text: String(fm), line: null } : null;
}

/** A value that is a placeholder, or made mostly of placeholders. */
export function isPlaceholder(text: string): boolean {
  if (isPlaceholderValue(text)) return true;
  const found = findPlaceholders(text);
  return found.length > 0 && found.reduce((n, p) => n + p.text.length, 0) >= text.replace(/\s+/g, '').length * 0.5;
}
