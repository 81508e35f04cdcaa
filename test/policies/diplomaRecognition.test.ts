import { describe, expect, it } from 'vitest';
import { Count, Flag } from '../../sim/model/world.ts';
import { expectBounded, groupIndex, run, tail, total } from './run.ts';

const DAYS = 150;
const recognition = { type: 'diplomaRecognition', applyPerYear: 1, processingDays: 30 };
// A city that has recognised no foreign diploma yet, with a brisk labour market (three times
// the default hiring and job loss, the same employment level) so that jobs follow within
// months; attitudes are not needed.
const SETS: Record<string, unknown> = { 'population.residents': 4000, 'submodels.attitudes': false, 'labour.hireRate': 0.0048, 'labour.jobLossRate': 0.0018 };
for (const g of [1, 2, 3, 4]) SETS[`population.groups.${g}.recognised`] = 0;

/** Residents whose diploma was recognised by the end, and who ever had a case open. */
function track(policies: object[], days: number) {
  const applied = new Set<number>();
  const r = run(policies, days, SETS, (sim) => {
    const f = sim.world.residents.flags;
    for (let i = 0; i < sim.world.counts[Count.residents]; i++) if (f[i] & Flag.applied) applied.add(i);
  });
  return { run: r, applied };
}

describe('diplomaRecognition', () => {
  const base = run([], DAYS, SETS);

  it('recognises foreign diplomas after the processing time, which raises migrant employment', () => {
    const on = run([recognition], DAYS, SETS);
    // Nothing is decided before the processing time has passed.
    expect(on.rows[29].diplomas_recognised).toBe(base.rows[29].diplomas_recognised);
    expect(tail(base, 'diplomas_recognised')).toBe(0);
    expect(tail(on, 'diplomas_recognised')).toBeGreaterThan(0.9);
    expect(tail(on, 'employment_migrant', 30) - tail(base, 'employment_migrant', 30)).toBeGreaterThan(0.005);
    expect(tail(on, 'overqualification_migrant', 30)).toBeLessThan(tail(base, 'overqualification_migrant', 30) - 0.03);
    // Cases cost 600 each, paid over their 30 days.
    expect(total(on, 'spending')).toBeGreaterThan(0);
  });

  it('takes applications only from its target groups and districts, and keeps recognitions after it ends', () => {
    const { run: on, applied } = track([{ ...recognition, target: ['north_africa', 'south_asia', 'west_africa'], districts: [0, 1, 2], stop: 100 }], DAYS);
    const w = on.sim.world;
    const b = base.sim.world;
    const served = ['north_africa', 'south_asia', 'west_africa'].map((g) => groupIndex(w, g));
    expect(applied.size).toBeGreaterThan(10);
    let changed = 0;
    for (let i = 0; i < w.counts[Count.residents]; i++) {
      const newly = (w.residents.flags[i] & Flag.recognised) !== (b.residents.flags[i] & Flag.recognised);
      if (!newly && !applied.has(i)) continue;
      changed += newly ? 1 : 0;
      expect(served).toContain(w.residents.group[i]);
      expect([0, 1, 2]).toContain(w.dwellings.district[w.households.dwelling[w.residents.household[i]]]);
    }
    expect(changed).toBeGreaterThan(0);
    // After the stop no case is pending, and the recognitions made stay.
    expect(w.residents.flags.some((f) => (f & Flag.applied) !== 0)).toBe(false);
    expect(on.rows[DAYS - 1].diplomas_recognised).toBe(on.rows[105].diplomas_recognised);
  });

  it('opens no case the budget cannot pay to the end', () => {
    // Ten cases of 600; each is decided, and nothing is spent after the last decision.
    const { run: on, applied } = track([{ ...recognition, budget: 6000 }], DAYS);
    expect(applied.size).toBe(10);
    expect(total(on, 'spending')).toBeCloseTo(6000, 6);
    expect(total(on, 'spending', 32, DAYS)).toBe(0);
    const w = on.sim.world;
    const recognised = [...applied].filter((i) => w.residents.flags[i] & Flag.recognised).length;
    expect(recognised).toBeGreaterThan(3);
    expect([...applied].every((i) => !(w.residents.flags[i] & Flag.applied))).toBe(true);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(recognition, base, SETS, 40, 90);
  });
});
