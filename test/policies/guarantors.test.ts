import { describe, expect, it } from 'vitest';
import { SPACE_STATS, SpaceStat } from '../../sim/model/world.ts';
import { expectBounded, problemsOf, run, total } from './run.ts';

const DAYS = 120;
const guarantors = { type: 'guarantors', perTenThousand: 4 };

describe('guarantors', () => {
  const base = run([], DAYS);

  it('mediates incidents, so fewer escalate, against the same city without them', () => {
    const on = run([guarantors], DAYS);
    expect(total(base, 'incidents_mediated')).toBe(0);
    // Model v2 has fewer negative encounters (contact.baseNegative 0.04), so fewer incidents to mediate.
    expect(total(on, 'incidents_mediated')).toBeGreaterThan(10);
    expect(total(on, 'incidents')).toBeLessThan(0.75 * total(base, 'incidents'));
  });

  it('works only in its districts', () => {
    const mediatedIn = [0, 0, 0, 0];
    let boostedOutside = 0;
    let leverOutside = 0;
    let leverInside = Infinity;
    run([{ ...guarantors, districts: [1] }], DAYS, {}, (sim) => {
      const { stats, district, type } = sim.world.spaces;
      const boost = sim.world.levers.conditionRaise;
      for (let s = 0; s < type.length; s++) {
        mediatedIn[district[s]] += stats[s * SPACE_STATS + SpaceStat.mediated];
        if (district[s] !== 1) boostedOutside += boost[s * 4 + 3];
      }
      const m = sim.world.levers.mediationChance;
      leverOutside += m[0] + m[2] + m[3];
      leverInside = Math.min(leverInside, m[1]);
    });
    expect(mediatedIn[1]).toBeGreaterThan(0);
    expect(mediatedIn[0] + mediatedIn[2] + mediatedIn[3]).toBe(0);
    expect(boostedOutside).toBe(0);
    expect(leverOutside).toBe(0);
    expect(leverInside).toBeGreaterThan(0.5);
  });

  it('serves everyone in its districts, so a target is refused', () => {
    expect(problemsOf({ type: 'guarantors', target: ['host'] })).toEqual([expect.stringContaining('default.json: policies[0].target: unknown field')]);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(guarantors, base);
  });
});
