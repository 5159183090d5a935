// Start and end stated as a heading with the date and time under it, as many Japanese reports do:
//   ### 発生日時            ### 復旧日時
//   2021年11月25日午後3時    iOS: 2021年11月26日午前10時47分
//                           Android: 2021年11月27日午前11時40分
// Several times under an end heading (one per platform) end the incident at the last; under a start
// heading it begins at the first.
import type { HeadingInfo } from '../parse/blockInfo';
import { parseTime, toInstant } from '../time';
import type { Field } from './types';
import type { StatedWindow } from './fields';
import { lineRange } from './text';

const START = /^(?:incident\s+)?(?:start(?:ed)?|began|begin)(?:\s+(?:time|date|at))?$|^(?:発生日時|発生時刻|障害発生日時|障害発生時刻)$/i;
const END = /^(?:incident\s+)?(?:end(?:ed)?|resolved|recovered|recovery)(?:\s+(?:time|date|at))?$|^(?:復旧日時|復旧時刻|障害復旧日時|収束日時|終了日時)$/i;
// 2021年11月25日午後3時, 2021年11月26日午前10時47分: the 12-hour clock with 午前 (a.m.) / 午後 (p.m.).
const JA = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(午前|午後)?\s*(\d{1,2})時(?:(\d{1,2})分)?(?:頃|ごろ)?$/;

/** A date and time in English or Japanese notation, as text parseTime reads. */
function normalize(text: string): string {
  const m = JA.exec(text);
  if (!m) return text;
  let hour = Number(m[5]);
  if (m[4] === '午後' && hour < 12) hour += 12;
  if (m[4] === '午前' && hour === 12) hour = 0;
  const pad = (n: number | string) => String(n).padStart(2, '0');
  return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)} ${pad(hour)}:${pad(m[6] ?? 0)}`;
}

/** The instants under a heading: every non-blank line up to the next heading must be one ('iOS: …' allowed). */
function instantsUnder(lines: readonly string[], from: number, to: number, zone: string): { at: number; line: number; raw: string }[] | null {
  const out: { at: number; line: number; raw: string }[] = [];
  for (let i = from; i < to; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const value = raw.replace(/^[-*+]\s+/, '').replace(/^\p{L}[\p{L}\s/()-]{0,29}[:：]\s*/u, '');
    const t = parseTime(normalize(value.replace(/[*_`]/g, '').trim()));
    const at = t?.date ? toInstant(t, null, zone) : null;
    if (at === null || out.length >= 6) return null;
    out.push({ at, line: i, raw });
  }
  return out.length ? out : null;
}

export function statedHeadings(headings: readonly HeadingInfo[], lines: readonly string[], zone: string): StatedWindow {
  const window: StatedWindow = { start: null, end: null };
  headings.forEach((h, k) => {
    const key = h.text.replace(/[*_`]/g, '').trim();
    const edge = START.test(key) ? 'start' : END.test(key) ? 'end' : null;
    if (!edge || window[edge]) return;
    const found = instantsUnder(lines, h.line + 1, headings[k + 1]?.line ?? lines.length, zone);
    if (!found) return;
    const pick = found.reduce((a, b) => ((edge === 'start' ? b.at < a.at : b.at > a.at) ? b : a));
    const field: Field = {
      key,
      raw: pick.raw,
      line: pick.line,
      keyRange: lineRange(h.line, h.textStart, h.textStart + h.text.length),
      valueRange: lineRange(pick.line, 0, lines[pick.line]!.length),
      range: lineRange(pick.line, 0, lines[pick.line]!.length),
      section: h.text,
    };
    window[edge] = { at: pick.at, field };
  });
  return window;
}
