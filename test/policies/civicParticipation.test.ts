import { describe, expect, it } from 'vitest';
import { Count, Flag } from '../../sim/model/world.ts';
import { homeDistrict } from '../../sim/policies/reach.ts';
import { expectBounded, groupIndex, run, tail, total } from './run.ts';

const DAYS = 120;
const outreach = { type: 'civicParticipation', joinPerYear: 0.3 };
const SETS = { 'submodels.labour': false };

describe('civicParticipation', () => {
  const base = run([], DAYS, SETS);

  it('brings migrants into civic life, which raises their belonging and trust', () => {
    const on = run([outreach], DAYS, SETS);
    expect(tail(base, 'participation_migrant')).toBe(0);
    // About 1 - 0.7^(120/365) = 11% of migrant adults in four months.
    expect(tail(on, 'participation_migrant')).toBeGreaterThan(0.08);
    expect(tail(on, 'participation_migrant')).toBeLessThan(0.14);
    expect(tail(on, 'belonging_migrant')).toBeGreaterThan(tail(base, 'belonging_migrant'));
    expect(tail(on, 'trust_migrant') - tail(base, 'trust_migrant')).toBeGreaterThan(0.005);
    // Spending is the expected new participants times the cost per participant (80), so it
    // matches the participants there are up to the chance of who joined: a count of n has a
    // relative spread of about 1/sqrt(n) (n is about 30 here), allowed three times over.
    const w = on.sim.world;
    let participants = 0;
    for (let i = 0; i < w.counts[Count.residents]; i++) if (w.residents.flags[i] & Flag.participant) participants++;
    expect(participants).toBeGreaterThan(15);
    expect(Math.abs(total(on, 'spending') / 80 / participants - 1)).toBeLessThan(3 / Math.sqrt(participants));
  });

  it('reaches only adults of its target groups in its districts, and stops recruiting after it ends', () => {
    const counts: number[] = [];
    // A strong reach, so that the few eligible adults give enough participants to check.
    const on = run([{ ...outreach, joinPerYear: 1, target: ['north_africa', 'south_asia', 'west_africa'], districts: [0, 1], stop: 80 }], DAYS, SETS, (sim) => {
      let n = 0;
      for (let i = 0; i < sim.world.counts[Count.residents]; i++) if (sim.world.residents.flags[i] & Flag.participant) n++;
      counts.push(n);
    });
    const w = on.sim.world;
    const served = ['north_africa', 'south_asia', 'west_africa'].map((g) => groupIndex(w, g));
    let n = 0;
    for (let i = 0; i < w.counts[Count.residents]; i++) {
      if (!(w.residents.flags[i] & Flag.participant)) continue;
      n++;
      expect(served).toContain(w.residents.group[i]);
      expect([0, 1]).toContain(homeDistrict(w, i));
    }
    expect(n).toBeGreaterThan(5);
    // Participants stay participants; no one joins after the stop.
    expect(counts[DAYS - 1]).toBe(counts[80]);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(outreach, base, SETS);
  });
});
