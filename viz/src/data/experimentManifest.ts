import { BASELINE_ARM, EXPERIMENT_FORMAT, EXPERIMENT_FORMAT_VERSION, experimentManifestSchema } from '../../../sim/formats/experimentManifest.ts';
import { parseFormat } from './parseFormat.ts';

export { BASELINE_ARM };

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

/** Checks an experiment's manifest.json against its format (sim/formats/experimentManifest.ts). */
export function readExperimentManifest(file: string, json: unknown): ExperimentManifest {
  const m = parseFormat(file, json, experimentManifestSchema, EXPERIMENT_FORMAT, EXPERIMENT_FORMAT_VERSION);
  const arms = m.arms.map((a) => ({ name: a.name, label: a.label || a.name, description: a.description ?? '' }));
  const runDirs = new Map(arms.map((a) => [a.name, [] as string[]]));
  for (const run of m.runs) {
    const list = runDirs.get(run.arm);
    if (list) list[run.replication - 1] = run.dir;
  }
  return {
    name: m.name,
    description: m.experiment.description ?? '',
    arms,
    replications: m.seeds.length,
    days: m.days,
    metrics: m.metrics,
    reportDays: m.reportDays,
    runDirs,
    files: new Set(Object.keys(m.files)),
  };
}
