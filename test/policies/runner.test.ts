import { describe, expect, it } from 'vitest';
import { run, total } from './run.ts';

describe('policies in a run', () => {
  it('report their spending in a column each, and `spending` is their sum', () => {
    const on = run(
      [
        { type: 'guarantors' },
        { type: 'welcomingCampaign', name: 'campaign_north', districts: [0, 1] },
        { type: 'diplomaRecognition', processingDays: 10, applyPerYear: 1 },
      ],
      30,
      // Nobody's diploma is recognised yet, so there are enough applicants within a month.
      Object.fromEntries([1, 2, 3, 4].map((g) => [`population.groups.${g}.recognised`, 0])),
    );
    const columns = on.sim.columns.map((c) => c.name).filter((n) => n.startsWith('spending'));
    expect(columns).toEqual(['spending', 'spending_guarantors', 'spending_campaign_north', 'spending_diploma_recognition']);
    for (const row of on.rows) expect(row.spending).toBeCloseTo(row.spending_guarantors + row.spending_campaign_north + row.spending_diploma_recognition, 9);
    for (const c of columns) expect(total(on, c)).toBeGreaterThan(0);
  });

  it('stop spending, and acting, when their budget is used up', () => {
    // Guarantors for 3,000 residents cost 2 x 0.3 x 200 = 120 a day: 1,000 pays for 8 days.
    const mediation: number[] = [];
    const on = run([{ type: 'guarantors', budget: 1000 }], 20, {}, (sim) => mediation.push(sim.world.levers.mediationChance[0]));
    expect(total(on, 'spending')).toBeLessThanOrEqual(1000);
    expect(total(on, 'spending')).toBeGreaterThan(900);
    expect(on.rows.slice(0, 8).every((r) => r.spending > 0)).toBe(true);
    expect(on.rows.slice(8).every((r) => r.spending === 0)).toBe(true);
    expect(mediation.slice(0, 8).every((m) => m > 0)).toBe(true);
    expect(mediation.slice(8).every((m) => m === 0)).toBe(true);
  });

  it('a political change stops unprotected policies from its day while protected ones go on', () => {
    const policies = [{ type: 'guarantors', protected: true }, { type: 'welcomingCampaign' }];
    const campaign: number[] = [];
    const mediation: number[] = [];
    const cut = run(policies, 40, { timeline: [{ type: 'politicalChange', day: 20, cut: 1 }] }, (sim) => {
      campaign.push(sim.world.levers.hostPrejudiceDropFromMessages[0]);
      mediation.push(sim.world.levers.mediationChance[0]);
    });
    const days = (from: number, to: number, f: (row: Record<string, number>) => boolean) => cut.rows.slice(from - 1, to).every(f);
    expect(days(1, 19, (r) => r.spending_welcoming_campaign > 0)).toBe(true);
    expect(days(20, 40, (r) => r.spending_welcoming_campaign === 0)).toBe(true);
    expect(days(1, 40, (r) => r.spending_guarantors > 0)).toBe(true);
    expect(campaign.slice(19).every((c) => c === 0)).toBe(true);
    expect(mediation.every((m) => m > 0)).toBe(true);
    // A partial cut scales the unprotected programme from its day.
    const full = run(policies, 30);
    const half = run(policies, 30, { timeline: [{ type: 'politicalChange', day: 20, cut: 0.5 }] });
    expect(half.rows[18].spending_welcoming_campaign).toBe(full.rows[18].spending_welcoming_campaign);
    expect(half.rows[19].spending_welcoming_campaign / full.rows[19].spending_welcoming_campaign).toBeCloseTo(0.5, 6);
    expect(half.rows[29].spending_guarantors).toBeGreaterThan(0);
  });
});
