import path from 'node:path';
import { createHash } from 'node:crypto';
import { experimentSchema, DEFAULT_METRICS, type Experiment } from '../../../scenarios/schema/experiment.ts';
import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import { InputError } from '../inputError.ts';
import { describeIssues } from '../issues.ts';
import { readJsonFile } from '../readJson.ts';
import { scenarioHash } from '../runCity.ts';
import { armScenario, type Override } from './armScenario.ts';
import { designArms } from './design/designArms.ts';
import { POINT_NAME, type DesignRecord } from './design/designPoints.ts';

/** The name of the baseline arm and of its run folder. */
export const BASELINE = 'baseline';
const DEFAULT_REPLICATIONS = 10;
const MAX_SEED = 2 ** 31 - 1;

export interface Arm {
  /** Folder name: "baseline" or the arm's name. */
  name: string;
  /** How reports name it. */
  label: string;
  description: string;
  /** The arm's scenario after defaults, with the seed of replication 1. */
  scenario: Scenario;
  /** A design point's values by path (hand-written arms keep theirs in the experiment file). */
  set?: Record<string, unknown>;
}

/** An experiment file resolved into what to run: arms (baseline first) × seeds. */
export interface ExperimentPlan {
  file: string;
  /** The experiment after defaults: replications, seeds, metrics and report days filled in. */
  experiment: ResolvedExperiment;
  /** The base scenario file, resolved against the experiment file's folder. */
  scenarioFile: string;
  /** The base scenario after the experiment's overrides and defaults. */
  base: Scenario;
  arms: Arm[];
  seeds: number[];
  /** Identifies the runs (arm scenarios and seed rule), not how many or how they are reported. */
  hash: string;
  /** The design's points, when the experiment has a design; they are arms after the hand-written ones. */
  design?: DesignRecord;
}

export type ResolvedExperiment = Omit<Experiment, 'replications' | 'seeds' | 'metrics' | 'reportDays' | 'days'> & {
  days: number;
  replications: number;
  seeds: number[];
  metrics: string[];
  reportDays: number[];
};

/** The scenario of one run: the arm's scenario with the seed of its replication. */
export function runScenario(arm: Arm, seed: number): Scenario {
  return { ...arm.scenario, seed };
}

/** Reads and checks an experiment file and the scenarios of all its arms. */
export function loadExperiment(file: string, options: { replications?: number } = {}): ExperimentPlan {
  return planExperiment(file, readJsonFile(file), options);
}

/** Checks an experiment given as data (`file` names it in messages and anchors its relative paths). */
export function planExperiment(file: string, raw: unknown, options: { replications?: number } = {}): ExperimentPlan {
  const parsed = experimentSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(describeIssues(file, raw, parsed.error.issues, experimentSchema));
  const exp = parsed.data;
  const problems: string[] = [];

  const scenarioFile = path.resolve(path.dirname(file), exp.scenario);
  let rawScenario: unknown;
  try {
    rawScenario = readJsonFile(scenarioFile);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((p) => `${file}: scenario: ${p}`));
  }

  // The seed belongs to the replication and the days to the whole experiment.
  const forbidden = (where: string, set: Record<string, unknown> | undefined, keys: string[]) => {
    for (const key of Object.keys(set ?? {})) {
      const top = key.split('.')[0];
      if (!keys.includes(top)) continue;
      problems.push(
        top === 'seed'
          ? `${file}: ${where}${key}: replications set the seed; use the experiment's "seed" or "seeds"`
          : `${file}: ${where}${key}: every arm runs the same days; use the experiment's "days"`,
      );
    }
  };
  forbidden('set.', exp.set, ['seed']);
  forbidden('baseline.set.', exp.baseline?.set, ['seed', 'days']);
  exp.arms.forEach((a, k) => forbidden(`arms[${k}].set.`, a.set, ['seed', 'days']));
  if (problems.length) throw new InputError(problems);

  const baseOverrides: Override[] = Object.entries(exp.set ?? {}).map(([key, value]) => ({ key, value, where: `set.${key}` }));
  if (exp.days !== undefined) baseOverrides.push({ key: 'days', value: exp.days, where: 'days' });
  const base = armScenario(file, scenarioFile, rawScenario, baseOverrides, [], '');

  const armInputs = [
    { name: BASELINE, label: exp.baseline?.label ?? BASELINE, description: '', where: 'baseline', ...exp.baseline },
    ...exp.arms.map((a, k) => ({ ...a, label: a.name, description: a.description ?? '', where: `arms[${k}]` })),
  ];
  const arms: Arm[] = [];
  for (const a of armInputs) {
    try {
      const overrides = [...baseOverrides, ...Object.entries(a.set ?? {}).map(([key, value]) => ({ key, value, where: `${a.where}.set.${key}` }))];
      const scenario = armScenario(file, scenarioFile, rawScenario, overrides, a.policies ?? [], a.where);
      arms.push({ name: a.name, label: a.label, description: a.description, scenario });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  let design: DesignRecord | undefined;
  if (exp.design) {
    exp.arms.forEach((a, k) => POINT_NAME.test(a.name) && problems.push(`${file}: arms[${k}].name: found "${a.name}"; names of p and digits belong to the design's points; choose another`));
    try {
      const d = designArms(file, scenarioFile, rawScenario, baseOverrides, exp.design);
      arms.push(...d.arms);
      design = d.record;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }

  const days = base.days;
  const reportDays = resolveReportDays(exp.reportDays, days, file, problems);
  const replications = options.replications ?? exp.replications ?? exp.seeds?.length ?? DEFAULT_REPLICATIONS;
  if (exp.seeds && replications > exp.seeds.length) {
    problems.push(`--reps: found ${replications}; ${file} lists ${exp.seeds.length} seeds, so at most ${exp.seeds.length} replications`);
  }
  const first = exp.seed ?? 1;
  if (!exp.seeds && first + replications - 1 > MAX_SEED) {
    problems.push(`${file}: seed: found ${first}; with ${replications} replications the last seed would pass ${MAX_SEED}`);
  }
  if (problems.length) throw new InputError(problems);

  const seeds = exp.seeds ? exp.seeds.slice(0, replications) : Array.from({ length: replications }, (_, r) => first + r);
  const experiment: ResolvedExperiment = {
    ...exp,
    days,
    replications,
    seeds,
    metrics: exp.metrics ?? [...DEFAULT_METRICS],
    reportDays,
    baseline: { label: BASELINE, ...exp.baseline },
  };
  if (exp.seeds === undefined) experiment.seed = first;
  const identity = {
    arms: arms.map((a) => ({ name: a.name, scenario: { ...a.scenario, seed: undefined } })),
    seeds: exp.seeds ?? { first },
  };
  const hash = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  return { file, experiment, scenarioFile, base, arms, seeds, hash, design };
}

/** "end" and day numbers, sorted and unique; by default every 365th day and the end. */
function resolveReportDays(given: (number | 'end')[] | undefined, days: number, file: string, problems: string[]): number[] {
  const out = new Set<number>();
  if (!given) {
    for (let d = 365; d < days; d += 365) out.add(d);
    out.add(days);
  } else {
    given.forEach((d, k) => {
      if (d === 'end') out.add(days);
      else if (d > days) problems.push(`${file}: reportDays[${k}]: found ${d}; the runs last ${days} days`);
      else out.add(d);
    });
  }
  return [...out].sort((a, b) => a - b);
}

/** The hash each run's manifest.json must carry for the run to count as finished. */
export function runHash(arm: Arm, seed: number): string {
  return scenarioHash(runScenario(arm, seed));
}
