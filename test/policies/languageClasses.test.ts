import { describe, expect, it } from 'vitest';
import { Count, Flag } from '../../sim/model/world.ts';
import { AgeClass, NONE, SpaceKind } from '../../sim/model/spaceTypes.ts';
import { homeDistrict } from '../../sim/policies/reach.ts';
import { expectBounded, groupIndex, run, tail } from './run.ts';

const DAYS = 120;
const classes = { type: 'languageClasses', seats: 300 };

describe('languageClasses', () => {
  const base = run([], DAYS);

  it("raises migrants' host language and trust against the same city without it", () => {
    const on = run([classes], DAYS);
    expect(tail(on, 'class_participants')).toBeGreaterThan(50);
    expect(tail(on, 'language_mean') - tail(base, 'language_mean')).toBeGreaterThan(0.03);
    expect(tail(on, 'trust_migrant') - tail(base, 'trust_migrant')).toBeGreaterThan(0.03);
  });

  it('enrols only adults of its target groups who live in its districts', () => {
    const enrolled = new Set<number>();
    const on = run([{ ...classes, target: ['north_africa'], districts: [0] }], 60, {}, (sim) => {
      const r = sim.world.residents;
      for (let i = 0; i < sim.world.counts[Count.residents]; i++) if (r.flags[i] & Flag.enrolled) enrolled.add(i);
    });
    const w = on.sim.world;
    expect(enrolled.size).toBeGreaterThan(4);
    for (const i of enrolled) {
      expect(w.residents.group[i]).toBe(groupIndex(w, 'north_africa'));
      expect(homeDistrict(w, i)).toBe(0);
      expect(w.residents.age[i]).toBe(AgeClass.adult);
    }
    // Only the covered district has a classroom.
    for (let d = 0; d < w.sizes.districts; d++) expect(w.lookup.classOf[d] === NONE).toBe(d !== 0);
    expect(w.spaces.type.filter((t) => t === SpaceKind.class).length).toBe(1);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(classes, base);
  });
});
