import { describe, expect, it } from 'vitest';
import { Count } from '../../sim/model/world.ts';
import { expectBounded, CHILD, groupIndex, meanOver, run, tail, who } from './run.ts';

const DAYS = 120;
const motherTongue = { type: 'motherTongue', belongingRate: 0.003 };
// Belonging and school success need attitudes; jobs and moves do not.
const SETS = { 'submodels.labour': false };

describe('motherTongue', () => {
  const base = run([], DAYS, SETS);

  it("raises migrant children's school success through belonging, without slowing their host language", () => {
    const on = run([motherTongue], DAYS, SETS);
    expect(tail(on, 'school_success_migrant') - tail(base, 'school_success_migrant')).toBeGreaterThan(0.03);
    const w = on.sim.world;
    const children = who(w, { host: false, age: CHILD });
    expect(meanOver(w, w.residents.belonging, children)).toBeGreaterThan(meanOver(base.sim.world, base.sim.world.residents.belonging, children) + 0.05);
    expect(meanOver(w, w.residents.language, children)).toBeGreaterThanOrEqual(meanOver(base.sim.world, base.sim.world.residents.language, children));
  });

  it('reaches only children of its target groups in its districts', () => {
    const on = run([{ ...motherTongue, target: ['north_africa', 'south_asia', 'west_africa'], districts: [0, 1] }], DAYS, SETS);
    const w = on.sim.world;
    const b = base.sim.world;
    const served = new Set(['north_africa', 'south_asia', 'west_africa'].map((g) => groupIndex(w, g)));
    const covered = (d: number) => d <= 1;
    const inside = (i: number) => served.has(w.residents.group[i]) && who(w, { age: CHILD, inDistrict: covered })(i);
    const outside = (i: number) => w.residents.group[i] !== groupIndex(w, 'host') && !inside(i);
    // Belonging feeds back on nothing else, so children outside the programme are exactly as without it.
    let differ = 0;
    for (let i = 0; i < w.counts[Count.residents]; i++) if (outside(i) && w.residents.belonging[i] !== b.residents.belonging[i]) differ++;
    expect(differ).toBe(0);
    expect(meanOver(w, w.residents.belonging, inside)).toBeGreaterThan(meanOver(b, b.residents.belonging, inside) + 0.05);
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(motherTongue, base, SETS);
  });
});
