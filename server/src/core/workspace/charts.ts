// SVG charts for Insights: bars (counts) and lines (median and mean per month). Colours come from
// CSS classes, so the page follows the VS Code theme; every label goes through esc().
import { formatDuration } from '../time';
import { esc } from '../render/html';

export interface Bar {
  label: string;
  value: number;
  /** A second, overlaid value (e.g. overdue within open), drawn in the warning colour. */
  highlight?: number;
}

const W = 560;
const ROW = 22;

/** Horizontal bars, one row per label: readable with long labels (owners, severities) and many months. */
export function barChart(name: string, title: string, bars: readonly Bar[], legend?: [string, string]): string {
  if (!bars.length) return `<p class="pm-empty">No data.</p>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const labelW = 150;
  const plotW = W - labelW - 50;
  const h = bars.length * ROW + 8;
  const rows = bars
    .map((b, i) => {
      const y = i * ROW + 4;
      const w = (b.value / max) * plotW;
      const hw = b.highlight ? (b.highlight / max) * plotW : 0;
      const label = b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label;
      return (
        `<g class="pm-bar-row" data-label="${esc(b.label)}" data-value="${b.value}"><title>${esc(`${b.label}: ${b.value}${b.highlight ? ` (${b.highlight} ${legend?.[1] ?? ''})` : ''}`)}</title>` +
        `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" class="pm-axis">${esc(label)}</text>` +
        `<rect class="pm-bar" x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${ROW - 6}"></rect>` +
        (hw ? `<rect class="pm-bar pm-bar-hot" x="${labelW}" y="${y + 2}" width="${hw.toFixed(1)}" height="${ROW - 6}"></rect>` : '') +
        `<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 14}" class="pm-axis">${b.value}${b.highlight ? ` (${b.highlight})` : ''}</text></g>`
      );
    })
    .join('');
  const key = legend ? `<p class="pm-legend"><span class="pm-swatch pm-bar"></span>${esc(legend[0])} <span class="pm-swatch pm-bar-hot"></span>${esc(legend[1])}</p>` : '';
  return `<svg class="pm-chart" data-chart="${esc(name)}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${W} ${h}" width="100%" preserveAspectRatio="xMinYMin meet">${rows}</svg>${key}`;
}

export interface Series {
  name: string;
  cls: string;
  values: readonly (number | null)[];
}

/** Lines over months; a month with no value leaves a gap (nothing is interpolated). */
export function lineChart(name: string, title: string, months: readonly string[], series: readonly Series[]): string {
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (!all.length) return `<p class="pm-empty" data-chart="${esc(name)}">No computed values yet.</p>`;
  const H = 180;
  const left = 60;
  const bottom = 30;
  const plotW = W - left - 16;
  const plotH = H - bottom - 12;
  const max = Math.max(...all) || 1;
  const x = (i: number) => left + (months.length === 1 ? plotW / 2 : (i / (months.length - 1)) * plotW);
  const y = (v: number) => 12 + plotH - (v / max) * plotH;
  const grid = [0, 0.5, 1]
    .map(
      (f) =>
        `<line class="pm-grid" x1="${left}" x2="${left + plotW}" y1="${y(max * f).toFixed(1)}" y2="${y(max * f).toFixed(1)}"></line><text class="pm-axis" x="${left - 6}" y="${(y(max * f) + 4).toFixed(1)}" text-anchor="end">${esc(formatDuration(max * f))}</text>`,
    )
    .join('');
  const step = Math.max(1, Math.ceil(months.length / 8));
  const ticks = months.map((m, i) => (i % step === 0 || i === months.length - 1 ? `<text class="pm-axis" x="${x(i).toFixed(1)}" y="${H - 10}" text-anchor="middle">${esc(m)}</text>` : '')).join('');
  const lines = series
    .map((s) => {
      const segments: string[][] = [[]];
      const dots: string[] = [];
      s.values.forEach((v, i) => {
        if (v === null) return void segments.push([]);
        segments[segments.length - 1]!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
        dots.push(`<circle class="pm-dot ${s.cls}" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3"><title>${esc(`${months[i]} ${s.name}: ${formatDuration(v)}`)}</title></circle>`);
      });
      const paths = segments.filter((p) => p.length > 1).map((p) => `<polyline class="pm-line ${s.cls}" points="${p.join(' ')}"></polyline>`);
      return `<g data-series="${esc(s.name)}">${paths.join('')}${dots.join('')}</g>`;
    })
    .join('');
  const key = `<p class="pm-legend">${series.map((s) => `<span class="pm-swatch ${s.cls}"></span>${esc(s.name)}`).join(' ')}</p>`;
  return `<svg class="pm-chart" data-chart="${esc(name)}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMinYMin meet">${grid}${ticks}${lines}</svg>${key}`;
}
