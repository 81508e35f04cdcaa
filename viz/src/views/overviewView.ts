import { ArmsChart } from '../charts/armsChart.ts';
import { effectsChart } from '../charts/effectsChart.ts';
import { summaryTable } from '../charts/summaryTable.ts';
import { BASELINE_ARM } from '../data/experimentManifest.ts';
import { armColours } from '../map/palettes.ts';
import { el } from '../ui/dom.ts';
import type { ExperimentContext } from './experimentContext.ts';

/** Lines one chart can hold apart: the baseline in black and seven colours of Okabe & Ito's palette. */
export const MAX_ARMS_ON_ONE_CHART = 8;

/**
 * Every arm of an experiment on one indicator: the means and 95% CI bands over time
 * (series.csv), the effects at the reported days with cost (summary.csv), and the numbers.
 * With many arms, the user chooses which to show (at most eight on one chart, so colours
 * do not repeat and bands stay apart), or shows one small chart per arm beside the baseline.
 */
export function overviewView(body: HTMLElement, ctx: ExperimentContext): void {
  const { exp, url } = ctx;
  const names = exp.manifest.arms.map((a) => a.name);
  let chosen = (url.state.arms ?? []).filter((a) => names.includes(a));
  if (!chosen.length) chosen = names.slice(0, MAX_ARMS_ON_ONE_CHART);
  if (!chosen.includes(BASELINE_ARM)) chosen.unshift(BASELINE_ARM);
  let multiples = url.state.charts === 'multiples';
  let metric = ctx.metric;

  const charts = el('div', { class: 'overview-charts' });
  const note = el('p', { class: 'note', 'aria-live': 'polite' });
  const draw = () => {
    const column = ctx.column(metric);
    const shownArms = names.filter((n) => chosen.includes(n));
    // Colours follow the arms shown, so the ones on a chart never share a colour.
    const colours = armColours(shownArms, BASELINE_ARM);
    const line = (arm: string, colour = colours.get(arm)!) => ({ arm, label: ctx.labels.get(arm)!, colour, series: exp.series.get(arm)!.get(metric)! });
    const rows = exp.summary.filter((r) => r.metric === metric && chosen.includes(r.arm));
    const over = multiples
      ? el(
          'div',
          { class: 'small-multiples' },
          ...shownArms
            .filter((a) => a !== BASELINE_ARM)
            .map((a) => new ArmsChart(column, [line(BASELINE_ARM), line(a, '#0072B2')], exp.manifest.replications, 420, 220).node),
        )
      : new ArmsChart(
          column,
          shownArms.map((a) => line(a)).filter((a) => a.series),
          exp.manifest.replications,
        ).node;
    charts.replaceChildren(over, effectsChart(column, rows, ctx.labels, colours), summaryTable(column, rows, ctx.labels));
  };

  const boxes = names.map((n) => {
    const box = el('input', { type: 'checkbox', value: n, checked: chosen.includes(n), disabled: n === BASELINE_ARM, 'data-arm': n });
    box.addEventListener('change', () => {
      const next = names.filter((a) => (a === n ? box.checked : chosen.includes(a)));
      if (!multiples && next.length > MAX_ARMS_ON_ONE_CHART) {
        box.checked = false;
        note.textContent = `At most ${MAX_ARMS_ON_ONE_CHART} arms fit on one chart; choose "one chart per arm" to see more.`;
        return;
      }
      note.textContent = '';
      chosen = next;
      summary.textContent = `Arms shown: ${chosen.length} of ${names.length}`;
      url.update({ arms: chosen.length === names.length ? undefined : chosen });
      draw();
    });
    return el('li', {}, el('label', {}, box, ` ${ctx.labels.get(n)}`));
  });
  const summary = el('summary', {}, `Arms shown: ${chosen.length} of ${names.length}`);
  const chooser = el('details', { class: 'arm-chooser', open: names.length > MAX_ARMS_ON_ONE_CHART }, summary, el('ul', { class: 'arm-list' }, ...boxes), note);
  const layout = el(
    'select',
    { id: 'charts-layout', 'aria-label': 'Charts' },
    el('option', { value: 'one', selected: !multiples }, 'all arms on one chart'),
    el('option', { value: 'multiples', selected: multiples }, 'one chart per arm, with the baseline'),
  );
  layout.addEventListener('change', () => {
    multiples = layout.value === 'multiples';
    url.update({ charts: multiples ? 'multiples' : undefined });
    draw();
  });
  body.replaceChildren(
    el(
      'div',
      { class: 'toolbar' },
      ctx.metricSelect((m) => {
        metric = m;
        draw();
      }),
      el('label', { class: 'field' }, el('span', {}, 'Charts'), layout),
    ),
    names.length > 2 ? chooser : '',
    charts,
  );
  draw();
}
