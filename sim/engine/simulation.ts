import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { compile, type City } from '../model/compile.ts';
import { threadContext, type ThreadContext } from '../model/context.ts';
import { Census } from '../model/census.ts';
import { INDICATORS, policySpendingIndicators, type Indicator } from '../model/indicators.ts';
import type { IndicatorValues } from '../model/indicatorNames.ts';
import type { ParallelFor } from '../model/phases.ts';
import { step, updateEnv, type DayParts } from '../model/step.ts';
import { Env } from '../model/world.ts';
import { PolicyRunner } from '../model/policyRunner.ts';
import { updateNeighbourhoods } from '../model/neighbourhoods.ts';
import { calendar } from '../model/timeline.ts';
import { SerialFor } from './serial.ts';

export interface SimulationOptions {
  /** Threads that share the work of each day; 1 runs everything on the calling thread. */
  workers?: number;
  /** Makes the executor for more than one worker (the worker pool lives in the engine). */
  parallel?: (city: City, workers: number) => ParallelFor & { close(): void };
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
  readonly policies: PolicyRunner;
  private readonly par: ParallelFor & { close?(): void };
  private readonly parts: DayParts;

  constructor(readonly scenario: Scenario, options: SimulationOptions = {}) {
    this.city = compile(scenario, scenario.seed);
    this.ctx = threadContext(this.city.world);
    const workers = Math.max(1, options.workers ?? 1);
    if (workers > 1 && !options.parallel) {
      throw new RangeError(`workers: ${workers} needs an executor for the threads: pass { workers: ${workers}, parallel: parallelFor } (import { parallelFor } from 'interethnic-city'), or leave workers out to run on this thread`);
    }
    this.par = workers > 1 && options.parallel ? options.parallel(this.city, workers) : new SerialFor(this.ctx);
    const world = this.city.world;
    updateEnv(world, this.ctx.host);
    world.env[Env.initialHostPrejudice] = world.env[Env.hostPrejudice];
    this.policies = new PolicyRunner(world);
    this.census = new Census(world).take(0);
    updateNeighbourhoods(world, this.census, true);
    this.parts = {
      ctx: this.ctx,
      par: this.par,
      census: this.census,
      policies: this.policies,
      timeline: { waveArrivals: new Float64Array(world.sizes.groups), cut: 0 },
      demography: this.census.demography,
    };
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
   * Simulates the next day and retakes the census. With `census` false the census (and so
   * `indicators()`, and the neighbourhood aggregates the next day reads) keeps describing the
   * last day it was taken: only for timing models without feedback, like classic Schelling.
   */
  advance(census = true): void {
    this.day++;
    this.movesToday = step(this.city.world, this.parts, this.day);
    this.census.spending = this.policies.spendingToday();
    for (const name of this.policies.names()) this.census.policySpending[name] = this.policies.spendingOf(name);
    if (census) this.census.take(this.day);
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
