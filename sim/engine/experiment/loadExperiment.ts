import { createHash } from 'node:crypto';
import { experimentSchema, DEFAULT_METRICS, type Experiment } from '../../../scenarios/schema/experiment.ts';
import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import { InputError } from '../inputError.ts';
import { describeIssues } from '../issues.ts';
import { readJsonFile, readReferencedJson } from '../readJson.ts';
import { scenarioHash } from '../scenarioHash.ts';
import { armScenario, type Override } from './armScenario.ts';
import { designArms } from './design/designArms.ts';
import { BASELINE, runScenario, type Arm } from './arm.ts';
import { POINT_NAME, type DesignRecord } from './design/designPoints.ts';
import { planPosterior, type PosteriorRecord } from './posterior/posteriorPlan.ts';

export { BASELINE, runScenario, type Arm };

const DEFAULT_REPLICATIONS = 10;
const MAX_SEED = 2 ** 31 - 1;

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
  /** With "parameters": the posterior and the parameter set of each draw; replication r runs draw ⌊(r − 1) / seedsPerDraw⌋ + 1. */
  posterior?: PosteriorRecord;
}

export type ResolvedExperiment = Omit<Experiment, 'replications' | 'seeds' | 'metrics' | 'reportDays' | 'days'> & {
  days: number;
  replications: number;
  /** The replications the file asks for, when --reps gave another number (reports say so). */
  fileReplications?: number;
  seeds: number[];
  metrics: string[];
  reportDays: number[];
};

export interface LoadOptions {
  /** Replications (--reps), instead of the file's. */
  replications?: number;
  /** `path=value` overrides of the base scenario for every arm (--set), after the file's own "set". */
  sets?: readonly string[];
  /** Days of every run (--days), instead of the file's. */
  days?: number;
}

/** Reads and checks an experiment file and the scenarios of all its arms. */
export function loadExperiment(file: string, options: LoadOptions = {}): ExperimentPlan {
  return planExperiment(file, readJsonFile(file), options);
}

/** Checks an experiment given as data (`file` names it in messages and anchors its relative paths). */
export function planExperiment(file: string, raw: unknown, options: LoadOptions = {}): ExperimentPlan {
  const parsed = experimentSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(describeIssues(file, raw, parsed.error.issues, experimentSchema));
  const exp = parsed.data;
  const problems: string[] = [];

  const { path: scenarioFile, raw: rawScenario } = readReferencedJson(file, exp.scenario, 'scenario');

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
  const cliSets = (options.sets ?? []).map(parseSet);
  forbidden('set.', exp.set, ['seed']);
  for (const o of cliSets) {
    const top = o.key.split('.')[0];
    if (top === 'seed' || top === 'days')
      problems.push(`--set ${o.key}: ${top === 'seed' ? 'replications set the seed; use --reps, or the experiment\'s "seed"' : 'use --days'}`);
  }
  forbidden('baseline.set.', exp.baseline?.set, ['seed', 'days']);
  exp.arms.forEach((a, k) => {
    forbidden(`arms[${k}].set.`, a.set, ['seed', 'days']);
  });
  if (problems.length) throw new InputError(problems);

  const baseOverrides: Override[] = Object.entries(exp.set ?? {}).map(([key, value]) => ({ key, value, where: `set.${key}` }));
  baseOverrides.push(...cliSets);
  if (options.days !== undefined) baseOverrides.push({ key: 'days', value: options.days, where: '--days' });
  else if (exp.days !== undefined) baseOverrides.push({ key: 'days', value: exp.days, where: 'days' });
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
      arms.push({
        name: a.name,
        label: a.label,
        description: a.description,
        scenario,
        overrides: overrides.slice(baseOverrides.length),
        policies: a.policies ?? [],
        where: a.where,
      });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  let design: DesignRecord | undefined;
  if (exp.design) {
    exp.arms.forEach((a, k) => {
      if (POINT_NAME.test(a.name))
        problems.push(`${file}: arms[${k}].name: found "${a.name}"; names of p and digits belong to the design's points; choose another`);
    });
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
  // A run shortened with --days reports the days it reaches, and its end.
  const given =
    options.days === undefined || !exp.reportDays ? exp.reportDays : [...(exp.reportDays ?? []).filter((d) => d !== 'end' && d <= days), 'end' as const];
  const reportDays = resolveReportDays(given, days, file, problems);
  const perDraw = exp.parameters?.seedsPerDraw ?? 1;
  if (exp.parameters && options.replications !== undefined && (options.replications % perDraw !== 0 || options.replications < 2 * perDraw)) {
    problems.push(
      `--reps: found ${options.replications}; with parameters.seedsPerDraw ${perDraw} the replications are draws × ${perDraw}, at least 2 draws: give a multiple of ${perDraw} from ${2 * perDraw}`,
    );
  }
  const fileReplications = exp.parameters ? exp.parameters.draws * perDraw : (exp.replications ?? exp.seeds?.length ?? DEFAULT_REPLICATIONS);
  const replications = options.replications ?? fileReplications;
  if (exp.seeds && replications > exp.seeds.length) {
    problems.push(`--reps: found ${replications}; ${file} lists ${exp.seeds.length} seeds, so at most ${exp.seeds.length} replications`);
  }
  const first = exp.seed ?? 1;
  if (!exp.seeds && first + replications - 1 > MAX_SEED) {
    problems.push(`${file}: seed: found ${first}; with ${replications} replications the last seed would pass ${MAX_SEED}`);
  }
  if (problems.length) throw new InputError(problems);

  let posterior: PosteriorRecord | undefined;
  if (exp.parameters) {
    posterior = planPosterior(
      {
        file,
        scenarioFile,
        rawScenario,
        baseOverrides,
        posterior: exp.parameters.posterior,
        draws: replications / perDraw,
        seedsPerDraw: perDraw,
        seed: exp.seeds?.[0] ?? first,
      },
      arms,
    );
  }

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
  if (fileReplications !== replications) experiment.fileReplications = fileReplications;
  // Draws are a prefix-stable sequence, so the number of draws, like that of replications, is not part of the identity.
  const identity = {
    arms: arms.map((a) => ({ name: a.name, scenario: { ...a.scenario, seed: undefined } })),
    seeds: exp.seeds ?? { first },
    ...(posterior ? { posterior: { sha256: posterior.sha256, seedsPerDraw: perDraw, seed: posterior.seed } } : {}),
  };
  const hash = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  return { file, experiment, scenarioFile, base, arms, seeds, hash, design, posterior };
}

/** A --set path=value as an override; the value is JSON when it parses, a string otherwise (as for icity run). */
function parseSet(set: string): Override {
  const eq = set.indexOf('=');
  if (eq <= 0) throw new InputError([`--set ${set}: expected path=value, e.g. --set population.residents=5000`]);
  const raw = set.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // A bare word is a string, as `icity run --set` reads it.
  }
  return { key: set.slice(0, eq), value, where: `--set ${set.slice(0, eq)}` };
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
export function runHash(arm: Arm, seed: number, draw?: number): string {
  return scenarioHash(runScenario(arm, seed, draw));
}

/** The posterior draw (0-based) of replication r (0-based), or undefined without a posterior. */
export function replicationDraw(plan: Pick<ExperimentPlan, 'posterior'>, r: number): number | undefined {
  return plan.posterior ? Math.floor(r / plan.posterior.seedsPerDraw) : undefined;
}
