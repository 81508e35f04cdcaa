import { axisBottom, axisLeft, select, type ScaleLinear, type Selection } from 'd3';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartFrame {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** The plotting area, translated by the margins. */
  plot: Selection<SVGGElement, unknown, null, undefined>;
  width: number;
  height: number;
  innerWidth: number;
  innerHeight: number;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** An SVG with a viewBox (so it scales to its box and can be saved as it is) and margins. */
export function chartFrame(width: number, height: number, margin: Margins, title: string): ChartFrame {
  const svg = select(document.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'chart')
    .attr('role', 'img')
    .attr('aria-label', title);
  // Scales down to fit a narrow column, but never up: text stays the size it was drawn at.
  svg.node()!.style.maxWidth = `${width}px`;
  svg.append('text').attr('class', 'chart-title').attr('data-export', 'show').attr('x', 4).attr('y', 14).text(title);
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  return { svg, plot, width, height, innerWidth: width - margin.left - margin.right, innerHeight: height - margin.top - margin.bottom };
}

/** Bottom and left axes with their labels (the unit goes in the label). */
export function drawAxes(f: ChartFrame, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, xLabel: string, yLabel: string, xTicks = 6): void {
  f.plot.append('g').attr('class', 'axis x-axis').attr('transform', `translate(0,${f.innerHeight})`).call(axisBottom(x).ticks(xTicks).tickSizeOuter(0));
  f.plot.append('g').attr('class', 'axis y-axis').call(axisLeft(y).ticks(4).tickSizeOuter(0));
  f.plot
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', f.innerWidth)
    .attr('y', f.innerHeight + 30)
    .attr('text-anchor', 'end')
    .text(xLabel);
  f.plot.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', 0).attr('y', -44).attr('text-anchor', 'end').text(yLabel);
}

/**
 * The width a chart can take on this page: drawn narrower on a phone (rather than scaled
 * down) so its 11 px text stays 11 px.
 */
export function pageWidth(): number {
  return Math.max(320, document.documentElement.clientWidth - 40);
}

/** A y domain with a little air, that does not collapse when a series is flat. */
export function paddedDomain(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) return lo === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.05, hi + Math.abs(hi) * 0.05];
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}
