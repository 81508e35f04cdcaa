import { describe, expect, it } from 'vitest';
import { Count, Flag } from '../../sim/model/world.ts';
import { NONE } from '../../sim/model/spaceTypes.ts';
import { homeDistrict, present } from '../../sim/policies/reach.ts';
import type { Simulation } from '../../sim/engine/simulation.ts';
import { expectBounded, groupIndex, run, tail } from './run.ts';

const DAYS = 120;
const course = { type: 'mobilityCourse', seats: 100, courseDays: 20 };
const SETS = { 'submodels.labour': false };

/** Residents with the mobility flag. */
function graduates(sim: Simulation): number[] {
  const out: number[] = [];
  const f = sim.world.residents.flags;
  for (let i = 0; i < sim.world.counts[Count.residents]; i++) if (f[i] & Flag.mobility && present(sim.world, i)) out.push(i);
  return out;
}

describe('mobilityCourse', () => {
  const base = run([], DAYS, SETS);

  it('gives graduates a wider radius, and hosts who see them become less prejudiced', () => {
    // In the evening everyone out is at a community centre: graduates may use the neighbouring districts' too.
    const away = { graduates: 0, others: 0 };
    const on = run([course], DAYS, SETS, (sim) => {
      const { location, flags } = sim.world.residents;
      for (let i = 0; i < sim.world.counts[Count.residents]; i++) {
        if (location[i] === NONE || !present(sim.world, i)) continue;
        if (sim.world.spaces.district[location[i]] !== homeDistrict(sim.world, i)) away[flags[i] & Flag.mobility ? 'graduates' : 'others']++;
      }
    });
    expect(graduates(on.sim).length).toBeGreaterThan(50);
    expect(away.graduates).toBeGreaterThan(0);
    expect(away.others).toBe(0);
    expect(tail(base, 'prejudice_host') - tail(on, 'prejudice_host')).toBeGreaterThan(0.005);
  });

  it('enrols only women of its target groups in its districts, and graduates keep their skills after it ends', () => {
    const counts: number[] = [];
    const on = run([{ ...course, target: ['north_africa', 'south_asia', 'west_africa'], districts: [0, 1], stop: 70 }], DAYS, SETS, (sim) =>
      counts.push(graduates(sim).length),
    );
    const w = on.sim.world;
    const served = ['north_africa', 'south_asia', 'west_africa'].map((g) => groupIndex(w, g));
    const all = graduates(on.sim);
    expect(all.length).toBeGreaterThan(10);
    for (const i of all) {
      expect(served).toContain(w.residents.group[i]);
      expect([0, 1]).toContain(homeDistrict(w, i));
      expect(w.residents.flags[i] & Flag.female).toBe(Flag.female);
    }
    // Those still in a course on the stop day do not graduate; the graduates keep the flag.
    expect(counts[DAYS - 1]).toBe(counts[70]);
    const men = run([{ ...course, womenOnly: false }], 30, SETS);
    expect(graduates(men.sim).some((i) => !(men.sim.world.residents.flags[i] & Flag.female))).toBe(true);
  });

  it('enrols no one the budget cannot pay for', () => {
    // Ten courses of 250: ten participants, paid on the 20 days up to their graduation (day 21), and no one after.
    const on = run([{ ...course, budget: 2500, completion: 1 }], 60, SETS);
    expect(graduates(on.sim).length).toBe(10);
    expect(on.rows.reduce((a, r) => a + r.spending, 0)).toBeCloseTo(2500, 6);
    expect(on.rows.slice(21).every((r) => r.spending === 0)).toBe(true);
    expect(on.rows[20].spending).toBeGreaterThan(0);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(course, base, SETS);
  });
});
