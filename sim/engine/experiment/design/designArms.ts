import type { Design } from '../../../../scenarios/schema/design.ts';
import { InputError } from '../../inputError.ts';
import { armScenario, type Override } from '../armScenario.ts';
import type { Arm } from '../arm.ts';
import { designPoints, gridValues, valueAt, type DesignRecord } from './designPoints.ts';

/** At most this many lines about the points themselves: one cause usually fails many points. */
const MAX_POINT_PROBLEMS = 10;

/**
 * The arms of a design's points, each checked like an arm: the base scenario, the
 * experiment's overrides, then the point's values. The values a parameter can take are
 * checked first (each listed grid value, each end of a range), so a bad path or range is
 * reported once against its design entry (`exp.json: design.parameters[0].max: found 1.5;
 * must be at most 1`) rather than once per point.
 */
export function designArms(
  file: string,
  scenarioFile: string,
  rawScenario: unknown,
  baseOverrides: Override[],
  design: Design,
): { arms: Arm[]; record: DesignRecord } {
  const problems: string[] = [];
  const entry = (k: number) => `design.parameters[${k}]`;
  design.parameters.forEach((p, k) => {
    const top = p.path.split('.')[0];
    if (top === 'seed') problems.push(`${file}: ${entry(k)}.path: found "${p.path}"; replications set the seed; use the experiment's "seed" or "seeds"`);
    if (top === 'days') problems.push(`${file}: ${entry(k)}.path: found "${p.path}"; every arm runs the same days; use the experiment's "days"`);
  });
  if (problems.length) throw new InputError(problems);

  const attempt = (overrides: Override[], where: string): string[] => {
    try {
      armScenario(file, scenarioFile, rawScenario, [...baseOverrides, ...overrides], [], where);
      return [];
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return err.problems;
    }
  };

  design.parameters.forEach((p, k) => {
    const tried: { where: string; value: unknown }[] = [];
    if ('values' in p && p.values)
      p.values.forEach((value, j) => {
        tried.push({ where: `${entry(k)}.values[${j}]`, value });
      });
    else if ('levels' in p && p.levels !== undefined)
      gridValues(p).forEach((value, j, all) => {
        if (j === 0 || j === all.length - 1) tried.push({ where: `${entry(k)}.${j === 0 ? 'min' : 'max'}`, value });
      });
    else if (p.min !== undefined && p.max !== undefined) {
      tried.push({ where: `${entry(k)}.min`, value: valueAt(0, { min: p.min, max: p.max, integer: p.integer }) });
      tried.push({ where: `${entry(k)}.max`, value: valueAt(1, { min: p.min, max: p.max, integer: p.integer }) });
    }
    tried.forEach((t) => {
      for (const line of attempt([{ key: p.path, value: t.value, where: t.where }], t.where)) {
        // An unknown field is the path's problem whatever the value: said once, against the path.
        const rest = line.startsWith(`${file}: ${t.where}: `) ? line.slice(`${file}: ${t.where}: `.length) : '';
        problems.push(/unknown field/.test(rest) ? `${file}: ${entry(k)}.path: found ${JSON.stringify(p.path)}; ${rest}` : line);
      }
    });
  });
  if (problems.length) throw new InputError([...new Set(problems)]);

  const record = designPoints(design);
  const arms: Arm[] = [];
  const pointProblems: string[] = [];
  let failedPoints = 0;
  for (const point of record.points) {
    const overrides = design.parameters.map((p, k) => ({ key: p.path, value: point.values[k], where: `${entry(k)} (point ${point.arm})` }));
    try {
      const scenario = armScenario(file, scenarioFile, rawScenario, [...baseOverrides, ...overrides], [], 'design');
      const set = Object.fromEntries(design.parameters.map((p, k) => [p.path, point.values[k]]));
      const description = design.parameters.map((p, k) => `${p.path} = ${JSON.stringify(point.values[k])}`).join(', ');
      arms.push({ name: point.arm, label: point.arm, description: `Design point: ${description}.`, scenario, set, overrides, policies: [], where: 'design' });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failedPoints++;
      for (const line of err.problems) if (pointProblems.length < MAX_POINT_PROBLEMS && !pointProblems.includes(line)) pointProblems.push(line);
    }
  }
  if (failedPoints) {
    pointProblems.push(`${file}: design: ${failedPoints} of ${record.points.length} points are not valid scenarios; the lines above say why`);
    throw new InputError(pointProblems);
  }
  return { arms, record };
}
