import { axisBottom, format, scaleLinear, scaleLog } from 'd3';
import { chartFrame } from '../charts/chartFrame.ts';
import type { Calibration, CalibrationPoint } from '../data/loadCalibration.ts';
import { saveButtons } from '../export/saveChart.ts';
import { el } from '../ui/dom.ts';
import { setIntro } from '../ui/intro.ts';

const short = format('.3~g');
const PRIOR = '#999999';
const POSTERIOR = '#0072B2';
const DEFAULTS = '#E69F00';

/** A value with three significant figures, or a dash for one that could not be measured. */
export function formatValue(x: number): string {
  return Number.isFinite(x) ? short(x) : '–';
}

/** The range of the finite numbers of a list, or undefined. */
export function finiteRange(xs: readonly number[]): [number, number] | undefined {
  const f = xs.filter(Number.isFinite);
  return f.length ? [Math.min(...f), Math.max(...f)] : undefined;
}

/**
 * A calibration folder: the targets against what the runs simulated (the published value with
 * its uncertainty, the prior and posterior predictive ranges and the uncalibrated defaults),
 * and a pairs plot of the parameter sets sampled over the prior (wave 1) and those not ruled out.
 */
export function calibrationView(body: HTMLElement, cal: Calibration): void {
  const m = cal.manifest;
  setIntro(
    `History matching of ${m.parameters.length} parameters to ${m.targets.length} published targets: grey is what the model gives over the whole prior (wave 1), blue what is left after ruling out every parameter set more than ${m.cutoff} standard deviations from a target. Blue is a non-implausible set with equal weights, not a Bayesian posterior.`,
  );
  const prior = cal.points.filter((p) => p.wave === 1);
  const posterior = cal.points.filter((p) => p.wave > 0 && p.plausible);
  const defaults = cal.points.find((p) => p.wave === 0);
  body.replaceChildren(
    el(
      'section',
      { class: 'calibration-summary' },
      el('h2', {}, `Calibration ${m.name}`),
      el(
        'p',
        { class: 'chart-desc' },
        `${m.residents.toLocaleString('en')} residents, ${m.days} days; ${m.waveRecords.reduce((s, w) => s + w.runs, 0)} runs over ${m.waves} waves; ${posterior.length} parameter sets not ruled out (posterior.csv).`,
      ),
    ),
    targetsChart(cal, prior, posterior, defaults),
    pairsPlot(cal, prior, posterior, defaults),
  );
}

function targetsChart(cal: Calibration, prior: CalibrationPoint[], posterior: CalibrationPoint[], defaults: CalibrationPoint | undefined): HTMLElement {
  const m = cal.manifest;
  const rowHeight = 46;
  const margin = { top: 40, right: 30, bottom: 10, left: 230 };
  const f = chartFrame(900, margin.top + margin.bottom + rowHeight * m.targets.length, margin, 'Targets: published value ± 2 sd, and the simulated ranges');
  m.targets.forEach((t, k) => {
    const priorRange = finiteRange(prior.map((p) => p.means[k]));
    const postRange = finiteRange(posterior.map((p) => p.means[k]));
    const band = 2 * Math.sqrt(t.sd ** 2 + t.discrepancy ** 2);
    const lows = [t.value - band, priorRange?.[0], postRange?.[0], defaults?.means[k]].filter((v): v is number => Number.isFinite(v));
    const highs = [t.value + band, priorRange?.[1], postRange?.[1], defaults?.means[k]].filter((v): v is number => Number.isFinite(v));
    const x = scaleLinear()
      .domain([Math.min(...lows), Math.max(...highs)])
      .range([0, f.innerWidth])
      .nice();
    const g = f.plot
      .append('g')
      .attr('class', 'calibration-target')
      .attr('data-target', t.name)
      .attr('transform', `translate(0,${k * rowHeight})`);
    g.append('text').attr('class', 'row-label').attr('x', -8).attr('y', 14).attr('text-anchor', 'end').text(t.name);
    g.append('rect')
      .attr('class', 'published-band')
      .attr('x', x(t.value - band))
      .attr('y', 2)
      .attr('width', Math.max(1, x(t.value + band) - x(t.value - band)))
      .attr('height', 20)
      .attr('fill', '#000')
      .attr('opacity', 0.08);
    const bar = (cls: string, r: [number, number] | undefined, y: number, colour: string) => {
      if (!r) return;
      g.append('rect')
        .attr('class', cls)
        .attr('x', x(r[0]))
        .attr('y', y)
        .attr('width', Math.max(2, x(r[1]) - x(r[0])))
        .attr('height', 6)
        .attr('fill', colour)
        .append('title')
        .text(`${cls === 'prior-range' ? 'prior' : 'posterior'} predictive: ${formatValue(r[0])} to ${formatValue(r[1])}`);
    };
    bar('prior-range', priorRange, 4, PRIOR);
    bar('posterior-range', postRange, 14, POSTERIOR);
    g.append('line')
      .attr('class', 'published-value')
      .attr('x1', x(t.value))
      .attr('x2', x(t.value))
      .attr('y1', 0)
      .attr('y2', 24)
      .attr('stroke', '#000')
      .attr('stroke-width', 2)
      .append('title')
      .text(`published ${formatValue(t.value)} ± ${formatValue(t.sd)}: ${t.source}`);
    if (defaults && Number.isFinite(defaults.means[k]))
      g.append('circle')
        .attr('class', 'defaults-value')
        .attr('cx', x(defaults.means[k]))
        .attr('cy', 12)
        .attr('r', 4)
        .attr('fill', DEFAULTS)
        .append('title')
        .text(`uncalibrated defaults: ${formatValue(defaults.means[k])}`);
    g.append('g').attr('class', 'axis x-axis').attr('transform', 'translate(0,26)').call(axisBottom(x).ticks(6).tickSizeOuter(0));
  });
  const svg = f.svg.node()!;
  return el(
    'section',
    { class: 'calibration-targets' },
    el('div', { class: 'chart-head' }, el('h3', {}, 'Targets against the simulated ranges')),
    el(
      'p',
      { class: 'chart-desc' },
      'Black line: the published value; shaded: ± 2 sd of observation and model discrepancy. Grey bar: the range of the point means over the prior (wave 1); blue bar: over the points not ruled out; orange dot: the uncalibrated defaults. Hover for the source.',
    ),
    svg,
    saveButtons(`${cal.manifest.name}-targets`, () => svg),
  );
}

function pairsPlot(cal: Calibration, prior: CalibrationPoint[], posterior: CalibrationPoint[], defaults: CalibrationPoint | undefined): HTMLElement {
  const params = cal.manifest.parameters;
  const k = params.length;
  const cell = k > 4 ? 120 : 160;
  const margin = { top: 30, right: 10, bottom: 10, left: 10 };
  const f = chartFrame(
    margin.left + margin.right + k * cell,
    margin.top + margin.bottom + k * cell,
    margin,
    'Parameter sets: over the prior (grey) and not ruled out (blue)',
  );
  const scales = params.map((p) => (p.scale === 'log' ? scaleLog() : scaleLinear()).domain([p.min, p.max]).range([6, cell - 6]));
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const g = f.plot
        .append('g')
        .attr('class', i === j ? 'pairs-diagonal' : 'pairs-cell')
        .attr('data-x', params[j].path)
        .attr('data-y', params[i].path)
        .attr('transform', `translate(${j * cell},${i * cell})`);
      g.append('rect')
        .attr('width', cell - 2)
        .attr('height', cell - 2)
        .attr('fill', 'none')
        .attr('stroke', '#ccc');
      if (i === j) {
        const p = params[i];
        g.append('text').attr('class', 'row-label').attr('x', 6).attr('y', 18).text(p.path);
        g.append('text')
          .attr('class', 'axis-label')
          .attr('x', 6)
          .attr('y', 34)
          .text(`${formatValue(p.min)} to ${formatValue(p.max)}${p.scale === 'log' ? ' (log)' : ''}`);
        const post = finiteRange(posterior.map((q) => q.values[i]));
        if (post) {
          const x = scales[i];
          g.append('rect')
            .attr('class', 'posterior-range')
            .attr('x', x(post[0]))
            .attr('y', cell / 2)
            .attr('width', Math.max(2, x(post[1]) - x(post[0])))
            .attr('height', 8)
            .attr('fill', POSTERIOR);
        }
        if (defaults)
          g.append('circle')
            .attr('cx', scales[i](defaults.values[i]))
            .attr('cy', cell / 2 + 20)
            .attr('r', 4)
            .attr('fill', DEFAULTS);
        continue;
      }
      const x = scales[j];
      const y = scales[i].copy().range([cell - 6, 6]);
      const dots = (points: readonly number[][], cls: string, colour: string, r: number) => {
        for (const v of points) g.append('circle').attr('class', cls).attr('cx', x(v[j])).attr('cy', y(v[i])).attr('r', r).attr('fill', colour);
      };
      dots(
        prior.map((p) => p.values),
        'prior-point',
        PRIOR,
        2.5,
      );
      dots(cal.posterior, 'posterior-point', POSTERIOR, 3);
    }
  const svg = f.svg.node()!;
  return el(
    'section',
    { class: 'calibration-pairs' },
    el('div', { class: 'chart-head' }, el('h3', {}, 'Pairs plot of the parameters')),
    el(
      'p',
      { class: 'chart-desc' },
      "Each cell plots one parameter against another over its prior range (log scales where the calibration samples on a log scale). Grey: wave 1's Latin hypercube over the prior; blue: the parameter sets of posterior.csv. On the diagonal: the parameter's prior range, its posterior range (blue bar) and the uncalibrated default (orange dot).",
    ),
    svg,
    saveButtons(`${cal.manifest.name}-pairs`, () => svg),
  );
}
