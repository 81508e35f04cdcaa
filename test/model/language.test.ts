import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';
import { AgeClass } from '../../sim/model/spaceTypes.ts';

function languageGain(sets: Record<string, unknown>, days = 120) {
  const sim = new Simulation(smallCity({ 'submodels.housing': false, 'submodels.demography': false, 'submodels.labour': false, ...sets }));
  const r = sim.world.residents;
  const R = sim.world.counts[0];
  const before = Float32Array.from(r.language.subarray(0, R));
  for (let d = 0; d < days; d++) sim.advance();
  const gain = { child: 0, adult: 0, nChild: 0, nAdult: 0 };
  for (let i = 0; i < R; i++) {
    if (r.group[i] === 0 || before[i] > 0.8) continue;
    if (r.age[i] === AgeClass.child) {
      gain.child += r.language[i] - before[i];
      gain.nChild++;
    } else if (r.age[i] === AgeClass.adult) {
      gain.adult += r.language[i] - before[i];
      gain.nAdult++;
    }
  }
  sim.close();
  return { child: gain.child / gain.nChild, adult: gain.adult / gain.nAdult };
}

describe('learning the host language', () => {
  it('children learn faster than adults', () => {
    const g = languageGain({});
    expect(g.child).toBeGreaterThan(1.5 * g.adult);
  });

  it('without talk or exposure nobody learns', () => {
    const g = languageGain({ 'language.talkHours': 0, 'language.dailyExposureHours': 0 });
    expect(g.adult).toBe(0);
    expect(g.child).toBe(0);
  });

  it('the hours of a level are the differences of the cumulative hours: with 100 hours per level, 100 hours of exposure add one level', () => {
    // 1 hour a day for 100 days, for an average adult learner (no spread of aptitude, schooling or literacy).
    const average = { 'language.aptitudeSd': 0, 'language.schoolingFactor': [1, 1, 1], 'language.illiterateShare': 0 };
    const g = languageGain(
      {
        ...average,
        'language.cumulativeHours': [100, 200, 300, 400, 500],
        'language.talkHours': 0,
        'language.dailyExposureHours': 1,
        'submodels.contact': false,
      },
      100,
    );
    expect(g.adult).toBeCloseTo(0.2, 2);
  });
});
