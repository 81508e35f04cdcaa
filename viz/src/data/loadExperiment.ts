import { fetchJson, fetchText } from './fetchData.ts';
import { readExperimentManifest, type ExperimentManifest } from './experimentManifest.ts';
import { readSeries, readSummary, type ArmSeries, type SummaryRow } from './experimentTables.ts';
import { readRunManifest, type Column } from './runManifest.ts';
import { ViewerError } from './viewerError.ts';

export interface Experiment {
  manifest: ExperimentManifest;
  series: Map<string, Map<string, ArmSeries>>;
  summary: SummaryRow[];
  /** Name, unit and meaning of each metric, from the baseline's first run. */
  columns: Map<string, Column>;
}

const UNFINISHED = 'The experiment has not finished: run icity experiment again (finished runs are kept), or icity summarise once all runs are there.';

/** Loads an experiment folder's manifest and tables (runs are loaded when a view needs them). */
export async function loadExperiment(json: Record<string, unknown>): Promise<Experiment> {
  const manifest = readExperimentManifest('manifest.json', json);
  const firstRun = manifest.runDirs.get(manifest.arms[0].name)?.[0];
  if (!firstRun) throw new ViewerError('manifest.json', 'lists no run of the baseline');
  const [seriesText, summaryText, runJson] = await Promise.all([
    fetchText('series.csv').catch(unfinished),
    fetchText('summary.csv').catch(unfinished),
    fetchJson(`${firstRun}/manifest.json`),
  ]);
  const run = readRunManifest(`${firstRun}/manifest.json`, runJson);
  const series = readSeries('series.csv', seriesText);
  const summary = readSummary('summary.csv', summaryText);
  for (const arm of manifest.arms)
    if (!series.has(arm.name)) throw new ViewerError('series.csv', `has no rows for arm "${arm.name}" that manifest.json lists`, UNFINISHED);
  return { manifest, series, summary, columns: new Map(run.columns.map((c) => [c.name, c])) };
}

function unfinished(err: unknown): never {
  if (err instanceof ViewerError && err.problem === 'is missing') throw new ViewerError(err.file, err.problem, UNFINISHED);
  throw err;
}
