import { describe, expect, it } from 'vitest';
import { SPACE_STATS, SpaceStat } from '../../sim/model/world.ts';
import { SpaceKind } from '../../sim/model/spaceTypes.ts';
import type { Simulation } from '../../sim/engine/simulation.ts';
import { expectBounded, groupIndex, run, tail } from './run.ts';

const DAYS = 120;
const outreach = { type: 'serviceOutreach', extraVisits: 3 };
const SETS = { 'submodels.labour': false };

/** Visits to public offices over a run. */
function officeVisits() {
  const sum = { visits: 0 };
  const each = (sim: Simulation) => {
    const { type, stats } = sim.world.spaces;
    for (let s = 0; s < type.length; s++) if (type[s] === SpaceKind.office) sum.visits += stats[s * SPACE_STATS + SpaceStat.visits];
  };
  return { each, sum };
}

describe('serviceOutreach', () => {
  const baseVisits = officeVisits();
  const base = run([], DAYS, SETS, baseVisits.each);

  it('brings migrants to public offices and raises their trust', () => {
    const visits = officeVisits();
    const on = run([outreach], DAYS, SETS, visits.each);
    // Migrants are 15% of visitors without it; visiting four times as often adds about half.
    expect(visits.sum.visits).toBeGreaterThan(1.25 * baseVisits.sum.visits);
    expect(tail(on, 'trust_migrant') - tail(base, 'trust_migrant')).toBeGreaterThan(0.01);
  });

  it('serves only its target groups, and improves only the offices of its districts', () => {
    // The small city has one office; cover its district.
    const bw = base.sim.world;
    const office = bw.spaces.type.indexOf(SpaceKind.office);
    const here = bw.spaces.district[office];
    let raisedOutside = 0;
    let raisedInside = Infinity;
    run([{ ...outreach, target: ['north_africa'], districts: [here] }], 20, SETS, (sim) => {
      const w = sim.world;
      const G = w.sizes.groups;
      const na = groupIndex(w, 'north_africa');
      for (let k = 0; k < w.sizes.districts * G; k++) {
        const servedHere = k === here * G + na;
        expect(w.levers.officeVisitRaise[k] > 0).toBe(servedHere);
        expect(w.levers.trustGain[k] > 0).toBe(servedHere);
      }
      const { type, district } = w.spaces;
      const boost = w.levers.conditionRaise;
      for (let s = 0; s < type.length; s++) {
        const raise = boost[s * 4] + boost[s * 4 + 3];
        if (type[s] === SpaceKind.office && district[s] === here) raisedInside = Math.min(raisedInside, raise);
        else raisedOutside += raise;
      }
    });
    expect(raisedOutside).toBe(0);
    expect(raisedInside).toBeCloseTo(0.3, 6);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(outreach, base, SETS);
  });
});
