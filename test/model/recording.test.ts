import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { scenarioFrom } from '../helpers.ts';

/** A city with feedback everywhere: norms, threat, household means and every policy. */
function city(): Simulation {
  const sc = scenarioFrom('all-policies.json', { 'population.residents': 2500 });
  return new Simulation({ ...sc, policies: sc.policies.map((p) => ({ ...p, start: Math.min(Number(p.start), 3) })) });
}

describe('recording', () => {
  it('switching the census off does not change the dynamics', () => {
    const recorded = city();
    const silent = city();
    for (let d = 0; d < 25; d++) {
      recorded.advance(true);
      silent.advance(false);
    }
    silent.census.take(silent.day);
    expect(silent.indicators()).toEqual(recorded.indicators());
    const a = recorded.world.residents;
    const b = silent.world.residents;
    expect(Buffer.from(b.prejudice.buffer).equals(Buffer.from(a.prejudice.buffer))).toBe(true);
    expect(Buffer.from(b.household.buffer).equals(Buffer.from(a.household.buffer))).toBe(true);
    expect(Buffer.from(silent.world.households.means.buffer).equals(Buffer.from(recorded.world.households.means.buffer))).toBe(true);
    recorded.close();
    silent.close();
  });

  it('the census is only read by recorders: taking it twice in a day changes nothing', () => {
    const once = city();
    const often = city();
    for (let d = 0; d < 10; d++) {
      once.advance();
      often.advance();
      often.census.take();
      often.census.take();
    }
    expect(often.indicators()).toEqual(once.indicators());
    once.close();
    often.close();
  });
});
