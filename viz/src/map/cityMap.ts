import { scaleSequential, select } from 'd3';
import type { FramesHeader } from '../data/framesHeader.ts';
import type { GroupInfo } from '../data/runManifest.ts';
import { formatReading, formatValue, labelWithUnit } from '../format/formatValue.ts';
import { el } from '../ui/dom.ts';
import { groupColours, rgbaWord, sequentialInterpolator, VACANT_COLOUR } from './palettes.ts';
import { groupLegend, rampLegend } from './mapLegend.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const GROUPS_LAYER = 'groups';

export interface CityMapOptions {
  header: FramesHeader;
  groups: readonly GroupInfo[];
  title: string;
  /** The colour domain of a district aggregate (shared by maps shown side by side). */
  domain: (metric: number) => [number, number];
}

/**
 * The city on one recorded day, drawn on a canvas at one pixel per dwelling through
 * ImageData (a 700 × 700 grid is half a million pixels: too many for SVG nodes) and scaled
 * up by CSS without smoothing. Either each dwelling in its group's colour, or each district
 * in the colour of one of its aggregates. An SVG overlay draws the district borders and
 * reports a district's numbers on hover.
 */
export class CityMap {
  readonly node: HTMLElement;
  layer = GROUPS_LAYER;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly image: ImageData;
  private readonly words: Uint32Array;
  private readonly palette = new Uint32Array(256);
  private readonly colours: string[];
  private readonly overlay: SVGSVGElement;
  private readonly legendBox: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly caption: HTMLElement;
  private grid?: Uint8Array;
  private districts?: Float32Array;
  private day = 0;
  private hovered = -1;

  constructor(private readonly opts: CityMapOptions) {
    const { width, height } = opts.header;
    this.canvas = el('canvas', { width, height, class: 'map-canvas', role: 'img' });
    this.ctx = this.canvas.getContext('2d')!;
    this.image = this.ctx.createImageData(width, height);
    this.words = new Uint32Array(this.image.data.buffer);
    this.colours = groupColours(opts.groups);
    this.palette.fill(rgbaWord('#ff00ff'));
    this.palette[0] = rgbaWord(VACANT_COLOUR);
    this.colours.forEach((c, k) => {
      this.palette[k + 1] = rgbaWord(c);
    });
    this.overlay = this.buildOverlay();
    this.legendBox = el('div', { class: 'map-legend' });
    this.readout = el('p', { class: 'map-readout', 'aria-live': 'polite' }, 'Point at a district to see its numbers.');
    const stage = el('div', { class: 'map-stage' }, this.canvas, this.overlay);
    stage.style.aspectRatio = `${width} / ${height}`;
    this.caption = el('figcaption', { class: 'map-title' }, opts.title);
    this.node = el('figure', { class: 'city-map' }, this.caption, stage, this.legendBox, this.readout);
    this.drawLegend();
  }

  /** Shows a frame; undefined while it is loading (the last frame stays, marked as waiting). */
  show(grid: Uint8Array | undefined, districts: Float32Array | undefined, day: number): void {
    this.node.classList.toggle('waiting', !grid);
    if (!grid || !districts) return;
    this.grid = grid;
    this.districts = districts;
    this.day = day;
    this.draw();
  }

  setLayer(layer: string): void {
    this.layer = layer;
    this.drawLegend();
    this.draw();
  }

  /** The map as it looks, with its borders and legend, for saving as SVG or PNG. */
  exportSvg(): SVGSVGElement {
    const width = 640;
    const scale = Math.max(1, Math.ceil(width / this.opts.header.width));
    const big = el('canvas', { width: this.opts.header.width * scale, height: this.opts.header.height * scale });
    const bctx = big.getContext('2d')!;
    bctx.imageSmoothingEnabled = false;
    bctx.drawImage(this.canvas, 0, 0, big.width, big.height);
    const mapHeight = (width * this.opts.header.height) / this.opts.header.width;
    const legend = this.legendBox.querySelector('svg')!.cloneNode(true) as SVGSVGElement;
    const legendHeight = legend.viewBox.baseVal.height;
    const svg = select(document.createElementNS(SVG_NS, 'svg') as SVGSVGElement).attr('viewBox', `0 0 ${width} ${30 + mapHeight + 10 + legendHeight}`);
    svg.append('text').attr('x', 0).attr('y', 18).attr('class', 'chart-title').text(`${this.opts.title}, day ${this.day}`);
    svg.append('image').attr('x', 0).attr('y', 30).attr('width', width).attr('height', mapHeight).attr('href', big.toDataURL('image/png'));
    const borders = this.overlay.cloneNode(true) as SVGSVGElement;
    borders.setAttribute('x', '0');
    borders.setAttribute('y', '30');
    borders.setAttribute('width', String(width));
    borders.setAttribute('height', String(mapHeight));
    svg.node()!.append(borders);
    legend.setAttribute('x', '0');
    legend.setAttribute('y', String(40 + mapHeight));
    svg.node()!.append(legend);
    return svg.node()!;
  }

  private metricIndex(): number {
    return this.opts.header.metrics.findIndex((m) => m.name === this.layer);
  }

  private draw(): void {
    const grid = this.grid;
    const values = this.districts;
    if (!grid || !values) return;
    const m = this.metricIndex();
    const { header } = this.opts;
    if (m < 0) {
      for (let i = 0; i < grid.length; i++) this.words[i] = this.palette[grid[i]];
      this.ctx.putImageData(this.image, 0, 0);
    } else {
      const scale = scaleSequential(sequentialInterpolator).domain(this.opts.domain(m));
      const M = header.metrics.length;
      header.boxes.forEach(([x0, y0, x1, y1], d) => {
        const v = values[d * M + m];
        this.ctx.fillStyle = Number.isFinite(v) ? scale(v) : '#dddddd';
        this.ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
      });
    }
    this.caption.textContent = `${this.opts.title} · day ${this.day}`;
    this.labelDistricts(m);
    this.canvas.setAttribute(
      'aria-label',
      `Map of the city on day ${this.day}, ${m < 0 ? 'each dwelling coloured by the group living there' : `districts coloured by ${header.metrics[m].name}`}`,
    );
    if (this.hovered >= 0) this.describeDistrict(this.hovered);
  }

  private labelDistricts(m: number): void {
    const { header } = this.opts;
    const labels = select(this.overlay).selectAll<SVGTextElement, number>('text.district-value');
    if (m < 0 || !this.districts) {
      labels.attr('display', 'none');
      return;
    }
    const [lo, hi] = this.opts.domain(m);
    const M = header.metrics.length;
    const values = this.districts;
    // Cividis runs from dark blue to light yellow: white text on the darker half.
    labels
      .attr('display', null)
      .text((d) => formatValue(values[d * M + m]))
      .attr('fill', (d) => ((values[d * M + m] - lo) / (hi - lo || 1) < 0.55 ? '#ffffff' : '#000000'));
  }

  private drawLegend(): void {
    const m = this.metricIndex();
    const width = 360;
    const legend =
      m < 0
        ? groupLegend(this.opts.header.groups, this.colours, width)
        : rampLegend(
            `District ${labelWithUnit(this.opts.header.metrics[m].name, this.opts.header.metrics[m].unit)}`,
            this.opts.domain(m),
            sequentialInterpolator,
            width,
          );
    this.legendBox.replaceChildren(legend);
  }

  private buildOverlay(): SVGSVGElement {
    const { header } = this.opts;
    const svg = select(document.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
      .attr('class', 'map-overlay')
      .attr('viewBox', `0 0 ${header.width} ${header.height}`)
      .attr('preserveAspectRatio', 'none');
    const ids = header.boxes.map((_, d) => d);
    svg
      .selectAll('rect')
      .data(ids)
      .join('rect')
      .attr('class', 'district')
      .attr('x', (d) => header.boxes[d][0])
      .attr('y', (d) => header.boxes[d][1])
      .attr('width', (d) => header.boxes[d][2] - header.boxes[d][0])
      .attr('height', (d) => header.boxes[d][3] - header.boxes[d][1])
      .attr('fill', 'transparent')
      .attr('stroke', '#222')
      .attr('stroke-opacity', 0.45)
      .attr('stroke-width', 1)
      .attr('vector-effect', 'non-scaling-stroke')
      .on('pointerenter', (_e, d) => this.describeDistrict(d))
      .on('pointerleave', () => {
        this.hovered = -1;
        this.readout.textContent = 'Point at a district to see its numbers.';
      });
    svg
      .selectAll('text.district-value')
      .data(ids)
      .join('text')
      .attr('class', 'district-value')
      .attr('x', (d) => (header.boxes[d][0] + header.boxes[d][2]) / 2)
      .attr('y', (d) => (header.boxes[d][1] + header.boxes[d][3]) / 2)
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'middle')
      .attr('font-size', (d) => Math.min(header.boxes[d][2] - header.boxes[d][0], header.boxes[d][3] - header.boxes[d][1]) / 7)
      .attr('pointer-events', 'none')
      .attr('display', 'none');
    return svg.node()!;
  }

  private describeDistrict(d: number): void {
    this.hovered = d;
    const values = this.districts;
    if (!values) return;
    const { metrics } = this.opts.header;
    const parts = metrics.map((m, k) => `${m.name.replace(/_/g, ' ')} ${formatReading(values[d * metrics.length + k], m.unit)}`);
    this.readout.textContent = `District ${d + 1}, day ${this.day}: ${parts.join(' · ')}`;
  }
}
