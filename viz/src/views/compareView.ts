import { ArmsChart } from '../charts/armsChart.ts';
import { BASELINE_ARM } from '../data/experimentManifest.ts';
import { cachedRun } from '../data/runCache.ts';
import { saveButtons } from '../export/saveChart.ts';
import type { Player } from '../timeline/player.ts';
import { el, labelledSelect } from '../ui/dom.ts';
import { compareIntro, setIntro } from '../ui/intro.ts';
import type { ExperimentContext } from './experimentContext.ts';
import { replay } from './replay.ts';

/**
 * Two arms side by side: the map of each arm's first replication and both arms' indicator
 * (mean and 95% CI), all following one timeline. Returns the player, for the keyboard.
 */
export async function compareView(body: HTMLElement, ctx: ExperimentContext, rerender: () => void): Promise<Player> {
  const { exp, url } = ctx;
  const names = exp.manifest.arms.map((a) => a.name);
  const a = names.includes(url.state.a ?? '') ? url.state.a! : BASELINE_ARM;
  const b = names.includes(url.state.b ?? '') ? url.state.b! : (names.find((n) => n !== a) ?? a);
  const linkedDay = url.state.day;
  const linkedSpeed = url.state.speed;
  const [runA, runB] = await Promise.all([a, b].map((arm) => cachedRun(exp.manifest.runDirs.get(arm)![0])));
  let chart: ArmsChart | undefined;
  const r = replay(
    [
      { run: runA, title: `${ctx.labels.get(a)}, replication 1` },
      { run: runB, title: `${ctx.labels.get(b)}, replication 1` },
    ],
    runA.manifest.calendar,
    url.state.layer ?? 'groups',
    (day) => {
      chart?.setDay(day);
      url.update({ day });
    },
    (layer) => {
      url.update({ layer });
      setIntro(compareIntro(runA.manifest.groups, exp.manifest.replications, layer));
    },
  );
  const chartBox = el('div', { class: 'compare-chart' });
  const drawChart = (metric: string) => {
    const arms = [a, b].map((arm) => ({ arm, label: ctx.labels.get(arm)!, colour: ctx.colours.get(arm)!, series: exp.series.get(arm)!.get(metric)! }));
    chart = new ArmsChart(ctx.column(metric), arms, exp.manifest.replications, 640);
    chart.setDay(r.player.day);
    chartBox.replaceChildren(chart.node);
  };
  const options = names.map((n) => ({ value: n, text: ctx.labels.get(n)! }));
  const pick = (key: 'a' | 'b', label: string, value: string) =>
    labelledSelect(
      label,
      options,
      value,
      (v) => {
        url.update({ [key]: v });
        rerender();
      },
      `arm-${key}`,
    ).node;
  const maps = r.maps.map((m, k) =>
    el(
      'div',
      { class: 'compare-map' },
      m.node,
      saveButtons(`map-${[a, b][k]}`, () => m.exportSvg()),
    ),
  );
  body.replaceChildren(
    r.bar,
    el('div', { class: 'toolbar' }, pick('a', 'Left', a), pick('b', 'Right', b), r.layerSelect, ctx.metricSelect(drawChart)),
    el('div', { class: 'compare-view' }, el('div', { class: 'compare-left' }, el('div', { class: 'compare-maps' }, ...maps)), chartBox),
  );
  drawChart(ctx.metric);
  setIntro(compareIntro(runA.manifest.groups, exp.manifest.replications, r.maps[0]?.layer));
  if (linkedDay !== undefined) r.player.seek(r.player.indexOfDay(linkedDay));
  if (linkedSpeed) r.player.setSpeed(linkedSpeed);
  r.player.onChange(() => url.update({ speed: r.player.speed === 10 ? undefined : r.player.speed }));
  return r.player;
}
