import { z } from 'zod';
import { formatTag } from './formatTag.ts';

/**
 * manifest.json of an experiment folder: the experiment as run, its arms, seeds and runs.
 * Written by sim/engine/experiment (runExperiment.ts, experimentFolder.ts), read by
 * `icity summarise`, a resumed run and the viewer. Undeclared fields are allowed.
 */
export const EXPERIMENT_FORMAT = 'icity-experiment';
export const EXPERIMENT_FORMAT_VERSION = 1;
/** The arm every other arm is compared with; always the first. */
export const BASELINE_ARM = 'baseline';

export const armRecordSchema = z.looseObject({
  name: z.string(),
  label: z.string().optional(),
  description: z.string().optional(),
});

export const runRecordSchema = z.looseObject({
  arm: z.string(),
  replication: z.number().int().min(1),
  dir: z.string(),
});

export const experimentManifestSchema = z.looseObject({
  ...formatTag(EXPERIMENT_FORMAT, EXPERIMENT_FORMAT_VERSION),
  name: z.string(),
  experiment: z.looseObject({ description: z.string().optional() }),
  arms: z.array(armRecordSchema).refine((arms) => arms[0]?.name === BASELINE_ARM, { message: `the first arm must be "${BASELINE_ARM}"` }),
  seeds: z.array(z.number()),
  days: z.number().int().min(0),
  metrics: z.array(z.string()),
  reportDays: z.array(z.number()),
  runs: z.array(runRecordSchema),
  /** File name to what it holds (e.g. "sensitivity.csv" for a Morris design). */
  files: z.record(z.string(), z.string()),
});

export type ExperimentManifestFile = z.infer<typeof experimentManifestSchema>;
