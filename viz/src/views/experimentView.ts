import type { Experiment } from '../data/loadExperiment.ts';
import type { UrlState, ViewState } from '../state/viewState.ts';
import type { Player } from '../timeline/player.ts';
import { dataUrl } from '../data/fetchData.ts';
import { el } from '../ui/dom.ts';
import { plural } from '../format/plural.ts';
import { overviewIntro, setIntro } from '../ui/intro.ts';
import { compareView } from './compareView.ts';
import { experimentContext } from './experimentContext.ts';
import { experimentRunView } from './experimentRunView.ts';
import { overviewView } from './overviewView.ts';
import { SENSITIVITY_FILE, sensitivityView } from './sensitivityView.ts';

const TABS: { view: NonNullable<ViewState['view']>; text: string }[] = [
  { view: 'compare', text: 'Side by side' },
  { view: 'overview', text: 'All arms and effects' },
  { view: 'run', text: 'One run' },
];

/** An experiment folder: a heading, tabs for its three views, and the chosen view. */
export async function experimentView(main: HTMLElement, exp: Experiment, url: UrlState, rerender: () => void): Promise<Player | undefined> {
  const m = exp.manifest;
  const view = url.state.view ?? 'compare';
  const tabs = m.files.has(SENSITIVITY_FILE) ? [...TABS, { view: 'sensitivity' as const, text: 'Sensitivity' }] : TABS;
  const nav = el(
    'nav',
    { class: 'tabs', 'aria-label': 'Views' },
    ...tabs.map((t) => {
      const b = el('button', { type: 'button', class: 'tab', 'aria-current': t.view === view ? 'page' : undefined, 'data-view': t.view }, t.text);
      b.addEventListener('click', () => {
        url.navigate({ ...url.state, view: t.view });
        rerender();
      });
      return b;
    }),
    el('a', { class: 'tab', href: dataUrl('report.md'), target: '_blank', rel: 'noopener' }, 'report.md'),
  );
  const arms = m.arms.length - 1;
  const body = el('div', { class: 'experiment-body' }, el('p', { class: 'loading' }, 'Loading…'));
  main.replaceChildren(
    el('h2', {}, `Experiment ${m.name}`),
    el(
      'p',
      { class: 'facts' },
      `${m.files.has('points.csv') ? `${plural(arms, 'arm')} (design points included)` : plural(arms, 'policy arm')} and the baseline · ${plural(m.replications, 'replication')} each · ${plural(m.days, 'day')}`,
    ),
    ...(m.replications === 1
      ? [
          el(
            'p',
            { class: 'caveat', role: 'note' },
            'One replication per arm: there are no confidence intervals, and a difference between arms may be chance. Run the experiment with --reps 5 or more before drawing conclusions.',
          ),
        ]
      : []),
    el('details', { class: 'description' }, el('summary', {}, 'What this experiment asks'), el('p', {}, m.description)),
    nav,
    body,
  );
  const ctx = experimentContext(exp, url);
  if (view === 'overview') {
    setIntro(overviewIntro(m.replications));
    overviewView(body, ctx);
    return undefined;
  }
  if (view === 'sensitivity' && m.files.has(SENSITIVITY_FILE)) {
    await sensitivityView(body, ctx);
    return undefined;
  }
  if (view === 'run') return experimentRunView(body, ctx, rerender);
  return compareView(body, ctx, rerender);
}
