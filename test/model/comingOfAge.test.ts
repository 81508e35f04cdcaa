import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { smallCity } from '../helpers.ts';
import { AgeClass } from '../../sim/model/spaceTypes.ts';
import { Flag } from '../../sim/model/world.ts';

describe('coming of age', () => {
  it('children who become adults get an education from their group, not low education for life', () => {
    // A short childhood so that many children come of age within the run.
    const sim = new Simulation(
      smallCity({
        'submodels.housing': false,
        'submodels.contact': false,
        'demography.childhoodYears': 1,
        'population.groups.0.education': { medium: 0.4, high: 0.4 },
      }),
    );
    const r = sim.world.residents;
    const children: number[] = [];
    for (let i = 0; i < sim.world.counts[0]; i++) if (r.age[i] === AgeClass.child) children.push(i);
    for (let d = 0; d < 365; d++) sim.advance();
    const grown = children.filter((i) => r.age[i] === AgeClass.adult && r.group[i] === 0);
    expect(grown.length).toBeGreaterThan(100);
    const share = (level: number) => grown.filter((i) => r.education[i] === level).length / grown.length;
    // Expected 0.2 low, 0.4 medium, 0.4 high; before the fix every one of them was low.
    expect(share(0)).toBeLessThan(0.35);
    expect(share(1)).toBeGreaterThan(0.25);
    expect(share(2)).toBeGreaterThan(0.25);
    // Schooled in the city: no foreign diplomas among them, whatever their group.
    expect(children.filter((i) => r.age[i] === AgeClass.adult && r.flags[i] & Flag.foreignDiploma).length).toBe(0);
    sim.close();
  });
});
