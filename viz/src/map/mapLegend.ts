import { axisBottom, range, scaleLinear, select } from 'd3';
import { VACANT_COLOUR } from './palettes.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
let gradients = 0;

/** A legend of swatches: one per group, and vacant dwellings; wraps to fit `width`. */
export function groupLegend(names: readonly string[], colours: readonly string[], width: number): SVGSVGElement {
  const items = [...names.map((n, k) => ({ name: n.replace(/_/g, ' '), colour: colours[k] })), { name: 'vacant', colour: VACANT_COLOUR }];
  const svg = select(document.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('class', 'legend')
    .attr('role', 'img');
  let x = 0;
  let y = 0;
  const g = svg.append('g');
  for (const item of items) {
    const w = 22 + item.name.length * 7.2 + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 20;
    }
    const row = g.append('g').attr('transform', `translate(${x},${y})`);
    row.append('rect').attr('width', 14).attr('height', 14).attr('y', 1).attr('fill', item.colour).attr('stroke', '#555').attr('stroke-width', 0.5);
    row.append('text').attr('x', 20).attr('y', 12).attr('class', 'legend-text').text(item.name);
    x += w;
  }
  const height = y + 20;
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  svg.attr('aria-label', `Colours: ${items.map((i) => i.name).join(', ')}`);
  return svg.node()!;
}

/** A colour ramp for a district value, with its axis labelled by name and unit. */
export function rampLegend(label: string, domain: [number, number], interpolate: (t: number) => string, width: number): SVGSVGElement {
  const id = `ramp-${++gradients}`;
  const svg = select(document.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('class', 'legend')
    .attr('role', 'img');
  const barWidth = Math.min(320, width - 40);
  const grad = svg.append('defs').append('linearGradient').attr('id', id);
  for (const t of range(0, 1.0001, 0.1))
    grad
      .append('stop')
      .attr('offset', `${t * 100}%`)
      .attr('stop-color', interpolate(t));
  const g = svg.append('g').attr('transform', 'translate(14,18)');
  g.append('text').attr('class', 'legend-text').attr('y', -6).text(label);
  g.append('rect').attr('width', barWidth).attr('height', 12).attr('fill', `url(#${id})`);
  const x = scaleLinear().domain(domain).range([0, barWidth]);
  g.append('g').attr('class', 'axis').attr('transform', 'translate(0,12)').call(axisBottom(x).ticks(5).tickSizeOuter(0));
  const height = 52;
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  svg.attr('aria-label', `${label}: from ${domain[0]} (dark blue) to ${domain[1]} (yellow)`);
  return svg.node()!;
}
