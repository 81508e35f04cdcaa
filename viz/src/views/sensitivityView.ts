import { axisBottom, axisLeft, format, max, scaleLinear } from 'd3';
import { SENSITIVITY_COLUMNS } from '../../../sim/formats/experimentTables.ts';
import { chartFrame } from '../charts/chartFrame.ts';
import { numberColumn, parseCsv, textColumn } from '../data/csvTable.ts';
import { fetchText } from '../data/fetchData.ts';
import { saveButtons } from '../export/saveChart.ts';
import { el, labelledSelect } from '../ui/dom.ts';
import { setIntro } from '../ui/intro.ts';
import type { ExperimentContext } from './experimentContext.ts';

/** The file this view reads, written by `icity summarise` for a Morris design. */
export const SENSITIVITY_FILE = 'sensitivity.csv';
const significant = format('.3~g');
/** Effects span orders of magnitude between parameters: three significant figures, not fixed decimals. */
export function formatEffect(x: number): string {
  return Number.isFinite(x) ? significant(x) : '–';
}

interface Row {
  metric: string;
  day: number;
  parameter: string;
  mu: number;
  muStar: number;
  sigma: number;
  r: number;
}

function readSensitivity(text: string): Row[] {
  const t = parseCsv(SENSITIVITY_FILE, text, SENSITIVITY_COLUMNS);
  const [metric, parameter] = [textColumn(t, 'metric'), textColumn(t, 'parameter')];
  const [day, mu, muStar, r] = ['day', 'mu', 'mu_star', 'r'].map((c) => numberColumn(t, c));
  const sigma = numberColumn(t, 'sigma', true);
  return metric.map((m, i) => ({ metric: m, day: day[i], parameter: parameter[i], mu: mu[i], muStar: muStar[i], sigma: sigma[i], r: r[i] }));
}

/**
 * Morris screening of an experiment with a "morris" design: for one indicator and report day,
 * each parameter as a dot at its mu* (the mean size of its elementary effects over its whole
 * range) and sigma (their spread: interactions or a non-linear effect), after Campolongo,
 * Cariboni & Saltelli (2007); beside it the parameters ranked by mu*, with mu (the signed
 * mean) and the number of trajectories.
 */
export async function sensitivityView(body: HTMLElement, ctx: ExperimentContext): Promise<void> {
  const rows = readSensitivity(await fetchText(SENSITIVITY_FILE));
  const metrics = ctx.exp.manifest.metrics.filter((m) => rows.some((r) => r.metric === m));
  const days = [...new Set(rows.map((r) => r.day))].sort((a, b) => a - b);
  let metric = metrics.includes(ctx.metric) ? ctx.metric : metrics[0];
  let day = days.includes(ctx.url.state.day ?? -1) ? ctx.url.state.day! : days[days.length - 1];
  setIntro(
    "Which parameters matter: each dot is a parameter of the design. Right means a larger effect on the indicator over the parameter's whole range (mu*); up means the effect changes with the other parameters or is not linear (sigma). Parameters near the origin can be fixed without changing the result much.",
  );
  const charts = el('div', { class: 'overview-charts' });
  const draw = () => {
    const mine = rows.filter((r) => r.metric === metric && r.day === day).sort((a, b) => b.muStar - a.muStar);
    charts.replaceChildren(morrisChart(metric, ctx.column(metric).unit, day, mine), rankTable(metric, day, mine));
  };
  const metricField = labelledSelect(
    'Indicator',
    metrics.map((n) => ({ value: n, text: `${n.replace(/_/g, ' ')} (${ctx.column(n).unit})` })),
    metric,
    (v) => {
      metric = v;
      ctx.url.update({ metric: v });
      draw();
    },
    'metric',
  ).node;
  const dayField = labelledSelect(
    'Day',
    days.map((d) => ({ value: String(d), text: `day ${d}` })),
    String(day),
    (v) => {
      day = Number(v);
      ctx.url.update({ day });
      draw();
    },
    'sensitivity-day',
  ).node;
  body.replaceChildren(el('div', { class: 'toolbar' }, metricField, dayField), charts);
  draw();
}

function morrisChart(metric: string, unit: string, day: number, rows: Row[]): HTMLElement {
  const longest = max(rows, (r) => r.parameter.length) ?? 10;
  const margin = { top: 30, right: Math.min(320, 20 + longest * 6.5), bottom: 50, left: 84 };
  const f = chartFrame(900, 440, margin, `Morris screening of ${metric} at day ${day}: mu* and sigma of each parameter`);
  const xMax = max(rows, (r) => r.muStar) || 1;
  const yMax = max(rows, (r) => (Number.isFinite(r.sigma) ? r.sigma : 0)) || xMax;
  const x = scaleLinear()
    .domain([0, xMax * 1.08])
    .range([0, f.innerWidth])
    .nice();
  const y = scaleLinear()
    .domain([0, yMax * 1.08])
    .range([f.innerHeight, 0])
    .nice();
  f.plot.append('g').attr('class', 'axis x-axis').attr('transform', `translate(0,${f.innerHeight})`).call(axisBottom(x).ticks(6).tickSizeOuter(0));
  f.plot.append('g').attr('class', 'axis y-axis').call(axisLeft(y).ticks(5).tickSizeOuter(0));
  f.plot
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', f.innerWidth)
    .attr('y', f.innerHeight + 36)
    .attr('text-anchor', 'end')
    .text(`mu*: mean |elementary effect| over the whole range (${unit})`);
  f.plot
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', 'rotate(-90)')
    .attr('x', 0)
    .attr('y', -68)
    .attr('text-anchor', 'end')
    .text(`sigma: spread of the elementary effects (${unit})`);
  // sigma = mu*: above it a parameter acts mostly through interactions or non-linearly.
  const end = Math.min(x.domain()[1], y.domain()[1]);
  f.plot.append('line').attr('class', 'zero-line').attr('x1', x(0)).attr('y1', y(0)).attr('x2', x(end)).attr('y2', y(end));
  for (const r of rows) {
    const g = f.plot.append('g').attr('class', 'sensitivity-point').attr('data-parameter', r.parameter);
    const cy = y(Number.isFinite(r.sigma) ? r.sigma : 0);
    g.append('circle')
      .attr('cx', x(r.muStar))
      .attr('cy', cy)
      .attr('r', 5)
      .attr('fill', '#0072B2')
      .append('title')
      .text(`${r.parameter}: mu* ${formatEffect(r.muStar)}, sigma ${formatEffect(r.sigma)}, mu ${formatEffect(r.mu)}`);
    g.append('text')
      .attr('class', 'row-label')
      .attr('x', x(r.muStar) + 8)
      .attr('y', cy - 6)
      .text(r.parameter);
  }
  const svg = f.svg.node()!;
  return el(
    'section',
    { class: 'sensitivity-chart', 'data-metric': metric, 'data-day': day },
    el(
      'div',
      { class: 'chart-head' },
      el('h3', {}, `Which parameters matter for ${metric.replace(/_/g, ' ')} `, el('span', { class: 'unit' }, `(day ${day})`)),
    ),
    el(
      'p',
      { class: 'chart-desc' },
      `Morris elementary effects (Morris 1991): each parameter is moved one step at a time along ${rows[0]?.r ?? 0} trajectories through the ranges of the design. mu* (Campolongo et al. 2007) is the mean size of its effects, measured over the parameter's whole range; sigma is their standard deviation. Dashed line: sigma = mu*; above it a parameter acts mostly through interactions with others or non-linearly.`,
    ),
    svg,
    saveButtons(`${metric}-day${day}-morris`, () => svg),
  );
}

function rankTable(metric: string, day: number, rows: Row[]): HTMLElement {
  const head = ['rank', 'parameter', 'mu*', 'mu', 'sigma', 'trajectories'];
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'summary-table sensitivity-table', 'data-metric': metric },
      el('caption', {}, `Parameters ranked by mu* for ${metric.replace(/_/g, ' ')} at day ${day}, from ${SENSITIVITY_FILE}`),
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      el(
        'tbody',
        {},
        ...rows.map((r, k) =>
          el(
            'tr',
            { 'data-parameter': r.parameter },
            el('td', {}, String(k + 1)),
            el('th', { scope: 'row' }, r.parameter),
            el('td', { 'data-col': 'mu_star' }, formatEffect(r.muStar)),
            el('td', { 'data-col': 'mu' }, formatEffect(r.mu)),
            el('td', { 'data-col': 'sigma' }, formatEffect(r.sigma)),
            el('td', { 'data-col': 'r' }, String(r.r)),
          ),
        ),
      ),
    ),
  );
}
