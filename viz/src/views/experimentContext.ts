import type { Experiment } from '../data/loadExperiment.ts';
import { BASELINE_ARM } from '../data/experimentManifest.ts';
import type { Column } from '../data/runManifest.ts';
import { armColours } from '../map/palettes.ts';
import type { UrlState } from '../state/viewState.ts';
import { labelledSelect } from '../ui/dom.ts';

/** The indicator an experiment view opens on when the URL names none. */
const PREFERRED = ['prejudice_host', 'outgroup_encounter_share', 'dissimilarity', 'language_mean', 'employment_gap'];

/** What the experiment views share: labels and colours of arms, the chosen indicator. */
export interface ExperimentContext {
  exp: Experiment;
  url: UrlState;
  labels: Map<string, string>;
  colours: Map<string, string>;
  metric: string;
  column: (metric: string) => Column;
  metricSelect: (onChange: (metric: string) => void) => HTMLElement;
}

export function experimentContext(exp: Experiment, url: UrlState): ExperimentContext {
  const m = exp.manifest;
  const metrics = m.metrics;
  const metric = metrics.includes(url.state.metric ?? '') ? url.state.metric! : (PREFERRED.find((p) => metrics.includes(p)) ?? metrics[0]);
  const column = (name: string): Column => exp.columns.get(name) ?? { name, unit: '', description: '', better: 0 };
  return {
    exp,
    url,
    labels: new Map(m.arms.map((a) => [a.name, a.name === BASELINE_ARM && a.label !== a.name ? `baseline (${a.label})` : a.label])),
    colours: armColours(
      m.arms.map((a) => a.name),
      BASELINE_ARM,
    ),
    metric,
    column,
    metricSelect: (onChange) =>
      labelledSelect(
        'Indicator',
        metrics.map((n) => ({ value: n, text: `${n.replace(/_/g, ' ')} (${column(n).unit})` })),
        metric,
        (v) => {
          url.update({ metric: v });
          onChange(v);
        },
        'metric',
      ).node,
  };
}
