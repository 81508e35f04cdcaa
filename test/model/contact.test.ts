import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';

function runDays(sets: Record<string, unknown>, days: number) {
  const sim = new Simulation(smallCity({ 'submodels.housing': false, 'submodels.labour': false, 'submodels.demography': false, ...sets }));
  const first = sim.indicators();
  for (let d = 0; d < days; d++) sim.advance();
  const last = sim.indicators();
  sim.close();
  return { first, last, sim };
}

const allport = (v: number) =>
  Object.fromEntries(
    ['school', 'workplace', 'shop', 'market', 'community', 'worship', 'office'].flatMap((t) =>
      ['equalStatus', 'commonGoals', 'cooperation', 'institutionalSupport'].map((k) => [`spaces.${t}.allport.${k}`, v]),
    ),
  );

describe('contact in spaces', () => {
  it('without contact (and without the slow attitude dynamics), prejudice does not change', () => {
    const { first, last } = runDays({ 'submodels.contact': false, 'submodels.attitudes': false }, 20);
    expect(last.prejudice_host).toBe(first.prejudice_host);
    expect(last.encounters).toBe(0);
  });

  it('residents meet in spaces and some encounters cross groups', () => {
    const { last } = runDays({}, 7);
    expect(last.encounters).toBeGreaterThan(0);
    expect(last.outgroup_encounter_share).toBeGreaterThan(0);
    expect(last.outgroup_encounter_share).toBeLessThan(1);
  });

  it('more positive out-group contact lowers prejudice: high Allport conditions beat low ones', () => {
    const high = runDays(allport(1), 60).last.prejudice_host;
    const low = runDays(allport(0), 60).last.prejudice_host;
    expect(high).toBeLessThan(low);
  });

  it('a language barrier raises the share of negative encounters', () => {
    const fluent = runDays(
      {
        'population.groups.1.language': 1,
        'population.groups.2.language': 1,
        'population.groups.3.language': 1,
        'population.groups.4.language': 1,
        'submodels.language': false,
      },
      14,
    ).last;
    const barrier = runDays(
      {
        'population.groups.1.language': 0,
        'population.groups.2.language': 0,
        'population.groups.3.language': 0,
        'population.groups.4.language': 0,
        'submodels.language': false,
      },
      14,
    ).last;
    expect(barrier.negative_share).toBeGreaterThan(fluent.negative_share);
  });

  it('out-group talk teaches the host language', () => {
    const talk = runDays({ 'language.dailyExposureHours': 0 }, 60);
    const none = runDays({ 'language.dailyExposureHours': 0, 'language.talkHours': 0 }, 60);
    expect(talk.last.language_mean).toBeGreaterThan(talk.first.language_mean);
    expect(none.last.language_mean).toBeCloseTo(none.first.language_mean, 10);
  });
});
