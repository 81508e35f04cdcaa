import { z } from 'zod';
import { formatTag } from './formatTag.ts';

/**
 * manifest.json of a calibration folder: the calibration after defaults, the parameters with
 * their prior ranges and uncalibrated values, the targets, and each wave's box and outcome.
 * Written by sim/engine/calibration, read by the viewer's calibration page. Fields not
 * declared here are allowed, so adding one is not a new version.
 */
export const CALIBRATION_FORMAT = 'icity-calibration';
export const CALIBRATION_FORMAT_VERSION = 1;

/** The files of a calibration folder besides manifest.json, and the columns runs.csv starts with. */
export const CALIBRATION_RUNS_FILE = 'runs.csv';
export const CALIBRATION_POSTERIOR_FILE = 'posterior.csv';
export const CALIBRATION_REPORT_FILE = 'report.md';
export const CALIBRATION_RUN_COLUMNS = ['wave', 'point', 'replication', 'seed'] as const;
/** Suffix of runs.csv's per-target implausibility columns: "<target>_implausibility". */
export const IMPLAUSIBILITY_SUFFIX = '_implausibility';

export const calibrationParameterSchema = z.looseObject({
  path: z.string(),
  min: z.number(),
  max: z.number(),
  scale: z.enum(['linear', 'log']),
  /** The parameter's value in the scenario before calibration. */
  default: z.number(),
});

export const calibrationTargetSchema = z.looseObject({
  name: z.string(),
  type: z.enum(['metric', 'correlation', 'languageShare', 'effect']),
  value: z.number(),
  sd: z.number(),
  discrepancy: z.number(),
  source: z.string(),
  arm: z.string().optional(),
});

export const calibrationWaveSchema = z.looseObject({
  /** 0 is the uncalibrated defaults; 1, 2, ... the waves of history matching. */
  wave: z.number().int().min(0),
  /** The wave's experiment folder, relative to the calibration folder. */
  dir: z.string(),
  /** What the wave's box was drawn around: the prior, the points not ruled out so far, or (when none was left) the least implausible ones. */
  basis: z.enum(['defaults', 'prior', 'plausible', 'least-implausible']),
  /** Per parameter, the range the wave sampled (in the parameter's unit). */
  low: z.array(z.number()),
  high: z.array(z.number()),
  points: z.number().int().min(0),
  runs: z.number().int().min(0),
  /** Points of the wave not ruled out; null until the wave is finished. */
  plausible: z.number().int().min(0).nullable(),
});

export const calibrationManifestSchema = z.looseObject({
  ...formatTag(CALIBRATION_FORMAT, CALIBRATION_FORMAT_VERSION),
  name: z.string(),
  description: z.string(),
  calibrationFile: z.string(),
  calibrationHash: z.string(),
  scenarioFile: z.string(),
  residents: z.number().int().min(1),
  days: z.number().int().min(1),
  replications: z.number().int().min(1),
  seed: z.number().int().min(0),
  runs: z.number().int().min(1),
  waves: z.number().int().min(1),
  cutoff: z.number(),
  implausibility: z.enum(['max', 'second-max']),
  parameters: z.array(calibrationParameterSchema).min(1),
  targets: z.array(calibrationTargetSchema).min(1),
  arms: z.array(z.looseObject({ name: z.string() })),
  /** "running" while waves are being run; "done" when every wave is finished; "incomplete" when runs are missing (other shards, failures). */
  status: z.enum(['running', 'done', 'incomplete']),
  waveRecords: z.array(calibrationWaveSchema),
  /** Parameter sets in posterior.csv (points not ruled out in any wave). */
  posteriorPoints: z.number().int().min(0).nullable(),
  wallSeconds: z.number().nullable(),
  files: z.record(z.string(), z.string()),
});

export type CalibrationManifestFile = z.infer<typeof calibrationManifestSchema>;
export type CalibrationWave = z.infer<typeof calibrationWaveSchema>;
