import { expect } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { Count, type World } from '../../sim/model/world.ts';
import { AgeClass } from '../../sim/model/spaceTypes.ts';
import { homeDistrict, present } from '../../sim/policies/reach.ts';
import { scenarioFrom, smallCity } from '../helpers.ts';
import { InputError } from '../../sim/engine/inputError.ts';

/** Submodels most policy tests do not need, switched off to cut noise and time. */
export const QUIET = { 'submodels.housing': false, 'submodels.demography': false };

export interface Run {
  sim: Simulation;
  /** Indicators after each day: rows[k] is day k + 1. */
  rows: Record<string, number>[];
}

/**
 * Runs the small city (3,000 residents, 2 x 2 districts unless `sets` says otherwise) with
 * these policies for so many days; `each` sees the simulation after every day.
 */
export function run(policies: object[], days: number, sets: Record<string, unknown> = {}, each?: (sim: Simulation) => void): Run {
  const sim = new Simulation(smallCity({ ...QUIET, ...sets, policies }));
  const rows: Record<string, number>[] = [];
  for (let d = 0; d < days; d++) {
    sim.advance();
    rows.push(sim.indicators());
    each?.(sim);
  }
  sim.close();
  return { sim, rows };
}

/** Mean of an indicator over the last n days of a run. */
export function tail(r: Run, name: string, n = 7): number {
  const rows = r.rows.slice(-n);
  return rows.reduce((a, row) => a + row[name], 0) / rows.length;
}

/** Total of an indicator (e.g. spending) over days [from, to] (1-based, inclusive). */
export function total(r: Run, name: string, from = 1, to = r.rows.length): number {
  let s = 0;
  for (let day = from; day <= to; day++) s += r.rows[day - 1][name];
  return s;
}

/** Every indicator but spending, day by day: what a policy that does nothing leaves unchanged. */
export function outcomes(r: Run, from = 1, to = r.rows.length): Record<string, number>[] {
  return r.rows.slice(from - 1, to).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('spending'))));
}

/** Mean of a resident array over the residents living in the city that `accept` takes. */
export function meanOver(world: World, values: ArrayLike<number>, accept: (i: number) => boolean): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < world.counts[Count.residents]; i++) {
    if (!present(world, i) || !accept(i)) continue;
    sum += values[i];
    n++;
  }
  return n > 0 ? sum / n : NaN;
}

/** Index of a group by name. */
export function groupIndex(world: World, name: string): number {
  return world.scenario.population.groups.findIndex((g) => g.name === name);
}

/** Host (or migrant) residents of an age class living in districts that `inDistrict` takes. */
export function who(world: World, opts: { host?: boolean; age?: number; group?: number; inDistrict?: (d: number) => boolean }): (i: number) => boolean {
  const host = world.scenario.population.groups.findIndex((g) => g.host);
  const r = world.residents;
  return (i) =>
    (opts.host === undefined || (r.group[i] === host) === opts.host) &&
    (opts.age === undefined || r.age[i] === opts.age) &&
    (opts.group === undefined || r.group[i] === opts.group) &&
    (opts.inDistrict === undefined || opts.inDistrict(homeDistrict(world, i)));
}

export const ADULT = AgeClass.adult;
export const CHILD = AgeClass.child;

/**
 * The checks every policy must pass: with budget 0 it does nothing and spends nothing; run
 * from `start` to `stop` it changes nothing before `start` and spends nothing outside its
 * dates. `base` is the same scenario without the policy.
 */
export function expectBounded(policy: Record<string, unknown>, base: Run, sets: Record<string, unknown> = {}, start = 30, stop = 60): void {
  const days = base.rows.length;
  const broke = run([{ ...policy, budget: 0 }], days, sets);
  expect(outcomes(broke)).toEqual(outcomes(base));
  expect(total(broke, 'spending')).toBe(0);
  const dated = run([{ ...policy, start, stop }], days, sets);
  expect(outcomes(dated, 1, start - 1)).toEqual(outcomes(base, 1, start - 1));
  expect(total(dated, 'spending', 1, start - 1)).toBe(0);
  expect(total(dated, 'spending', stop + 1, days)).toBe(0);
  expect(total(dated, 'spending', start, stop)).toBeGreaterThan(0);
}

/** The problems a scenario with this policy is refused for (none when it is valid). */
export function problemsOf(policy: object): string[] {
  try {
    scenarioFrom('default.json', { policies: [policy] });
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
}
