import type { ThreadContext } from './context.ts';
import { gatherVisitors } from './gather.ts';
import { moveHouseholds } from './housing.ts';
import { Phase, type ParallelFor } from './phases.ts';
import { SLOTS } from './schedule.ts';
import { Count, Env, type World } from './world.ts';

/** Serial bookkeeping before the parallel phases of a day. */
export function updateEnv(world: World, host: number): void {
  const { group, prejudice } = world.residents;
  const R = world.counts[Count.residents];
  let sum = 0;
  let n = 0;
  for (let i = 0; i < R; i++) {
    if (group[i] === host) {
      sum += prejudice[i];
      n++;
    }
  }
  world.env[Env.hostPrejudice] = n > 0 ? sum / n : 0;
}

/** One day: slots of visits and encounters, then daily updates, then moves. Returns moves made. */
export function step(world: World, ctx: ThreadContext, par: ParallelFor, day: number): number {
  const sub = world.scenario.submodels;
  world.spaces.stats.fill(0);
  updateEnv(world, ctx.host);
  if (sub.contact && world.sizes.spaces > 0) {
    for (let slot = 0; slot < SLOTS; slot++) {
      par.run(Phase.plan, world.counts[Count.residents], day, slot);
      gatherVisitors(world);
      par.run(Phase.meet, world.sizes.spaces, day, slot);
    }
  }
  if (sub.language || sub.labour) par.run(Phase.daily, world.counts[Count.residents], day, 0);
  if (!sub.housing) return 0;
  par.run(Phase.housing, world.counts[Count.households], day, 0);
  return moveHouseholds(world, ctx.stream, day);
}
