import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';
import { Flag } from '../../sim/model/world.ts';
import { AgeClass, NONE } from '../../sim/model/spaceTypes.ts';

/** Employment of migrant adults with a foreign diploma after some days, recognised or not. */
function diplomaEmployment(recognised: number, days = 400) {
  const sim = new Simulation(
    smallCity({
      'population.residents': 4000,
      'submodels.contact': false,
      'submodels.housing': false,
      'submodels.demography': false,
      'submodels.attitudes': false,
      ...Object.fromEntries(
        [1, 2, 3, 4].flatMap((g) => [
          [`population.groups.${g}.recognised`, recognised],
          [`population.groups.${g}.employment`, 0],
        ]),
      ),
    }),
  );
  for (let d = 0; d < days; d++) sim.advance();
  const r = sim.world.residents;
  let holders = 0;
  let employed = 0;
  for (let i = 0; i < sim.world.counts[0]; i++) {
    if (r.age[i] !== AgeClass.adult || !(r.flags[i] & Flag.foreignDiploma)) continue;
    holders++;
    if (r.job[i] !== NONE) employed++;
  }
  sim.close();
  return employed / holders;
}

function gapWith(sets: Record<string, unknown>, days = 300) {
  const sim = new Simulation(
    smallCity({ 'population.residents': 4000, 'submodels.contact': false, 'submodels.housing': false, 'submodels.demography': false, ...sets }),
  );
  for (let d = 0; d < days; d++) sim.advance();
  const out = sim.indicators();
  sim.close();
  return out;
}

describe('the labour market', () => {
  it('a recognised diploma raises employment odds', () => {
    expect(diplomaEmployment(1)).toBeGreaterThan(diplomaEmployment(0) + 0.03);
  });

  it('employer discrimination widens the employment gap', () => {
    expect(gapWith({ 'labour.discrimination': 0.6 }).employment_gap).toBeGreaterThan(gapWith({ 'labour.discrimination': 0 }).employment_gap);
  });

  it('a weak host language lowers job chances', () => {
    const weak = gapWith({ 'labour.languagePenalty': 3 }).employment_migrant;
    const none = gapWith({ 'labour.languagePenalty': 0 }).employment_migrant;
    expect(none).toBeGreaterThan(weak);
  });

  it('without hiring, nobody finds work, and job loss empties the workplaces', () => {
    const out = gapWith({ 'labour.hireRate': 0, 'labour.jobLossRate': 0.05 }, 120);
    expect(out.employment_host).toBeLessThan(0.01);
  });

  it('the default city has an employment gap that closes with years since arrival', () => {
    const out = gapWith({}, 200);
    expect(out.employment_gap).toBeGreaterThan(0);
    expect(out.employment_migrant_10y_plus).toBeGreaterThan(out.employment_migrant_0_5y);
  });

  it('over-qualification is higher for migrants than for hosts', () => {
    const out = gapWith({}, 100);
    expect(out.overqualification_migrant).toBeGreaterThan(out.overqualification_host);
  });
});
