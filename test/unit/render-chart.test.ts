// The timeline chart: phase bands, entry ticks (hover text, line to reveal) and the time axis.
import assert from 'node:assert/strict';
import { axisTicks, bands, milestones, timelineChart } from '../../server/src/core/render/chart';
import { doc, fixture, service } from './helpers';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
const chartOf = (text: string) => timelineChart(service().model(doc(text)));

describe('render: timeline chart', () => {
  const standard = fixture('filled/standard.md');

  it('bands run from phase to phase: started → detected → acknowledged → mitigated → restored (standard)', () => {
    const model = service().model(doc(standard));
    const ms = milestones(model);
    assert.deepEqual(
      ms.map((m) => [m.phase, m.line]),
      [
        ['started', lineOf(standard, '| 13:52 |')],
        ['detected', lineOf(standard, '| 14:03 |')],
        ['acknowledged', lineOf(standard, '| 14:06 |')],
        ['mitigated', lineOf(standard, '| 15:10 |')],
        ['restored', lineOf(standard, '| 16:07 |')],
      ],
    );
    // 14:03-13:52, 14:06-14:03, 15:10-14:06, 16:07-15:10; no resolved entry and the end is the restored one.
    assert.deepEqual(
      bands(ms).map((b) => b.minutes),
      [11, 3, 64, 57],
    );
  });

  it('draws each band with its span as hover text and a legend with the durations', () => {
    const svg = chartOf(standard);
    assert.match(svg, /<rect class="pm-band pm-band-detected"[^>]*><title>started → detected: 11m \(13:52–14:03\)<\/title><\/rect>/);
    assert.match(svg, /<rect class="pm-band pm-band-mitigated"[^>]*><title>acknowledged → mitigated: 1h 4m \(14:06–15:10\)<\/title>/);
    assert.match(svg, /<li><span class="pm-swatch pm-band-restored"><\/span>mitigated → restored <strong>57m<\/strong><\/li>/);
    assert.equal((svg.match(/<rect class="pm-band /g) ?? []).length, 4);
  });

  it('one tick per timed entry, with the entry as its title and its line to reveal', () => {
    const svg = chartOf(standard);
    const ticks = [...svg.matchAll(/<g class="pm-tick[^"]*" data-reveal-line="(\d+)"[^>]*><title>([^<]*)<\/title>/g)];
    const times = ['13:52', '14:03', '14:06', '14:20', '14:48', '15:10', '16:07', '16:30'];
    assert.deepEqual(
      ticks.map((t) => Number(t[1])),
      times.map((t) => lineOf(standard, `| ${t} |`)),
    );
    assert.equal(ticks[1]![2], '2025-02-18 14:03 — Incident detected: `PaymentsApi5xxRate` alert fired and paged the on-call engineer');
    assert.match(svg, /<g class="pm-tick pm-phase-detected"/);
    assert.match(svg, /<g class="pm-tick pm-phase-none"/);
  });

  it('places ticks by time: 14:03 on a 13:52–16:30 axis is 11/158 of the way (x = 1.5% + 97% × 11/158)', () => {
    const svg = chartOf(standard);
    // 97 × 11 / 158 = 6.7532 -> 8.253%
    assert.match(svg, /data-reveal-line="23"[^>]*><title>[^<]*<\/title><line x1="8\.253%"/);
  });

  it('labels the axis every 30 minutes for a 2 h 38 min span', () => {
    const svg = chartOf(standard);
    const labels = [...svg.matchAll(/<text class="pm-axis-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(labels, ['14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
  });

  it('the axis follows the wall clock across the spring-forward (classic, Pacific time)', () => {
    const model = service().model(doc(fixture('filled/classic.md')));
    // 23:32 PST to 03:25 PDT, 30-minute steps; 02:00 does not exist that night, so 01:30 is followed by 03:00.
    const ticks = axisTicks(model.metrics.start!, model.metrics.end!, 'America/Los_Angeles');
    assert.deepEqual(
      ticks.map((t) => t.label),
      ['00:00', '00:30', '01:00', '01:30', '03:00'],
    );
    assert.deepEqual(
      ticks.map((t) => t.day),
      ['Mar 10', null, null, null, null],
    );
    const ms = milestones(model);
    assert.deepEqual(
      ms.map((m) => m.phase),
      ['started', 'detected', 'acknowledged', 'mitigated', 'restored', 'resolved'],
    );
    // Service restored 3:06 AM PDT, resolved 3:25 AM PDT.
    assert.equal(bands(ms).at(-1)!.minutes, 19);
  });

  it('a phase written before the previous one is left out of the bands, not drawn backwards', () => {
    // Dated, so it is not read as the next day; the start stays the "started" entry at 13:52.
    const text = standard.replace('| 14:03 | Incident detected', '| 2025-02-18 13:40 | Incident detected');
    const ms = milestones(service().model(doc(text)));
    assert.deepEqual(
      ms.map((m) => m.phase),
      ['started', 'acknowledged', 'mitigated', 'restored'],
    );
    // 14:06-13:52, 15:10-14:06, 16:07-15:10
    assert.deepEqual(
      bands(ms).map((b) => b.minutes),
      [14, 64, 57],
    );
  });

  it('entries a minute apart go to separate lanes', () => {
    const text = standard.replace('| 14:06 | On-call', '| 14:04 | On-call');
    const svg = chartOf(text);
    const cy = (line: number) => new RegExp(`data-reveal-line="${line}"[\\s\\S]*?<circle class="pm-dot" cx="[^"]*" cy="(\\d+)"`).exec(svg)![1];
    assert.notEqual(cy(lineOf(text, '| 14:03 |')), cy(lineOf(text, '| 14:04 |')));
  });

  it('says why there is no chart when no entry has a time', () => {
    const text = standard.replace(/^\| \d\d:\d\d \|.*\n/gm, '');
    assert.match(chartOf(text), /<p class="pm-empty">No chart: no timeline entries yet\.<\/p>/);
  });
});
