import type { Scenario } from '../../scenarios/schema/scenario.ts';
import type { City } from '../model/compile.ts';
import { threadContext, type ThreadContext } from '../model/context.ts';
import { Census } from '../model/census.ts';
import { sectionsADayChanges } from '../model/censusSections.ts';
import { censusBlocksOf } from '../model/censusLayout.ts';
import { INDICATORS, policySpendingIndicators, type Indicator } from '../model/indicators.ts';
import type { IndicatorValues } from '../model/indicators.ts';
import type { ParallelFor } from '../model/phases.ts';
import { step, type DayParts } from '../model/step.ts';
import { Env } from '../model/world.ts';
import { PolicyHost } from '../policies/policyHost.ts';
import { buildCity } from '../policies/spaceRequests.ts';
import { Neighbourhoods } from '../model/neighbourhoods.ts';
import { calendar } from '../model/timeline.ts';
import { SerialFor } from './serial.ts';
import type { SpareMemory } from '../model/spareMemory.ts';

export interface SimulationOptions {
  /** Run threads: threads that share the city's memory and the work of each day; 1 runs everything on the calling thread. */
  threads?: number;
  /** The same as `threads` (the name of the `--workers` flag). */
  workers?: number;
  /** Makes the executor for more than one run thread (sim/engine/parallel). */
  parallel?: (city: City, threads: number) => ParallelFor & { close(): void };
  /** Memory of this thread's previous run, reused for the city's arrays (sim/model/spareMemory.ts). */
  spareMemory?: SpareMemory;
}

/**
 * A city being simulated, in memory: the library API under `icity run`. Day 0 is the
 * initial state; each `advance()` simulates the next day.
 */
export class Simulation {
  readonly city: City;
  readonly ctx: ThreadContext;
  readonly census: Census;
  day = 0;
  movesToday = 0;
  readonly policies: PolicyHost;
  private readonly par: ParallelFor & { close?(): void };
  private readonly parts: DayParts;
  /** The census sections a day of this scenario can change: the others keep their counts of day 0. */
  private readonly daySections: number;

  constructor(
    readonly scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    const threads = Math.max(1, options.threads ?? options.workers ?? 1);
    const makeParallel = options.parallel;
    if (threads > 1 && !makeParallel) {
      const option = options.threads !== undefined ? 'threads' : 'workers';
      throw new RangeError(
        `${option}: ${threads} needs an executor for the threads: pass { ${option}: ${threads}, parallel: parallelFor } (import { parallelFor } from 'interethnic-city'), or leave ${option} out to run on this thread`,
      );
    }
    // The run threads start while the city is built, and share the drawing of its residents.
    const started: { par?: ParallelFor & { close?(): void } } = {};
    this.city = buildCity(
      scenario,
      scenario.seed,
      threads > 1 && makeParallel ? (city) => (started.par = makeParallel(city, threads)) : undefined,
      options.spareMemory,
    );
    this.ctx = threadContext(this.city.world);
    this.ctx.census = censusBlocksOf(this.city.world, this.city.arrays);
    this.par = started.par ?? new SerialFor(this.ctx);
    const world = this.city.world;
    const neighbourhoods = new Neighbourhoods(world);
    neighbourhoods.update(this.ctx.host, true);
    world.env[Env.initialHostPrejudice] = world.env[Env.hostPrejudice];
    this.policies = new PolicyHost(world);
    this.parts = {
      ctx: this.ctx,
      par: this.par,
      neighbourhoods,
      policies: this.policies,
      timeline: { waveArrivals: new Float64Array(world.sizes.groups), cut: 0 },
      demography: { arrived: 0, turnedAway: 0, departed: 0, births: 0, deaths: 0 },
    };
    this.census = new Census(world, this.ctx.census, this.par).take(0);
    this.daySections = sectionsADayChanges(scenario, world.sizes.districts);
    this.census.demography = this.parts.demography;
  }

  /** Shocks and policy starts and stops, for the viewer's timeline. */
  calendar() {
    return calendar(this.scenario, this.policies.names());
  }

  get world() {
    return this.city.world;
  }

  get threads(): number {
    return this.par.threads;
  }

  /**
   * Simulates the next day and, with `record` (the default), retakes the census. Without it
   * the census (and so `indicators()`) keeps describing the last day it was taken; the
   * dynamics are the same either way, since the model never reads the census. The retake
   * recounts only what a day of this scenario can change (censusSections.ts); code that
   * writes residents' state itself between days recounts the rest with `census.take()`.
   */
  advance(record = true): void {
    this.day++;
    this.movesToday = step(this.city.world, this.parts, this.day);
    this.census.spending = this.policies.spendingToday();
    for (const name of this.policies.names()) this.census.policySpending[name] = this.policies.spendingOf(name);
    if (record) this.census.take(this.day, this.daySections);
  }

  /** The indicators of the current day, by name. */
  indicators(): IndicatorValues {
    const out: Record<string, number> = {};
    for (const ind of this.columns) out[ind.name] = ind.value(this.census);
    return out as IndicatorValues;
  }

  /** The indicators of this scenario: the common ones plus spending by policy. */
  get columns(): readonly Indicator[] {
    return (this.cachedColumns ??= [...INDICATORS, ...policySpendingIndicators(this.policies.names())]);
  }
  private cachedColumns?: readonly Indicator[];

  close(): void {
    this.par.close?.();
  }
}
