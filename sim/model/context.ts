import { Stream } from './stream.ts';
import type { World } from './world.ts';
import type { CensusBlocks } from './censusLayout.ts';

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
  /** The census phase's rows of partial sums (shared by the run threads), once the simulation has made them. */
  census?: CensusBlocks;
}

export function threadContext(world: World): ThreadContext {
  return {
    world,
    stream: new Stream(world.root),
    host: world.scenario.population.groups.findIndex((g) => g.host),
    initialPrejudice: Float64Array.from(world.scenario.population.groups, (g) => g.prejudice),
  };
}
