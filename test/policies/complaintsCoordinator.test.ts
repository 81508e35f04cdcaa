import { describe, expect, it } from 'vitest';
import { Count } from '../../sim/model/world.ts';
import { expectBounded, groupIndex, meanOver, run, tail, who } from './run.ts';

const DAYS = 120;
const coordinator = { type: 'complaintsCoordinator' };
// Attitudes carry trust; the labour market carries discrimination.
const SETS = {};

describe('complaintsCoordinator', () => {
  const base = run([], DAYS, SETS);

  it("raises migrants' trust in institutions", () => {
    const on = run([coordinator], DAYS, SETS);
    expect(tail(on, 'trust_migrant') - tail(base, 'trust_migrant')).toBeGreaterThan(0.015);
  });

  it('acting on discrimination reports raises migrant employment where employers discriminate', () => {
    // Employers who discriminate strongly, so the hiring effect shows in a small city within months.
    const strong = { 'population.residents': 4000, 'labour.discrimination': 0.6, 'submodels.attitudes': false };
    const without = run([], 200, strong);
    const on = run([{ ...coordinator, discriminationCut: 0.5 }], 200, strong);
    expect(tail(on, 'employment_migrant', 30) - tail(without, 'employment_migrant', 30)).toBeGreaterThan(0.004);
    expect(tail(on, 'employment_gap', 30)).toBeLessThan(tail(without, 'employment_gap', 30));
  });

  it('serves only its target groups in its districts', () => {
    // Without the labour market, trust feeds back on nothing, so residents not served are exactly as without it.
    const quiet = { 'submodels.labour': false };
    const without = run([], 60, quiet);
    const on = run([{ ...coordinator, target: ['north_africa', 'south_asia', 'west_africa'], districts: [0, 1] }], 60, quiet, (sim) => {
      const w = sim.world;
      const G = w.sizes.groups;
      const ee = groupIndex(w, 'eastern_europe');
      for (let d = 0; d < w.sizes.districts; d++)
        for (let g = 0; g < G; g++) {
          const servedHere = d <= 1 && g !== ee && g !== groupIndex(w, 'host');
          expect(w.levers.discriminationFactor[d * G + g] < 1).toBe(servedHere);
          expect(w.levers.trustGain[d * G + g] > 0).toBe(servedHere);
        }
    });
    const w = on.sim.world;
    const b = without.sim.world;
    const ee = groupIndex(w, 'eastern_europe');
    const isServed = (i: number) => w.residents.group[i] !== ee && who(w, { host: false, inDistrict: (d) => d <= 1 })(i);
    let differ = 0;
    for (let i = 0; i < w.counts[Count.residents]; i++) if (!isServed(i) && w.residents.trust[i] !== b.residents.trust[i]) differ++;
    expect(differ).toBe(0);
    expect(meanOver(w, w.residents.trust, isServed)).toBeGreaterThan(meanOver(b, b.residents.trust, isServed) + 0.005);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(coordinator, base, SETS);
  });
});
