import { describe, expect, it } from 'vitest';
import { buildCity } from '../../sim/policies/spaceRequests.ts';
import { ThreadedFor } from '../../sim/engine/parallel/parallelFor.ts';
import { Phase } from '../../sim/model/phases.ts';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';

describe('crashed run threads', () => {
  it('a phase that throws in a thread fails the run with the day and the error', () => {
    const par = new ThreadedFor(buildCity(smallCity({ 'population.residents': 1000 })), 2);
    // A phase number that does not exist makes every thread throw.
    expect(() => par.run(99, 1000, 7, 0)).toThrow(/failed: .*day 7, phase 99: .*not a function/);
    par.close();
  });

  it('a run thread that dies is noticed, and the run is abandoned instead of hanging', async () => {
    const city = buildCity(smallCity({ 'population.residents': 1000 }));
    const par = new ThreadedFor(city, 3);
    par.run(Phase.daily, 1000, 1, 0);
    await par.helpers[0].terminate();
    par.stallMs = 1500;
    expect(() => par.run(Phase.daily, 1000, 2, 0)).toThrow(/1 run thread\(s\) stopped responding on day 2/);
  });

  it('after a failure the simulation can be closed without hanging', () => {
    const sim = new Simulation(smallCity({ 'population.residents': 1000 }), { threads: 2, parallel: (c, t) => new ThreadedFor(c, t) });
    sim.advance();
    sim.close();
    expect(sim.day).toBe(1);
  });
});
