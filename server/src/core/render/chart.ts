// The timeline chart, drawn as SVG: the phases of the incident as bands on a time axis and every
// timed entry as a tick (hover: the entry; click: its line in the editor). x positions are
// percentages so the chart stretches to the preview's width while its text keeps its size.
import { DateTime } from 'luxon';
import type { Phase, Postmortem, TimelineEntry } from '../model/types';
import { formatDuration, formatInstant, resolveZone } from '../time';
import { attrs, count, esc } from './html';
import { displayZone } from '../model/displayTime';
import { kept, keptMap } from '../state';

export interface Milestone {
  phase: Phase;
  at: number;
  /** Source line of the entry (or stated field) it comes from, when known. */
  line: number | null;
}

export interface Band {
  from: Milestone;
  to: Milestone;
  minutes: number;
}

const LEFT = 1.5; // % of the width kept free on each side
const BAND_Y = 6;
const BAND_H = 26;
const LANE_Y = BAND_Y + BAND_H + 12;
const LANE_GAP = 13;
const MAX_LANES = 4;
/** Ticks closer than this (in % of the width) go to another lane. */
const LANE_CLEARANCE = 1.6;

/** started -> detected -> acknowledged -> mitigated -> restored -> resolved, as far as the document says, in time order. */
export function milestones(model: Postmortem): Milestone[] {
  const first = (phase: Phase) => model.timeline.entries.find((e) => e.phase === phase && e.at !== null) ?? null;
  const fromEntry = (phase: Phase, e: TimelineEntry | null): Milestone | null => (e ? { phase, at: e.at!, line: e.line } : null);
  const { start, end } = model.metrics;
  const startEntry = first('started');
  const restored = first('restored');
  const resolvedEntry = first('resolved');
  const all: (Milestone | null)[] = [
    start === null ? null : { phase: 'started', at: start, line: startEntry?.at === start ? startEntry.line : null },
    fromEntry('detected', first('detected')),
    fromEntry('acknowledged', first('acknowledged')),
    fromEntry('mitigated', first('mitigated')),
    fromEntry('restored', restored),
    fromEntry('resolved', resolvedEntry) ?? (end !== null && end !== restored?.at ? { phase: 'resolved', at: end, line: null } : null),
  ];
  const kept: Milestone[] = [];
  for (const m of all) if (m && (kept.length === 0 || m.at >= kept[kept.length - 1]!.at)) kept.push(m);
  return kept;
}

export function bands(ms: Milestone[]): Band[] {
  return ms.slice(1).map((to, i) => ({ from: ms[i]!, to, minutes: Math.round((to.at - ms[i]!.at) / 60000) }));
}

export function timelineChart(model: Postmortem): string {
  const zone = displayZone(model);
  const timed = model.timeline.entries.filter((e) => e.at !== null);
  const untimed = model.timeline.entries.length - timed.length;
  const ms = milestones(model);
  const clock = clockOf(timed.map((e) => e.timeText));
  const time = (at: number, zone: string) => formatted(at, zone, clock);
  const instants = [...timed.map((e) => e.at!), ...ms.map((m) => m.at)];
  const heading = `<h2 class="pm-card-title">Timeline</h2>`;
  if (instants.length === 0) {
    const why = model.timeline.entries.length ? `${count(untimed, 'entry', 'entries')}, none with a readable time` : 'no timeline entries yet';
    return `<section class="pm-card pm-chart" aria-label="Timeline chart">${heading}<p class="pm-empty">No chart: ${why}.</p></section>`;
  }
  let t0 = Math.min(...instants);
  let t1 = Math.max(...instants);
  if (t1 - t0 < 10 * 60000) {
    const mid = (t0 + t1) / 2;
    t0 = mid - 5 * 60000;
    t1 = mid + 5 * 60000;
  }
  const x = (t: number) => LEFT + ((t - t0) / (t1 - t0)) * (100 - 2 * LEFT);
  const pct = (n: number) => `${n.toFixed(3)}%`;

  const bandList = bands(ms);
  const bandSvg = bandList
    .map((b) => {
      const title = `${b.from.phase} → ${b.to.phase}: ${formatDuration(b.minutes)} (${time(b.from.at, zone)}–${time(b.to.at, zone)})`;
      return `<rect${attrs({ class: `pm-band pm-band-${b.to.phase}`, x: pct(x(b.from.at)), y: BAND_Y, width: pct(Math.max(x(b.to.at) - x(b.from.at), 0.2)), height: BAND_H, rx: 2 })}><title>${esc(title)}</title></rect>`;
    })
    .join('');
  const markers = ms
    .map((m) => `<line${attrs({ class: 'pm-milestone', x1: pct(x(m.at)), x2: pct(x(m.at)), y1: BAND_Y - 3, y2: BAND_Y + BAND_H + 3 })}><title>${esc(`${m.phase} ${time(m.at, zone)}`)}</title></line>`)
    .join('');

  // Ticks: greedy lanes so that close entries do not hide each other.
  const laneEnds: number[] = [];
  const ticks = timed
    .map((e) => {
      const px = x(e.at!);
      let lane = laneEnds.findIndex((end) => px - end >= LANE_CLEARANCE);
      if (lane === -1) lane = laneEnds.length < MAX_LANES ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds));
      laneEnds[lane] = px;
      const y = LANE_Y + lane * LANE_GAP;
      // Written out rather than through attrs(): a long timeline has hundreds of ticks, drawn on every keystroke.
      const label = esc(`${formatted(e.at!, zone, `yyyy-MM-dd ${clock}`)} — ${e.text}`);
      const at = pct(px);
      return (
        `<g class="pm-tick pm-phase-${esc(e.phase ?? 'none')}" data-reveal-line="${e.line}" tabindex="0" role="button" aria-label="Line ${e.line + 1}: ${label}">` +
        `<title>${label}</title>` +
        `<line x1="${at}" x2="${at}" y1="${BAND_Y + BAND_H}" y2="${y}"/>` +
        `<circle class="pm-hit" cx="${at}" cy="${y}" r="7"/>` +
        `<circle class="pm-dot" cx="${at}" cy="${y}" r="4"/></g>`
      );
    })
    .join('');

  const lanes = Math.max(1, laneEnds.length);
  const axisY = LANE_Y + (lanes - 1) * LANE_GAP + 12;
  const axis = axisTicks(t0, t1, zone, clock)
    .map((t) => {
      const px = x(t.at);
      const anchor = px < 4 ? 'start' : px > 96 ? 'end' : 'middle';
      const day = t.day ? `<text${attrs({ class: 'pm-axis-day', x: pct(px), y: axisY + 27, 'text-anchor': anchor })}>${esc(t.day)}</text>` : '';
      return (
        `<line${attrs({ class: 'pm-axis-tick', x1: pct(px), x2: pct(px), y1: axisY, y2: axisY + 4 })}/>` +
        `<text${attrs({ class: 'pm-axis-label', x: pct(px), y: axisY + 15, 'text-anchor': anchor })}>${esc(t.label)}</text>${day}`
      );
    })
    .join('');
  const height = axisY + 32;
  const svg =
    `<svg class="pm-timeline" width="100%" height="${height}" role="group" aria-label="Incident phases and timeline entries" xmlns="http://www.w3.org/2000/svg">` +
    `<line class="pm-axis" x1="${pct(LEFT)}" x2="${pct(100 - LEFT)}" y1="${axisY}" y2="${axisY}"/>` +
    `${bandSvg}${markers}${ticks}${axis}</svg>`;

  const legend = bandList.length
    ? `<ul class="pm-legend">${bandList
        .map((b) => `<li><span class="pm-swatch pm-band-${b.to.phase}"></span>${esc(`${b.from.phase} → ${b.to.phase}`)} <strong>${esc(formatDuration(b.minutes))}</strong></li>`)
        .join('')}</ul>`
    : '';
  const foot = `<p class="pm-note">${count(timed.length, 'entry', 'entries')} · times in ${esc(zone)}${untimed ? ` · ${count(untimed, 'entry', 'entries')} without a readable time` : ''}</p>`;
  return `<section class="pm-card pm-chart" aria-label="Timeline chart">${heading}${svg}${legend}${foot}</section>`;
}

// Formatting an instant in a zone (luxon) costs more than the rest of a tick: the chart of a long
// timeline is drawn again on every keystroke, so each instant is formatted once.
const MAX_FORMATTED = 20_000;
const formattedTimes = keptMap<string, string>();

function formatted(ms: number, zone: string, format: string): string {
  const key = `${format}\u0000${zone}\u0000${ms}`;
  let s = formattedTimes.get(key);
  if (s === undefined) {
    if (formattedTimes.size >= MAX_FORMATTED) formattedTimes.clear();
    s = formatInstant(ms, zone, format);
    formattedTimes.set(key, s);
  }
  return s;
}

/** The document's clock as a luxon format: 12-hour when most of its timeline times say AM or PM. */
export function clockOf(timeTexts: readonly string[]): string {
  const twelve = timeTexts.filter((t) => /\d\s*[ap]\.?m\b\.?/i.test(t)).length;
  return twelve * 2 > timeTexts.length ? 'h:mm a' : 'HH:mm';
}

const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 43200];
const MAX_AXIS_TICKS = 8;

type AxisTick = { at: number; label: string; day: string | null };
/** The last axis drawn: while typing, the chart's span rarely changes. */
const lastAxis = kept(() => ({ axis: null as { key: string; ticks: AxisTick[] } | null }));

/** Round times in the zone's wall clock, about six to eight of them; a date under the first and at each new day. */
export function axisTicks(t0: number, t1: number, zone: string, clock = 'HH:mm'): AxisTick[] {
  const key = `${t0}\u0000${t1}\u0000${zone}\u0000${clock}`;
  const last = lastAxis();
  if (last.axis?.key !== key) last.axis = { key, ticks: computeAxisTicks(t0, t1, zone, clock) };
  return last.axis.ticks.map((t) => ({ ...t }));
}

function computeAxisTicks(t0: number, t1: number, zone: string, clock: string): AxisTick[] {
  const spanMin = (t1 - t0) / 60000;
  const step = STEPS.find((s) => spanMin / s <= MAX_AXIS_TICKS) ?? Math.ceil(spanMin / MAX_AXIS_TICKS);
  const z = resolveZone(zone) ?? 'UTC';
  const start = DateTime.fromMillis(t0, { zone: z });
  let dt = step < 60 ? start.startOf('hour') : start.startOf('day');
  if (!dt.isValid) dt = DateTime.fromMillis(t0, { zone: 'UTC' }).startOf('hour');
  const out: AxisTick[] = [];
  let lastDay = '';
  const multiDay = DateTime.fromMillis(t1, { zone: z }).toISODate() !== start.toISODate();
  for (let guard = 0; dt.toMillis() <= t1 && guard < 2000; guard++, dt = dt.plus({ minutes: step })) {
    if (dt.toMillis() < t0) continue;
    const day = dt.toISODate() ?? '';
    out.push({ at: dt.toMillis(), label: step >= 1440 ? dt.toFormat('MMM d') : dt.toFormat(clock), day: multiDay && step < 1440 && day !== lastDay ? dt.toFormat('MMM d') : null });
    lastDay = day;
  }
  return out;
}
