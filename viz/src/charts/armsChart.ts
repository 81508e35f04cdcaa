import { area, line, scaleLinear } from 'd3';
import type { ArmSeries } from '../data/experimentTables.ts';
import type { Column } from '../data/runManifest.ts';
import { saveButtons } from '../export/saveChart.ts';
import { formatValue, labelWithUnit } from '../format/formatValue.ts';
import { el } from '../ui/dom.ts';
import { chartFrame, drawAxes, pageWidth, paddedDomain } from './chartFrame.ts';

export interface ArmLine {
  arm: string;
  label: string;
  colour: string;
  series: ArmSeries;
}

/**
 * An indicator over time for several arms: each arm's mean over replications as a line and
 * its 95% confidence interval as a band of the same colour. Pointing at the chart lists
 * every arm's mean and interval on that day; `setDay` marks the day a player shows.
 */
export class ArmsChart {
  readonly node: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly rule: SVGLineElement;
  private readonly dayRule: SVGLineElement;
  private readonly x;
  private day: number | undefined;

  constructor(
    column: Column,
    private readonly arms: readonly ArmLine[],
    replications: number,
    width = 720,
    height = 300,
  ) {
    const title =
      replications === 1
        ? `${labelWithUnit(column.name, column.unit)}: one run per arm (no CI)`
        : `${labelWithUnit(column.name, column.unit)}: mean of ${replications} runs per arm, 95% CI`;
    width = Math.min(width, pageWidth());
    // The legend wraps onto as many rows as it needs, above the plot.
    const places: { x: number; row: number }[] = [];
    let x = 0;
    let row = 0;
    for (const a of arms) {
      const w = a.label.length * 6.6 + 36;
      if (x > 0 && 60 + x + w > width) {
        x = 0;
        row++;
      }
      places.push({ x, row });
      x += w;
    }
    const f = chartFrame(width, height + row * 16, { top: 46 + row * 16, right: 16, bottom: 40, left: 60 }, title);
    const all = arms.flatMap((a) => [...a.series.mean, ...a.series.ciLow, ...a.series.ciHigh].filter(Number.isFinite));
    const days = arms[0].series.days;
    this.x = scaleLinear()
      .domain([days[0], days[days.length - 1]])
      .range([0, f.innerWidth]);
    const y = scaleLinear()
      .domain(paddedDomain(Math.min(...all), Math.max(...all)))
      .range([f.innerHeight, 0])
      .nice();
    drawAxes(f, this.x, y, 'day', column.unit, 8);
    for (const a of arms) {
      const s = a.series;
      const idx = Array.from(s.days.keys());
      const band = area<number>()
        .defined((i) => Number.isFinite(s.ciLow[i]) && Number.isFinite(s.ciHigh[i]))
        .x((i) => this.x(s.days[i]))
        .y0((i) => y(s.ciLow[i]))
        .y1((i) => y(s.ciHigh[i]));
      f.plot.append('path').attr('class', 'ci-band').attr('d', band(idx)).attr('fill', a.colour).attr('fill-opacity', 0.18).attr('stroke', 'none');
      const path = line<number>()
        .x((i) => this.x(s.days[i]))
        .y((i) => y(s.mean[i]));
      f.plot
        .append('path')
        .attr('class', 'arm-line')
        .attr('d', path(idx))
        .attr('fill', 'none')
        .attr('stroke', a.colour)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', a.arm === 'baseline' ? '5 3' : null);
    }
    const legend = f.svg.append('g').attr('class', 'arms-legend').attr('transform', 'translate(60,32)');
    arms.forEach((a, k) => {
      const g = legend.append('g').attr('transform', `translate(${places[k].x},${places[k].row * 16})`);
      g.append('rect').attr('y', -5).attr('width', 14).attr('height', 8).attr('fill', a.colour);
      g.append('text').attr('class', 'legend-text').attr('x', 18).attr('y', 3).text(a.label);
    });
    this.dayRule = f.plot.append('line').attr('class', 'day-rule').attr('y1', 0).attr('y2', f.innerHeight).attr('visibility', 'hidden').node()!;
    this.rule = f.plot.append('line').attr('class', 'hover-rule').attr('y1', 0).attr('y2', f.innerHeight).attr('visibility', 'hidden').node()!;
    f.plot
      .append('rect')
      .attr('class', 'hit-area')
      .attr('width', f.innerWidth)
      .attr('height', f.innerHeight)
      .attr('fill', 'transparent')
      .on('pointermove', (e: PointerEvent) => this.hover(this.dayAt(e)))
      .on('pointerleave', () => this.hover(undefined));
    this.readout = el('div', { class: 'readout arms-readout', 'aria-live': 'polite' });
    const svg = f.svg.node()!;
    this.node = el(
      'section',
      { class: 'arms-chart', 'data-metric': column.name },
      el('div', { class: 'chart-head' }, el('h3', {}, `${column.name.replace(/_/g, ' ')} over time `, el('span', { class: 'unit' }, `(${column.unit})`))),
      el(
        'p',
        { class: 'chart-desc' },
        `${column.description} ${replications === 1 ? 'Lines: one run per arm.' : 'Lines: mean over replications; bands: 95% confidence interval.'}`,
      ),
      svg,
      this.readout,
      saveButtons(`${column.name}-by-arm`, () => svg),
    );
    this.hover(undefined);
  }

  setDay(day: number): void {
    this.day = day;
    this.dayRule.setAttribute('visibility', 'visible');
    this.dayRule.setAttribute('x1', String(this.x(day)));
    this.dayRule.setAttribute('x2', String(this.x(day)));
    this.hover(undefined);
  }

  private hover(day: number | undefined): void {
    this.rule.setAttribute('visibility', day === undefined ? 'hidden' : 'visible');
    if (day !== undefined) {
      this.rule.setAttribute('x1', String(this.x(day)));
      this.rule.setAttribute('x2', String(this.x(day)));
    }
    const shown = day ?? this.day ?? this.arms[0].series.days[this.arms[0].series.days.length - 1];
    const parts = this.arms.map((a) => {
      const i = a.series.days.indexOf(shown);
      const ci = Number.isFinite(a.series.ciLow[i]) ? ` [${formatValue(a.series.ciLow[i])}, ${formatValue(a.series.ciHigh[i])}]` : '';
      return el('span', { class: 'arm-value', 'data-arm': a.arm }, el('span', { class: 'swatch' }), ` ${a.label}: ${formatValue(a.series.mean[i])}${ci}`);
    });
    parts.forEach((p, k) => {
      (p.firstElementChild as HTMLElement).style.background = this.arms[k].colour;
    });
    this.readout.replaceChildren(el('span', { class: 'readout-day' }, `day ${shown}`), ...parts);
    this.readout.dataset.day = String(shown);
  }

  private dayAt(e: PointerEvent): number {
    const rect = (e.currentTarget as SVGRectElement).getBoundingClientRect();
    const [d0, d1] = this.x.domain();
    return Math.max(d0, Math.min(d1, Math.round(d0 + ((e.clientX - rect.left) / rect.width) * (d1 - d0))));
  }
}
