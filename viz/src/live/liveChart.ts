import { line, scaleLinear } from 'd3';
import type { CalendarEvent, Column } from '../data/runManifest.ts';
import { chartFrame, drawAxes, paddedDomain } from '../charts/chartFrame.ts';
import { formatReading, labelWithUnit } from '../format/formatValue.ts';
import { el } from '../ui/dom.ts';

/** Series of a live chart: one per town, in the town's colour. */
export interface LiveSeries {
  label: string;
  colour: string;
  days: number[];
  values: number[];
}

/**
 * One indicator of the live towns as they run: the days so far, the day shown, the
 * scenario's events and the page's changes (dashed rules, labelled). The x axis covers the
 * whole run from the start so the line grows into it; redrawing is one path per town.
 */
export class LiveChart {
  readonly node: HTMLElement;
  private readonly paths: SVGPathElement[] = [];
  private readonly rule: SVGLineElement;
  private readonly marks: SVGGElement;
  private readonly readout: HTMLElement;
  private readonly x;
  private readonly y;
  private readonly f;
  private domain: [number, number];

  constructor(
    readonly column: Column,
    days: number,
    colours: readonly string[],
  ) {
    this.f = chartFrame(360, 150, { top: 10, right: 12, bottom: 38, left: 56 }, labelWithUnit(column.name, column.unit));
    this.x = scaleLinear().domain([0, days]).range([0, this.f.innerWidth]);
    this.domain = [0, 0];
    this.y = scaleLinear().domain(this.domain).range([this.f.innerHeight, 0]);
    this.drawAxes();
    this.marks = this.f.plot.append('g').attr('class', 'marks').node()!;
    for (const c of colours) {
      const path = this.f.plot.append('path').attr('class', 'series-line').node()!;
      // Through the CSSOM: the page's style sheet colours series lines, and its CSP forbids style attributes.
      path.style.stroke = c;
      this.paths.push(path);
    }
    this.rule = this.f.plot.append('line').attr('class', 'day-rule').attr('y1', 0).attr('y2', this.f.innerHeight).node()!;
    this.readout = el('span', { class: 'readout', 'data-metric': column.name });
    this.node = el(
      'section',
      { class: 'series-chart live-chart', 'data-metric': column.name },
      el('div', { class: 'chart-head' }, el('h3', {}, column.name.replace(/_/g, ' '), ' ', el('span', { class: 'unit' }, `(${column.unit})`)), this.readout),
      this.f.svg.node()!,
    );
    this.node.title = column.description;
  }

  /** Events of the scenario and changes of the page, as dashed rules. */
  setMarks(events: readonly CalendarEvent[]): void {
    this.marks.replaceChildren();
    for (const e of events) {
      const rule = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      rule.setAttribute('class', e.kind === 'live-change' ? 'event-rule change-rule' : 'event-rule');
      rule.setAttribute('x1', String(this.x(e.day)));
      rule.setAttribute('x2', String(this.x(e.day)));
      rule.setAttribute('y1', '0');
      rule.setAttribute('y2', String(this.f.innerHeight));
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = `day ${e.day}: ${e.label}`;
      rule.append(title);
      this.marks.append(rule);
    }
  }

  update(series: readonly LiveSeries[], day: number): void {
    this.widen(series);
    series.forEach((s, k) => {
      const path = line<number>()
        .x((i) => this.x(s.days[i]))
        .y((i) => this.y(s.values[i]));
      this.paths[k].setAttribute('d', path(Array.from(s.days.keys())) ?? '');
    });
    this.rule.setAttribute('x1', String(this.x(day)));
    this.rule.setAttribute('x2', String(this.x(day)));
    const at = series.map((s) => s.values[s.days.indexOf(day)]);
    this.readout.textContent = `day ${day}: ${series.map((s, k) => `${series.length > 1 ? `${s.label} ` : ''}${formatReading(at[k], this.column.unit)}`).join(' · ')}`;
  }

  /**
   * Fits the y axis to the values so far, with room to grow, so small differences between
   * towns show; the axis is redrawn only when a value leaves it (or it became far too wide).
   */
  private widen(series: readonly LiveSeries[]): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of series)
      for (const v of s.values) {
        if (!Number.isFinite(v)) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    if (!Number.isFinite(lo)) return;
    const [d0, d1] = this.domain;
    const [p0, p1] = paddedDomain(lo, hi);
    if (lo >= d0 && hi <= d1 && (p1 - p0) * 4 >= d1 - d0) return;
    const room = (p1 - p0) * 0.25;
    this.y.domain([p0 - room, p1 + room]).nice();
    this.domain = this.y.domain() as [number, number];
    this.drawAxes();
  }

  private drawAxes(): void {
    this.f.plot.selectAll('.axis, .axis-label').remove();
    drawAxes(this.f, this.x, this.y, 'day', this.column.unit);
    const axes = this.f.plot.selectAll<SVGGElement, unknown>('.axis, .axis-label').nodes();
    for (const a of axes) this.f.plot.node()!.insertBefore(a, this.f.plot.node()!.firstChild);
  }
}
