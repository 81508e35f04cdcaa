import { describe, expect, it } from 'vitest';
import { SpaceKind } from '../../sim/model/spaceTypes.ts';
import { SPACE_STATS, SpaceStat } from '../../sim/model/world.ts';
import { expectBounded, CHILD, meanOver, problemsOf, run, total, who } from './run.ts';
import type { Simulation } from '../../sim/engine/simulation.ts';

const DAYS = 120;
const training = { type: 'teacherTraining', trainingDays: 40 };
const SETS = { 'submodels.labour': false };

/** Negative out-group encounters as a share of out-group encounters, in schools, over a run. */
function schoolNegatives() {
  const sums = { outgroup: 0, negative: 0 };
  const each = (sim: Simulation) => {
    const { type, stats } = sim.world.spaces;
    for (let s = 0; s < type.length; s++) {
      if (type[s] !== SpaceKind.school) continue;
      sums.outgroup += stats[s * SPACE_STATS + SpaceStat.outgroup];
      sums.negative += stats[s * SPACE_STATS + SpaceStat.negative];
    }
  };
  return { each, share: () => sums.negative / sums.outgroup };
}

describe('teacherTraining', () => {
  const baseSchools = schoolNegatives();
  const base = run([], DAYS, SETS, baseSchools.each);

  it("makes encounters at school go better and lowers children's prejudice", () => {
    const onSchools = schoolNegatives();
    const on = run([training], DAYS, SETS, onSchools.each);
    // Version 2 weighs the Allport score less in the odds of a negative encounter (contact.allportWeight 1).
    expect(onSchools.share()).toBeLessThan(0.95 * baseSchools.share());
    const w = on.sim.world;
    const b = base.sim.world;
    const children = who(w, { age: CHILD });
    // Children's prejudice falls by about 0.002 over the 120 days: one encounter moves prejudice
    // little (contact.positiveEffect 0.001) against the pull to the own disposition (attitudes.anchor).
    expect(meanOver(w, w.residents.prejudice, children)).toBeLessThan(meanOver(b, b.residents.prejudice, children) - 0.001);
  });

  it('raises the conditions of the schools of its districts only, growing over the training', () => {
    const raised: number[][] = [];
    const on = run([{ ...training, districts: [0], start: 1 }], 60, SETS, (sim) => {
      const { type, district } = sim.world.spaces;
      const boost = sim.world.levers.conditionRaise;
      const row = [0, 0];
      for (let s = 0; s < type.length; s++) {
        const k = type[s] === SpaceKind.school && district[s] === 0 ? 0 : 1;
        row[k] = Math.max(row[k], boost[s * 4] + boost[s * 4 + 1] + boost[s * 4 + 2] + boost[s * 4 + 3]);
      }
      raised.push(row);
    });
    expect(raised.every((row) => row[1] === 0)).toBe(true);
    // 0.15 + 0.2 + 0.1 when trained: a quarter on day 10, half on day 20, all from day 40.
    expect(raised[9][0]).toBeCloseTo(0.45 * 0.25, 5);
    expect(raised[19][0]).toBeCloseTo(0.45 * 0.5, 5);
    expect(raised[59][0]).toBeCloseTo(0.45, 5);
    expect(total(on, 'spending', 1, 40) / 40).toBeGreaterThan(total(on, 'spending', 41, 60) / 20);
  });

  it('acts on schools, so a target is refused', () => {
    expect(problemsOf({ type: 'teacherTraining', target: ['host'] })).toEqual([expect.stringContaining('policies[0].target: unknown field')]);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(training, base, SETS);
  });
});
