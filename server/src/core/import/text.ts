// Helpers the readers share: instants from ISO text, one-line text, and a phase stated in the engine's words.
import { classifyPhase } from '../time';
import type { Phase } from '../model/types';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?[ \t]*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** An instant from an ISO 8601 date-time with its offset ('2024-03-10T07:41:00.123456Z', git's
 *  '2024-03-09 23:30:12 -0800'); null when it has no offset or is not one. */
export function isoInstant(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m || !m[8]) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = Number(m[6] ?? 0);
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s > 59) return null;
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s, ms);
  const off = /^[+-]/.test(m[8]) ? offsetMinutes(m[8]) : 0;
  return wall - off * 60_000;
}

function offsetMinutes(text: string): number {
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** One line: whitespace runs (newlines included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `text` as the engine will read the phase: unchanged when its wording already says `phase`, else with
 *  the engine's explicit tag in front ('[acknowledged] ...'), so the metrics count it. */
export function withPhase(text: string, phase: Phase | null): string {
  if (!phase || classifyPhase(text) === phase) return text;
  return `[${phase}] ${text}`;
}

/** A JSON value read as an object, or null. */
export function asObject(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** JSON text parsed, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!/^[[{]/.test(t)) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}
