import { describe, expect, it } from 'vitest';
import { SpaceKind } from '../../sim/model/spaceTypes.ts';
import { expectBounded, outcomes, problemsOf, run, total } from './run.ts';

const DAYS = 120;
const taskForce = { type: 'taskForce', effect: 1 };

describe('taskForce', () => {
  const base = run([], DAYS);

  it('changes nothing on its own', () => {
    const alone = run([taskForce], DAYS);
    expect(outcomes(alone)).toEqual(outcomes(base));
    expect(total(alone, 'spending_task_force')).toBeCloseTo(300 * DAYS, 6);
  });

  it('makes the other policies of its districts work better: more incidents mediated', () => {
    const guarantors = { type: 'guarantors', perTenThousand: 2 };
    const alone = run([guarantors], DAYS);
    const together = run([guarantors, taskForce], DAYS);
    expect(total(together, 'incidents_mediated')).toBeGreaterThan(1.2 * total(alone, 'incidents_mediated'));
  });

  it('multiplies the district effects of every policy in its districts by 1 + effect, and nowhere else', () => {
    const policies = [
      { type: 'guarantors', districts: [0, 1] },
      { type: 'welcomingCampaign', districts: [0, 1] },
      { type: 'languageClasses', districts: [0, 1] },
      { type: 'taskForce', districts: [0], effect: 0.5 },
    ];
    const on = run(policies, 2);
    const w = on.sim.world;
    const { mediationChance: mediation, hostPrejudiceDropFromMessages: campaign } = w.levers;
    // Mediation is 1 - exp(-reach x guarantors per 10,000 x boost): 0.3 x 2 in district 1, x 1.5 in district 0.
    expect(mediation[1]).toBeCloseTo(1 - Math.exp(-0.6), 6);
    expect(mediation[0]).toBeCloseTo(1 - Math.exp(-0.9), 6);
    expect(campaign[0] / campaign[1]).toBeCloseTo(1.5, 5);
    const { type, district } = w.spaces;
    const boost = w.levers.conditionRaise;
    const raised = (kind: number, d: number, condition: number) => boost[type.findIndex((t, s) => t === kind && district[s] === d) * 4 + condition];
    expect(raised(SpaceKind.shop, 0, 3) / raised(SpaceKind.shop, 1, 3)).toBeCloseTo(1.5, 5);
    // The classroom of district 0 gets the task force's raise (0.9 x 0.5) of its conditions; district 1's none.
    expect(raised(SpaceKind.class, 0, 0)).toBeCloseTo(0.45, 5);
    expect(raised(SpaceKind.class, 1, 0)).toBe(0);
  });

  it('coordinates programmes rather than serving a group, so a target is refused', () => {
    expect(problemsOf({ type: 'taskForce', target: ['host'] })).toEqual([expect.stringContaining('policies[0].target: unknown field')]);
  });

  it('spends nothing without budget or outside its dates', () => {
    expectBounded(taskForce, base);
  });
});
