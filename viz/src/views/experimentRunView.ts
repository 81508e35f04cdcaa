import { cachedRun } from '../data/runCache.ts';
import type { Player } from '../timeline/player.ts';
import { el, labelledSelect } from '../ui/dom.ts';
import type { ExperimentContext } from './experimentContext.ts';
import { runView } from './runView.ts';

/** One run of an experiment, chosen by arm and replication, replayed as a single run. */
export async function experimentRunView(body: HTMLElement, ctx: ExperimentContext, rerender: () => void): Promise<Player> {
  const { exp, url } = ctx;
  const all = [...exp.manifest.runDirs].flatMap(([arm, dirs]) => dirs.map((dir, k) => ({ arm, rep: k + 1, dir })));
  const chosen = all.find((r) => r.dir === url.state.run) ?? all[0];
  const run = await cachedRun(chosen.dir);
  const choose = (arm: string, rep: number) => {
    const next = all.find((r) => r.arm === arm && r.rep === rep) ?? all.find((r) => r.arm === arm)!;
    url.update({ run: next.dir });
    rerender();
  };
  const arms = labelledSelect(
    'Arm',
    exp.manifest.arms.map((a) => ({ value: a.name, text: ctx.labels.get(a.name)! })),
    chosen.arm,
    (v) => choose(v, chosen.rep),
    'run-arm',
  ).node;
  const reps = labelledSelect(
    'Replication',
    Array.from({ length: exp.manifest.replications }, (_, k) => ({ value: String(k + 1), text: String(k + 1) })),
    String(chosen.rep),
    (v) => choose(chosen.arm, Number(v)),
    'run-rep',
  ).node;
  const inner = el('div', {});
  body.replaceChildren(el('div', { class: 'toolbar' }, arms, reps), inner);
  return runView(inner, run, url, `${ctx.labels.get(chosen.arm)}, replication ${chosen.rep}`);
}
