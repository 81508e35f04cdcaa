import type { ThreadContext } from './context.ts';
import { startVisitorLists } from './gather.ts';
import { visitorBlocks } from './visitorBlocks.ts';
import { moveHouseholds } from './housing.ts';
import { Phase, type ParallelFor } from './phases.ts';
import { SLOTS } from './schedule.ts';
import { Count, type World } from './world.ts';
import { applyTimeline, type TimelineToday } from './timeline.ts';
import type { Neighbourhoods } from './neighbourhoods.ts';
import { demographyDay, type DemographyToday } from './demography.ts';
import { resetLevers } from './levers.ts';
import { refreshAllport } from './allport.ts';

/**
 * What the step sees of the policies: once a day, after every lever is back at neutral,
 * they set today's levers (the policy host of sim/policies implements it).
 */
export interface DayPolicies {
  /** `cut`: today's political cut; `residentsIn`: residents per district at the start of today. */
  beforeDay(day: number, cut: number, residentsIn: Float64Array): void;
}

/** What a day needs besides the world: the thread context, the executor and the serial parts. */
export interface DayParts {
  ctx: ThreadContext;
  par: ParallelFor;
  neighbourhoods: Neighbourhoods;
  policies: DayPolicies;
  timeline: TimelineToday;
  demography: DemographyToday;
}

/**
 * One day. Serial first: shocks, the neighbourhood aggregates of yesterday's city, levers
 * back to neutral and then set by the policies, arrivals and departures. Then the parallel
 * phases: three slots of visits and encounters, daily updates, housing decisions; then the
 * serial moves. Returns the moves made.
 */
export function step(world: World, parts: DayParts, day: number): number {
  const { ctx, par, neighbourhoods, policies, timeline, demography } = parts;
  const sub = world.scenario.submodels;
  world.spaces.stats.fill(0);
  applyTimeline(world, day, timeline);
  // The neighbourhood aggregates are read by the daily updates and by policies: a city with
  // neither (the classic Schelling model) does not count them.
  const daily = sub.language || sub.labour || sub.attitudes || sub.demography;
  if (daily || world.scenario.policies.length > 0) neighbourhoods.update(ctx.host, false);
  resetLevers(world.levers);
  policies.beforeDay(day, timeline.cut, neighbourhoods.residents);
  refreshAllport(world);
  if (sub.demography) demographyDay(world, day, ctx.stream, timeline, demography);
  if (sub.contact && world.sizes.spaces > 0) {
    const { blocks } = visitorBlocks(world.sizes);
    for (let slot = 0; slot < SLOTS; slot++) {
      par.run(Phase.plan, world.counts[Count.residents], day, slot);
      par.run(Phase.countVisitors, blocks, day, slot);
      startVisitorLists(world);
      par.run(Phase.placeVisitors, blocks, day, slot);
      par.run(Phase.meet, world.sizes.spaces, day, slot);
    }
  }
  // The classic Schelling model has no daily life: skip the phase rather than loop over nobody's updates.
  if (daily) par.run(Phase.daily, world.counts[Count.residents], day, 0);
  if (!sub.housing) return 0;
  par.run(Phase.housing, world.counts[Count.households], day, 0);
  return moveHouseholds(world, ctx.stream, day);
}
