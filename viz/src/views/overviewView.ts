import { ArmsChart } from '../charts/armsChart.ts';
import { effectsChart } from '../charts/effectsChart.ts';
import { summaryTable } from '../charts/summaryTable.ts';
import { el } from '../ui/dom.ts';
import type { ExperimentContext } from './experimentContext.ts';

/**
 * Every arm of an experiment on one indicator: the means and 95% CI bands over time
 * (series.csv), the effects at the reported days with cost (summary.csv), and the numbers.
 */
export function overviewView(body: HTMLElement, ctx: ExperimentContext): void {
  const { exp } = ctx;
  const draw = (metric: string) => {
    const column = ctx.column(metric);
    const arms = exp.manifest.arms.map((a) => ({ arm: a.name, label: ctx.labels.get(a.name)!, colour: ctx.colours.get(a.name)!, series: exp.series.get(a.name)!.get(metric)! })).filter((a) => a.series);
    const rows = exp.summary.filter((r) => r.metric === metric);
    charts.replaceChildren(
      new ArmsChart(column, arms, exp.manifest.replications).node,
      effectsChart(column, rows, ctx.labels, ctx.colours),
      summaryTable(column, rows, ctx.labels),
    );
  };
  const charts = el('div', { class: 'overview-charts' });
  body.replaceChildren(el('div', { class: 'toolbar' }, ctx.metricSelect(draw)), charts);
  draw(ctx.metric);
}
