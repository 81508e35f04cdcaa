import { Stream } from './stream.ts';
import type { World } from './world.ts';

/**
 * What one thread needs to run phases: the world (shared memory) and its own scratch, made
 * once per run so the hot loops allocate nothing.
 */
export interface ThreadContext {
  world: World;
  stream: Stream;
  /** Per-run constants derived from the scenario, precomputed so loops are arithmetic. */
  host: number;
  /** Each group's initial mean prejudice (the reference for tolerance that adapts). */
  initialPrejudice: Float64Array;
}

export function threadContext(world: World): ThreadContext {
  return {
    world,
    stream: new Stream(world.root),
    host: world.scenario.population.groups.findIndex((g) => g.host),
    initialPrejudice: Float64Array.from(world.scenario.population.groups, (g) => g.prejudice),
  };
}
