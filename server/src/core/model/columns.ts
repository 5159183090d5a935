// Which column of a timeline table holds the time, and which the event, by their headers, in the
// languages real post-mortems are written in.
import { resolveZone } from '../time';

const CJK_TIME = '時刻|時間|日時|时间|시각|시간|일시|시점';
// Other languages' time columns, as the header's first word ('Heure (UTC)', 'Время (MSK)', 'Hora').
const OTHER_TIME = '(?:heure|hora|horário|uhrzeit|zeit|ora|czas|tijd|время)(?![\\p{L}])';
export const TIME_COL = new RegExp(`time|timestamp|when|date|^at$|${CJK_TIME}|^${OTHER_TIME}`, 'iu');
/** A column of times alone (a Date column beside it gives the day). */
export const TIME_ONLY_COL = new RegExp(`^(?:(?:time|timestamp|when|at)\\b|${CJK_TIME}|${OTHER_TIME})`, 'iu');
const EVENT_COL =
  /event|description|what|action|update|detail|summary|activity|événement|évènement|evento|ereignis|gebeurtenis|zdarzenie|событие|описание|イベント|出来事|事象|内容|概要|経緯|事件|描述|경과|이벤트|내용|설명|사건/iu;

/** A header that names only a zone ('UTC', '(PST)'): the same times in another zone, not the event. */
export function zoneOnly(h: string): string | null {
  const t = h.replace(/[()[\]*_`]/g, '').trim();
  return /^[A-Za-z][A-Za-z/_+\-\d]*$/.test(t) ? resolveZone(t) : null;
}

/** The column read as the time: the first named so, else the first. */
export const timeColumn = (header: readonly string[]): number =>
  Math.max(
    0,
    header.findIndex((h) => TIME_COL.test(h)),
  );

/** The event column: one named so, else the first column that is not a time, date or zone column. */
export function eventColumn(header: readonly string[], taken: readonly number[]): number {
  const free = (i: number) => !taken.includes(i);
  const named = header.findIndex((h, i) => free(i) && EVENT_COL.test(h));
  if (named >= 0) return named;
  const other = header.findIndex((h, i) => free(i) && zoneOnly(h) === null && !TIME_COL.test(h));
  return other >= 0 ? other : header.findIndex((_, i) => free(i));
}
