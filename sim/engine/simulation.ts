import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { compile, type City } from '../model/compile.ts';
import { threadContext, type ThreadContext } from '../model/context.ts';
import { Census } from '../model/census.ts';
import { INDICATORS } from '../model/indicators.ts';
import type { ParallelFor } from '../model/phases.ts';
import { step, updateEnv } from '../model/step.ts';
import { Env } from '../model/world.ts';
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
  private readonly par: ParallelFor & { close?(): void };

  constructor(readonly scenario: Scenario, options: SimulationOptions = {}) {
    this.city = compile(scenario, scenario.seed);
    this.ctx = threadContext(this.city.world);
    const workers = Math.max(1, options.workers ?? 1);
    this.par = workers > 1 && options.parallel ? options.parallel(this.city, workers) : new SerialFor(this.ctx);
    const world = this.city.world;
    updateEnv(world, this.ctx.host);
    world.env[Env.initialHostPrejudice] = world.env[Env.hostPrejudice];
    this.census = new Census(world).take();
  }

  get world() {
    return this.city.world;
  }

  get threads(): number {
    return this.par.threads;
  }

  /** Simulates the next day and retakes the census. */
  advance(): void {
    this.day++;
    this.movesToday = step(this.city.world, this.ctx, this.par, this.day);
    this.census.take();
  }

  /** The indicators of the current day, by name. */
  indicators(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const ind of INDICATORS) out[ind.name] = ind.value(this.census);
    return out;
  }

  close(): void {
    this.par.close?.();
  }
}
