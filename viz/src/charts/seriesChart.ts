import { extent, line, scaleLinear } from 'd3';
import type { CalendarEvent, Column } from '../data/runManifest.ts';
import { formatReading, labelWithUnit } from '../format/formatValue.ts';
import { saveButtons } from '../export/saveChart.ts';
import { el } from '../ui/dom.ts';
import { chartFrame, drawAxes, paddedDomain } from './chartFrame.ts';

export interface SeriesChartOptions {
  column: Column;
  days: Float64Array;
  values: Float64Array;
  calendar: readonly CalendarEvent[];
  /** A click on the chart asks to show that day. */
  onSeek: (day: number) => void;
  /** Pointing at a day (undefined: left the chart); the view passes it to every chart. */
  onHover: (day: number | undefined) => void;
}

/**
 * One indicator of a run over time: the line, the calendar's events, the day shown (a solid
 * rule) and the day pointed at (a dashed rule, shared by all charts of the page), with the
 * values of both in the heading.
 */
export class SeriesChart {
  readonly node: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly current: SVGLineElement;
  private readonly hoverRule: SVGLineElement;
  private readonly hoverDot: SVGCircleElement;
  private readonly x;
  private readonly y;
  private day = 0;
  private hover: number | undefined;

  constructor(private readonly o: SeriesChartOptions) {
    const { column, days, values } = o;
    const f = chartFrame(360, 190, { top: 26, right: 12, bottom: 40, left: 56 }, labelWithUnit(column.name, column.unit));
    this.x = scaleLinear()
      .domain([days[0], days[days.length - 1]])
      .range([0, f.innerWidth]);
    const [lo, hi] = extent(values) as [number, number];
    this.y = scaleLinear().domain(paddedDomain(lo, hi)).range([f.innerHeight, 0]).nice();
    drawAxes(f, this.x, this.y, 'day', column.unit);
    for (const e of o.calendar) {
      f.plot
        .append('line')
        .attr('class', 'event-rule')
        .attr('x1', this.x(e.day))
        .attr('x2', this.x(e.day))
        .attr('y1', 0)
        .attr('y2', f.innerHeight)
        .append('title')
        .text(`day ${e.day}: ${e.label}`);
    }
    const path = line<number>()
      .x((i) => this.x(days[i]))
      .y((i) => this.y(values[i]));
    f.plot
      .append('path')
      .attr('class', 'series-line')
      .attr('d', path(Array.from(days.keys())));
    this.current = f.plot.append('line').attr('class', 'day-rule').attr('y1', 0).attr('y2', f.innerHeight).node()!;
    this.hoverRule = f.plot.append('line').attr('class', 'hover-rule').attr('y1', 0).attr('y2', f.innerHeight).attr('visibility', 'hidden').node()!;
    this.hoverDot = f.plot.append('circle').attr('class', 'hover-dot').attr('r', 3.5).attr('visibility', 'hidden').node()!;
    f.plot
      .append('rect')
      .attr('class', 'hit-area')
      .attr('width', f.innerWidth)
      .attr('height', f.innerHeight)
      .attr('fill', 'transparent')
      .on('pointermove', (e: PointerEvent) => o.onHover(this.dayAt(e)))
      .on('pointerleave', () => o.onHover(undefined))
      .on('click', (e: PointerEvent) => o.onSeek(this.dayAt(e)));
    this.readout = el('span', { class: 'readout', 'data-metric': column.name });
    const svg = f.svg.node()!;
    svg.dataset.metric = column.name;
    this.node = el(
      'section',
      { class: 'series-chart', 'data-metric': column.name },
      el('div', { class: 'chart-head' }, el('h3', {}, column.name.replace(/_/g, ' '), ' ', el('span', { class: 'unit' }, `(${column.unit})`)), this.readout),
      el('p', { class: 'chart-desc' }, column.description),
      svg,
      saveButtons(column.name, () => svg),
    );
    this.setDay(days[0]);
  }

  setDay(day: number): void {
    this.day = day;
    this.current.setAttribute('x1', String(this.x(day)));
    this.current.setAttribute('x2', String(this.x(day)));
    this.describe();
  }

  setHover(day: number | undefined): void {
    this.hover = day;
    const shown = day === undefined ? 'hidden' : 'visible';
    this.hoverRule.setAttribute('visibility', shown);
    this.hoverDot.setAttribute('visibility', shown);
    if (day !== undefined) {
      const v = this.valueAt(day);
      this.hoverRule.setAttribute('x1', String(this.x(day)));
      this.hoverRule.setAttribute('x2', String(this.x(day)));
      this.hoverDot.setAttribute('cx', String(this.x(day)));
      this.hoverDot.setAttribute('cy', String(this.y(v)));
    }
    this.describe();
  }

  private describe(): void {
    const day = this.hover ?? this.day;
    this.readout.textContent = `day ${day}: ${formatReading(this.valueAt(day), this.o.column.unit)}`;
    this.readout.classList.toggle('is-hover', this.hover !== undefined);
    this.readout.dataset.day = String(day);
  }

  private valueAt(day: number): number {
    const i = this.o.days.indexOf(day);
    return i < 0 ? NaN : this.o.values[i];
  }

  private dayAt(e: PointerEvent): number {
    const rect = (e.currentTarget as SVGRectElement).getBoundingClientRect();
    const [d0, d1] = this.x.domain();
    const day = Math.round(d0 + ((e.clientX - rect.left) / rect.width) * (d1 - d0));
    return Math.max(d0, Math.min(d1, day));
  }
}
