import { FieldReader } from './checkFields.ts';
import { ViewerError } from './viewerError.ts';

/** The experiment-folder format version this viewer reads (sim/engine/experiment). */
export const EXPERIMENT_FORMAT_VERSION = 1;
export const BASELINE_ARM = 'baseline';

export interface ArmInfo {
  name: string;
  label: string;
  description: string;
}

export interface ExperimentManifest {
  name: string;
  description: string;
  arms: ArmInfo[];
  replications: number;
  days: number;
  metrics: string[];
  reportDays: number[];
  /** Run folders by arm, in replication order, relative to the experiment folder. */
  runDirs: Map<string, string[]>;
  /** The files the manifest lists (e.g. "sensitivity.csv" for a Morris design). */
  files: Set<string>;
}

export function readExperimentManifest(file: string, json: Record<string, unknown>): ExperimentManifest {
  const f = new FieldReader(file, json);
  f.format('icity-experiment', EXPERIMENT_FORMAT_VERSION);
  const arms = f.array('arms').map((a, i) => {
    const r = new FieldReader(`${file} arms[${i}]`, a as Record<string, unknown>);
    const name = r.string('name');
    const label = r.optional('label');
    const description = r.optional('description');
    return { name, label: typeof label === 'string' && label ? label : name, description: typeof description === 'string' ? description : '' };
  });
  if (arms[0]?.name !== BASELINE_ARM) throw new ViewerError(file, `the first arm is ${JSON.stringify(arms[0]?.name)}; expected "${BASELINE_ARM}"`);
  const replications = f.array('seeds').length;
  const runDirs = new Map(arms.map((a) => [a.name, [] as string[]]));
  for (const [i, r] of f.array('runs').entries()) {
    const run = new FieldReader(`${file} runs[${i}]`, r as Record<string, unknown>);
    const list = runDirs.get(run.string('arm'));
    if (list) list[run.count('replication') - 1] = run.string('dir');
  }
  const experiment = f.object('experiment');
  const files = json.files && typeof json.files === 'object' ? Object.keys(json.files) : [];
  return {
    name: f.string('name'),
    description: typeof experiment.description === 'string' ? experiment.description : '',
    arms,
    replications,
    days: f.count('days'),
    metrics: f.array('metrics').map(String),
    reportDays: f.array('reportDays').map(Number),
    runDirs,
    files: new Set(files),
  };
}
