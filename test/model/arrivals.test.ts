import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';
import { neighbourCounts } from '../../sim/model/housing.ts';
import { NONE } from '../../sim/model/spaceTypes.ts';

function wave(durationDays: number, days: number) {
  const sim = new Simulation(
    smallCity({
      'population.residents': 4000,
      'submodels.labour': true,
      timeline: [{ type: 'arrivalWave', day: 1, durationDays, group: 'west_africa', arrivals: 600 }],
    }),
  );
  let separation = 0;
  let firstYearPrejudice = 0;
  for (let d = 0; d < days; d++) {
    sim.advance();
    const o = sim.indicators();
    separation += o.strategy_separation / days;
    if (d < 365) firstYearPrejudice += o.prejudice_host / 365;
  }
  sim.close();
  return { separation, firstYearPrejudice };
}

describe('arrivals and departures', () => {
  it("faster arrivals produce more separation than slow ones at the same total (MigrAgent), through hosts' perceived threat", () => {
    const fast = wave(30, 900);
    const slow = wave(900, 900);
    expect(fast.firstYearPrejudice).toBeGreaterThan(slow.firstYearPrejudice);
    expect(fast.separation).toBeGreaterThan(slow.separation);
  });

  it('new arrivals settle near co-ethnics (chain migration)', () => {
    const sim = new Simulation(
      smallCity({
        'population.residents': 4000,
        'submodels.contact': false,
        'submodels.housing': false,
        timeline: [{ type: 'arrivalWave', day: 1, durationDays: 20, group: 'south_asia', arrivals: 200 }],
      }),
    );
    const before = sim.world.counts[1];
    for (let d = 0; d < 25; d++) sim.advance();
    const hh = sim.world.households;
    let like = 0;
    let occupied = 0;
    for (let h = before; h < sim.world.counts[1]; h++) {
      const c = neighbourCounts(sim.world, hh.dwelling[h], hh.group[h] + 1, NONE);
      like += c >> 4;
      occupied += c & 15;
    }
    // Newcomers' neighbours are at least twice as often co-ethnic as the group's share of the city.
    const c = sim.census;
    const groupShare = c.residents[3] / c.total(c.residents);
    expect(like / occupied).toBeGreaterThan(2 * groupShare);
    sim.close();
  });

  it('return migration removes households and frees their dwellings', () => {
    const sets = {
      'submodels.contact': false,
      'demography.birthsPerYear': 0,
      'demography.elderDeathsPerYear': 0,
      ...Object.fromEntries([1, 2, 3, 4].map((g) => [`population.groups.${g}.returnRate`, 0.5])),
    };
    const sim = new Simulation(smallCity(sets));
    const start = sim.indicators();
    const vacant = sim.world.counts[2];
    for (let d = 0; d < 365; d++) sim.advance();
    const end = sim.indicators();
    expect(end.migrant_share).toBeLessThan(start.migrant_share * 0.75);
    expect(sim.world.counts[2]).toBeGreaterThan(vacant);
    sim.close();
  });

  it('births add children and elders die', () => {
    const sim = new Simulation(smallCity({ 'submodels.contact': false, 'demography.birthsPerYear': 0.05, 'demography.elderDeathsPerYear': 0.5 }));
    let births = 0;
    let deaths = 0;
    for (let d = 0; d < 100; d++) {
      sim.advance();
      births += sim.indicators().births;
      deaths += sim.indicators().deaths;
    }
    expect(births).toBeGreaterThan(20);
    expect(deaths).toBeGreaterThan(20);
    sim.close();
  });
});
