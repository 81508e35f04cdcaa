import { describe, expect, it } from 'vitest';
import { Count, SPACE_STATS, SpaceStat } from '../../sim/model/world.ts';
import { SpaceKind } from '../../sim/model/spaceTypes.ts';
import type { Simulation } from '../../sim/engine/simulation.ts';
import { expectBounded, problemsOf, run, tail } from './run.ts';

const DAYS = 100;
// A market in every district (the default has one per 25,000 residents), so one can draw from the others.
const SETS = { 'spaces.market.perSpace': 700, 'submodels.labour': false };
const renewal = { type: 'neighbourhoodRenewal', districts: [0], worksDays: 20, draw: 0.5 };

/** Visits to each market over a run. */
function marketVisits() {
  const visits = new Map<number, number>();
  const each = (sim: Simulation) => {
    const { type, stats } = sim.world.spaces;
    for (let s = 0; s < type.length; s++) if (type[s] === SpaceKind.market) visits.set(s, (visits.get(s) ?? 0) + stats[s * SPACE_STATS + SpaceStat.visits]);
  };
  return { each, visits };
}

/** Households' dwellings now, to see who moved. */
function dwellings(sim: Simulation): Int32Array {
  return sim.world.households.dwelling.slice(0, sim.world.counts[Count.households]);
}

describe('neighbourhoodRenewal', () => {
  const baseMarkets = marketVisits();
  const base = run([], DAYS, SETS, baseMarkets.each);

  it('its renewed market draws visitors from the whole city, and encounters there mix more', () => {
    const markets = marketVisits();
    let renewed = -1;
    const on = run([renewal], DAYS, SETS, (sim) => {
      markets.each(sim);
      renewed = sim.world.levers.citywideMarket[0];
    });
    expect(on.sim.world.spaces.district[renewed]).toBe(0);
    expect(markets.visits.get(renewed)!).toBeGreaterThan(2 * baseMarkets.visits.get(renewed)!);
    expect(tail(on, 'outgroup_encounter_share', 28)).toBeGreaterThan(tail(base, 'outgroup_encounter_share', 28));
  });

  it('keeps households in renewed districts who would move away, and renews only its districts', () => {
    const housing = { ...SETS, 'submodels.housing': true };
    const start = run([], 0, housing);
    const before = dwellings(start.sim);
    let raisedOutside = 0;
    const on = run([{ ...renewal, retention: 1 }], DAYS, housing, (sim) => {
      const { type, district } = sim.world.spaces;
      const boost = sim.world.levers.conditionRaise;
      for (let s = 0; s < type.length; s++) if (district[s] !== 0) raisedOutside += boost[s * 4] + boost[s * 4 + 1];
    });
    const without = run([], DAYS, housing);
    const moved = (sim: Simulation, inRenewed: boolean) => {
      const now = dwellings(sim);
      const districtOf = sim.world.dwellings.district;
      let n = 0;
      for (let h = 0; h < before.length; h++) if ((districtOf[before[h]] === 0) === inRenewed && now[h] !== before[h]) n++;
      return n;
    };
    expect(moved(without.sim, true)).toBeGreaterThan(10);
    // Households of district 0 stay once the works are done (day 20); elsewhere they move as before.
    expect(moved(on.sim, true)).toBeLessThan(0.5 * moved(without.sim, true));
    expect(moved(on.sim, false)).toBeGreaterThan(0.5 * moved(without.sim, false));
    expect(raisedOutside).toBe(0);
  });

  it('renews places for everyone, so a target is refused', () => {
    expect(problemsOf({ type: 'neighbourhoodRenewal', target: ['host'] })).toEqual([expect.stringContaining('policies[0].target: unknown field')]);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(renewal, base, SETS);
  });
});
