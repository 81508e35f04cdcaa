import { axisBottom, scaleLinear } from 'd3';
import { signRobust, type SummaryRow } from '../data/experimentTables.ts';
import type { Column } from '../data/runManifest.ts';
import { saveButtons } from '../export/saveChart.ts';
import { formatMoney, formatValue } from '../format/formatValue.ts';
import { el } from '../ui/dom.ts';
import { chartFrame, pageWidth } from './chartFrame.ts';

const ROW = 30;

/**
 * Effects of the policy arms on one indicator: arm minus baseline at each reported day, a
 * dot for the mean paired difference and a whisker for its 95% CI, with the zero line, the
 * direction that is better, and the arm's cost and cost per unit of improvement beside it.
 * Over a calibration's posterior a second, wider and lighter whisker behind it shows where
 * the effect lies over the parameter sets (5% to 95% of the draws' effects), dashed where
 * its sign is not robust.
 */
export function effectsChart(
  column: Column,
  rows: readonly SummaryRow[],
  labels: ReadonlyMap<string, string>,
  colours: ReadonlyMap<string, string>,
  width = 840,
): HTMLElement {
  const shown = rows.filter((r) => Number.isFinite(r.diff));
  const posterior = shown.some((r) => Number.isFinite(r.posteriorLow));
  const rowLabel = (r: SummaryRow) => `${labels.get(r.arm) ?? r.arm} · day ${r.day}`;
  // Room on the left for the longest row label, at about 7 px a character of 12 px text.
  const left = Math.max(120, ...shown.map((r) => rowLabel(r).length * 7 + 16));
  const margin = { top: 46, right: 210, bottom: 58, left };
  const height = margin.top + margin.bottom + Math.max(1, shown.length) * ROW;
  const f = chartFrame(
    Math.max(Math.min(width, pageWidth()), left + margin.right + 240),
    height,
    margin,
    `Effect on ${column.name} (${column.unit}): arm minus baseline, 95% CI${posterior ? ', and 5-95% over the posterior' : ''}`,
  );
  const values = shown.flatMap((r) => [r.diff, r.diffLow, r.diffHigh, r.posteriorLow, r.posteriorHigh]).filter(Number.isFinite);
  const span = Math.max(...values.map(Math.abs), 1e-9);
  const x = scaleLinear()
    .domain([Math.min(0, ...values) - span * 0.1, Math.max(0, ...values) + span * 0.1])
    .range([0, f.innerWidth])
    .nice();
  f.plot.append('g').attr('class', 'axis x-axis').attr('transform', `translate(0,${f.innerHeight})`).call(axisBottom(x).ticks(5).tickSizeOuter(0));
  f.plot.append('line').attr('class', 'zero-line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', -6).attr('y2', f.innerHeight);
  f.plot
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', f.innerWidth / 2)
    .attr('y', f.innerHeight + 32)
    .attr('text-anchor', 'middle')
    .text(`arm − baseline (${column.unit})`);
  if (column.better !== 0) {
    const right = column.better > 0;
    f.plot
      .append('text')
      .attr('class', 'axis-label better-note')
      .attr('x', right ? f.innerWidth : 0)
      .attr('y', f.innerHeight + 48)
      .attr('text-anchor', right ? 'end' : 'start')
      .text(right ? 'better (higher) →' : '← better (lower)');
  }
  f.plot
    .append('text')
    .attr('class', 'column-head')
    .attr('x', f.innerWidth + 16)
    .attr('y', -10)
    .text('cost (money)');
  f.plot
    .append('text')
    .attr('class', 'column-head')
    .attr('x', f.innerWidth + 126)
    .attr('y', -10)
    .text(`per ${perUnit(column.unit).label}`);
  shown.forEach((r, k) => {
    const y = k * ROW + ROW / 2;
    const colour = colours.get(r.arm) ?? '#000';
    const g = f.plot.append('g').attr('class', 'effect-row').attr('data-arm', r.arm).attr('data-day', r.day);
    g.append('text')
      .attr('class', 'row-label')
      .attr('x', -10)
      .attr('y', y + 4)
      .attr('text-anchor', 'end')
      .text(rowLabel(r));
    if (Number.isFinite(r.posteriorLow) && Number.isFinite(r.posteriorHigh)) {
      const robust = signRobust(r.signShare, r.posteriorLow, r.posteriorHigh);
      g.attr('data-sign-robust', String(robust))
        .append('line')
        .attr('class', robust ? 'posterior-whisker' : 'posterior-whisker not-robust')
        .attr('x1', x(r.posteriorLow))
        .attr('x2', x(r.posteriorHigh))
        .attr('y1', y)
        .attr('y2', y)
        .attr('stroke', colour)
        .attr('stroke-opacity', 0.35)
        .attr('stroke-width', 9)
        .attr('stroke-dasharray', robust ? null : '4 3')
        .append('title')
        .text(
          `over the posterior (${r.draws} draws): ${formatValue(r.posteriorLow)} to ${formatValue(r.posteriorHigh)}; sign of the mean in ${Math.round(r.signShare * 100)}% of draws${Number.isFinite(r.parameterShare) ? `; ${Math.round(r.parameterShare * 100)}% of the variance from the parameters` : ''}`,
        );
    }
    if (Number.isFinite(r.diffLow) && Number.isFinite(r.diffHigh)) {
      g.append('line')
        .attr('class', 'whisker')
        .attr('x1', x(r.diffLow))
        .attr('x2', x(r.diffHigh))
        .attr('y1', y)
        .attr('y2', y)
        .attr('stroke', colour)
        .attr('stroke-width', 2);
      for (const end of [r.diffLow, r.diffHigh])
        g.append('line')
          .attr('x1', x(end))
          .attr('x2', x(end))
          .attr('y1', y - 5)
          .attr('y2', y + 5)
          .attr('stroke', colour)
          .attr('stroke-width', 2);
    }
    g.append('circle')
      .attr('class', 'effect-dot')
      .attr('cx', x(r.diff))
      .attr('cy', y)
      .attr('r', 5)
      .attr('fill', colour)
      .append('title')
      .text(`${formatValue(r.diff)} [${formatValue(r.diffLow)}, ${formatValue(r.diffHigh)}]`);
    g.append('text')
      .attr('class', 'cost')
      .attr('x', f.innerWidth + 16)
      .attr('y', y + 4)
      .text(formatMoney(r.cost));
    g.append('text')
      .attr('class', clearEffect(r) ? 'cost' : 'cost no-effect')
      .attr('x', f.innerWidth + 126)
      .attr('y', y + 4)
      .text(costPerStep(r, column.unit));
  });
  if (!shown.length)
    f.plot
      .append('text')
      .attr('class', 'note')
      .attr('y', ROW / 2)
      .text('No policy arm: nothing to compare with the baseline.');
  const svg = f.svg.node()!;
  return el(
    'section',
    { class: 'effects-chart', 'data-metric': column.name },
    el('div', { class: 'chart-head' }, el('h3', {}, `Effects on ${column.name.replace(/_/g, ' ')} `, el('span', { class: 'unit' }, `(${column.unit})`))),
    el(
      'p',
      { class: 'chart-desc' },
      "Dot: mean difference from the baseline over paired replications (same seeds); whisker: its 95% confidence interval. A whisker that crosses the zero line means no clear effect. Cost: programme spending up to that day, in the scenario's money (mean over replications); per unit: extra cost over the baseline per step of improvement (per 0.01 of an index or share, per percentage point), shown only when the interval excludes zero (otherwise: no clear effect).",
    ),
    posterior
      ? el(
          'p',
          { class: 'chart-desc posterior-desc' },
          `Over a calibration's posterior: each replication ran with a parameter set drawn from it, the same in every arm. The wide, light bar behind the whisker spans 5% to 95% of the ${shown.find((r) => Number.isFinite(r.draws))?.draws ?? ''} draws' mean effects (the parameter uncertainty); it is dashed where the effect's sign is not robust (fewer than 90% of the draws share it, or the bar crosses zero).`,
        )
      : false,
    // Too wide for a phone: it scrolls sideways rather than shrinking its text.
    el('div', { class: 'chart-scroll' }, svg),
    saveButtons(`${column.name}-effects`, () => svg),
  );
}

/** Whether the 95% interval of the effect excludes zero: only then is a cost per unit meaningful. */
export function clearEffect(r: Pick<SummaryRow, 'diffLow' | 'diffHigh'>): boolean {
  return Number.isFinite(r.diffLow) && Number.isFinite(r.diffHigh) && (r.diffLow > 0 || r.diffHigh < 0);
}

/**
 * The step of improvement a cost is quoted per: a whole unit of a 0..1 index or share is the
 * whole range (a cost per unit of it reads in billions), so those are quoted per 0.01.
 */
export function perUnit(unit: string): { label: string; size: number } {
  if (unit === '%') return { label: 'percentage point', size: 1 };
  if (unit === 'share' || unit.endsWith('0..1')) return { label: '0.01', size: 0.01 };
  return { label: unit || 'unit', size: 1 };
}

/** The cost per step of improvement, when the effect is clear; else why not. */
export function costPerStep(r: Pick<SummaryRow, 'diffLow' | 'diffHigh' | 'costPerUnit'>, unit: string): string {
  if (!clearEffect(r)) return 'no clear effect';
  return Number.isFinite(r.costPerUnit) ? formatMoney(r.costPerUnit * perUnit(unit).size) : '–';
}
