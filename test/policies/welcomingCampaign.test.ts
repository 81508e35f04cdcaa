import { describe, expect, it } from 'vitest';
import { expectBounded, meanOver, outcomes, run, tail, total, who } from './run.ts';

const DAYS = 120;
const campaign = { type: 'welcomingCampaign' };
const SETS = { 'submodels.labour': false };

describe('welcomingCampaign', () => {
  const base = run([], DAYS, SETS);

  it("lowers hosts' prejudice slowly while it runs", () => {
    const on = run([campaign], DAYS, SETS);
    const drop = tail(base, 'prejudice_host') - tail(on, 'prejudice_host');
    // Indirect contact, sized modestly: a few thousandths after four months at the default reach.
    expect(drop).toBeGreaterThan(0.002);
    expect(drop).toBeLessThan(0.02);
    expect(on.rows[29].prejudice_host - base.rows[29].prejudice_host).toBeGreaterThan(on.rows[DAYS - 1].prejudice_host - base.rows[DAYS - 1].prejudice_host);
  });

  it('speaks to hosts only: aimed at a migrant group it reaches no one', () => {
    const off = run([{ ...campaign, target: ['north_africa'] }], DAYS, SETS);
    expect(outcomes(off)).toEqual(outcomes(base));
    expect(total(off, 'spending')).toBe(0);
  });

  it('lowers prejudice in its districts more than elsewhere', () => {
    let outside = 0;
    const on = run([{ ...campaign, districts: [0], reach: 1 }], DAYS, SETS, (sim) => {
      const c = sim.world.levers.hostPrejudiceDropFromMessages;
      outside += c[1] + c[2] + c[3];
    });
    expect(outside).toBe(0);
    const w = on.sim.world;
    const b = base.sim.world;
    const dropIn = (inDistrict: (d: number) => boolean) => {
      const hosts = who(w, { host: true, inDistrict });
      return meanOver(b, b.residents.prejudice, hosts) - meanOver(w, w.residents.prejudice, hosts);
    };
    expect(dropIn((d) => d === 0)).toBeGreaterThan(3 * dropIn((d) => d !== 0));
  });

  it('does nothing without budget or outside its dates', () => {
    expectBounded(campaign, base, SETS);
  });
});
