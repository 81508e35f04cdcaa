import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';
import { shownPrejudice } from '../../sim/model/shownPrejudice.ts';

const quiet = { 'submodels.housing': false, 'submodels.demography': false, 'submodels.labour': false };

function series(sets: Record<string, unknown>, days: number, pick: (sim: Simulation) => number) {
  const sim = new Simulation(smallCity({ ...quiet, ...sets }));
  const out = [pick(sim)];
  for (let d = 0; d < days; d++) {
    sim.advance();
    out.push(pick(sim));
  }
  sim.close();
  return out;
}

const media = (extra: Record<string, unknown> = {}) => ({ timeline: [{ type: 'media', day: 30, strength: 0.3, halfLifeDays: 20, buffer: 0.8, ...extra }] });

describe('shocks on the timeline', () => {
  it('a media shock raises host prejudice, which then decays', () => {
    const withShock = series(media(), 150, (s) => s.indicators().prejudice_host);
    const without = series({}, 150, (s) => s.indicators().prejudice_host);
    const diff = withShock.map((v, d) => v - without[d]);
    expect(diff[29]).toBe(0);
    expect(diff[30]).toBeGreaterThan(0.1);
    expect(diff[110]).toBeLessThan(diff[30] / 4);
  });

  it('residents with out-group ties are buffered from a media shock', () => {
    // Two runs, identical until the shock: the bump in each host's shown prejudice on the shock
    // day is much smaller for hosts with out-group ties than for those without.
    const run = (sets: Record<string, unknown>) => {
      const sim = new Simulation(smallCity({ ...quiet, 'ties.tieChance': 0.05, ...sets }));
      for (let d = 0; d < 30; d++) sim.advance();
      const shown = Float64Array.from({ length: sim.world.counts[0] }, (_, i) => shownPrejudice(sim.world, i, 0));
      const ties = Uint16Array.from(sim.world.residents.outgroupTies.subarray(0, sim.world.counts[0]));
      const group = Uint8Array.from(sim.world.residents.group.subarray(0, sim.world.counts[0]));
      sim.close();
      return { shown, ties, group };
    };
    const shock = run(media());
    const calm = run({});
    let tied = 0,
      nTied = 0,
      untied = 0,
      nUntied = 0;
    for (let i = 0; i < shock.shown.length; i++) {
      if (shock.group[i] !== 0) continue;
      const bump = shock.shown[i] - calm.shown[i];
      if (shock.ties[i] >= 3) {
        tied += bump;
        nTied++;
      } else if (shock.ties[i] === 0) {
        untied += bump;
        nUntied++;
      }
    }
    expect(nTied).toBeGreaterThan(10);
    expect(nUntied).toBeGreaterThan(10);
    expect(tied / nTied).toBeLessThan(untied / nUntied / 2);
  });

  it('an economic downturn lowers employment while it lasts', () => {
    const sets = { 'submodels.labour': true, timeline: [{ type: 'downturn', day: 10, durationDays: 200, hireMultiplier: 0.2, jobLossMultiplier: 3 }] };
    const down = series(sets, 300, (s) => s.indicators().employment_host);
    const base = series({ 'submodels.labour': true }, 300, (s) => s.indicators().employment_host);
    expect(down[200]).toBeLessThan(base[200] - 0.05);
    expect(down[9]).toBe(base[9]);
  });

  it('an arrival wave brings the announced number of residents', () => {
    const sets = {
      'submodels.demography': true,
      'demography.birthsPerYear': 0,
      'demography.elderDeathsPerYear': 0,
      timeline: [{ type: 'arrivalWave', day: 5, durationDays: 10, group: 'west_africa', arrivals: 300 }],
    };
    const pop = series(sets, 30, (s) => s.indicators().population);
    const base = series(
      { 'submodels.demography': true, 'demography.birthsPerYear': 0, 'demography.elderDeathsPerYear': 0 },
      30,
      (s) => s.indicators().population,
    );
    const added = pop[30] - base[30];
    expect(added).toBeGreaterThan(240);
    expect(added).toBeLessThan(360);
    expect(pop[4]).toBe(base[4]);
  });
});
