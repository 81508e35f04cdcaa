import { createHash } from 'node:crypto';
import { calibrationSchema, type Calibration } from '../../../scenarios/schema/calibration.ts';
import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import { InputError } from '../inputError.ts';
import { describeIssues } from '../issues.ts';
import { readJsonFile, readReferencedJson } from '../readJson.ts';
import { armScenario, type Override } from '../experiment/armScenario.ts';
import { getPath } from './scenarioValue.ts';

/** A calibration file resolved into what to run: the scenario with the file's overrides, and checked parameters and arms. */
export interface CalibrationPlan {
  file: string;
  calibration: ResolvedCalibration;
  /** The scenario file, resolved against the calibration file's folder. */
  scenarioFile: string;
  /** The scenario file as read, before any override. */
  rawScenario: unknown;
  /** The file's "set" and "days", applied before a point's parameters. */
  baseOverrides: Override[];
  /** The scenario after the file's overrides and defaults: the uncalibrated model. */
  base: Scenario;
  /** Each parameter's value in the base scenario (the uncalibrated defaults). */
  defaults: number[];
  /** Identifies the calibration: everything that decides which runs are done and what is written. */
  hash: string;
}

export type ResolvedCalibration = Calibration & { days: number };

export interface CalibrationLoadOptions {
  /** Budget of runs (--runs), instead of the file's. */
  runs?: number;
}

/** Reads and checks a calibration file, its scenario, and that every parameter and arm gives a valid scenario. */
export function loadCalibration(file: string, options: CalibrationLoadOptions = {}): CalibrationPlan {
  return planCalibration(file, readJsonFile(file), options);
}

export function planCalibration(file: string, raw: unknown, options: CalibrationLoadOptions = {}): CalibrationPlan {
  const parsed = calibrationSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(describeIssues(file, raw, parsed.error.issues, calibrationSchema));
  const cal = parsed.data;
  const problems: string[] = [];

  const { path: scenarioFile, raw: rawScenario } = readReferencedJson(file, cal.scenario, 'scenario');
  for (const key of Object.keys(cal.set ?? {})) {
    const top = key.split('.')[0];
    if (top === 'seed' || top === 'days') problems.push(`${file}: set.${key}: use the calibration's "${top}"`);
  }
  cal.arms.forEach((a, k) => {
    for (const key of Object.keys(a.set ?? {})) {
      const top = key.split('.')[0];
      if (top === 'seed' || top === 'days') problems.push(`${file}: arms[${k}].set.${key}: every arm runs the calibration's seeds and days`);
    }
  });
  if (problems.length) throw new InputError(problems);

  const baseOverrides: Override[] = Object.entries(cal.set ?? {}).map(([key, value]) => ({ key, value, where: `set.${key}` }));
  if (cal.days !== undefined) baseOverrides.push({ key: 'days', value: cal.days, where: 'days' });
  const base = armScenario(file, scenarioFile, rawScenario, baseOverrides, [], '');

  // Each parameter must name a number of the scenario, and both ends of its range must give a valid scenario.
  const defaults: number[] = [];
  cal.parameters.forEach((p, k) => {
    const current = getPath(base, p.path);
    if (typeof current !== 'number') {
      problems.push(
        `${file}: parameters[${k}].path: found "${p.path}", which is ${current === undefined ? 'not a field of the scenario' : `not a number (it is ${JSON.stringify(current)})`}; a calibrated parameter must be a numeric scenario field`,
      );
      return;
    }
    defaults.push(current);
    for (const end of ['min', 'max'] as const) {
      try {
        armScenario(file, scenarioFile, rawScenario, [...baseOverrides, { key: p.path, value: p[end], where: `parameters[${k}].${end}` }], [], '');
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        problems.push(...err.problems);
      }
    }
  });
  cal.arms.forEach((a, k) => {
    try {
      const overrides = [...baseOverrides, ...Object.entries(a.set ?? {}).map(([key, value]) => ({ key, value, where: `arms[${k}].set.${key}` }))];
      armScenario(file, scenarioFile, rawScenario, overrides, a.policies ?? [], `arms[${k}]`);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  });
  cal.targets.forEach((t, k) => {
    if ((t.type === 'metric' || t.type === 'effect') && t.day > base.days)
      problems.push(`${file}: targets[${k}].day: found ${t.day}; the runs last ${base.days} days`);
  });
  const runs = options.runs ?? cal.runs;
  const perPoint = cal.replications * (1 + cal.arms.length);
  if (Math.floor(runs / cal.waves / perPoint) < 2) {
    problems.push(
      `${options.runs !== undefined ? '--runs' : `${file}: runs`}: found ${runs}; each of the ${cal.waves} waves needs at least 2 points of ${perPoint} runs (${cal.replications} replications × ${1 + cal.arms.length} arms), so at least ${2 * perPoint * cal.waves}`,
    );
  }
  if (problems.length) throw new InputError(problems);

  const calibration: ResolvedCalibration = { ...cal, runs, days: base.days };
  const identity = { calibration: { ...calibration, description: undefined, $schema: undefined }, base: { ...base, seed: undefined }, rawScenario };
  const hash = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  return { file, calibration, scenarioFile, rawScenario, baseOverrides, base, defaults, hash };
}
