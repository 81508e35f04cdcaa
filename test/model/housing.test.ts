import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';

function end(sets: Record<string, unknown>, days: number) {
  const sim = new Simulation(smallCity({ 'submodels.demography': false, ...sets }));
  for (let d = 0; d < days; d++) sim.advance();
  return sim;
}

const allport = (v: number) =>
  Object.fromEntries(
    ['school', 'workplace', 'shop', 'market', 'community', 'worship', 'office'].flatMap((t) =>
      ['equalStatus', 'commonGoals', 'cooperation', 'institutionalSupport'].map((k) => [`spaces.${t}.allport.${k}`, v]),
    ),
  );

describe('housing', () => {
  it('tolerance changes with contact: when contact lowers prejudice, fewer households are unhappy', () => {
    const adaptive = end({ ...allport(1), 'housing.prejudiceWeight': 2, 'contact.positiveEffect': 0.02 }, 60);
    const fixed = end({ ...allport(1), 'housing.prejudiceWeight': 0, 'contact.positiveEffect': 0.02 }, 60);
    expect(adaptive.indicators().unhappy_share).toBeLessThan(fixed.indicators().unhappy_share);
    adaptive.close();
    fixed.close();
  });

  it('households that cannot pay the rent leave the dear centre: employment is higher in the centre than at the edge', () => {
    const sim = end({ 'city.districtsX': 3, 'city.districtsY': 3, 'housing.moveProbability': 0.05 }, 200);
    const c = sim.census;
    const rate = (d: number) => c.districtEmployed[d] / c.districtAdults[d];
    const edge = (rate(0) + rate(2) + rate(6) + rate(8)) / 4;
    expect(rate(4)).toBeGreaterThan(edge);
    sim.close();
  });

  it('heterogeneous thresholds: with the same mean, a spread of tolerance changes the outcome', () => {
    const same = end({ 'submodels.contact': false, 'housing.thresholdSpread': 0 }, 60).indicators().percent_similar;
    const spread = end({ 'submodels.contact': false, 'housing.thresholdSpread': 0.3 }, 60).indicators().percent_similar;
    expect(spread).not.toBe(same);
  });

  it('school composition follows residential composition', () => {
    const mixed = end({ 'submodels.contact': false, 'submodels.housing': false, 'city.clustering': 0 }, 0).indicators();
    const clustered = end({ 'submodels.contact': false, 'submodels.housing': false, 'city.clustering': 1 }, 0).indicators();
    expect(clustered.dissimilarity).toBeGreaterThan(mixed.dissimilarity);
    expect(clustered.school_dissimilarity).toBeGreaterThan(mixed.school_dissimilarity);
  });
});
