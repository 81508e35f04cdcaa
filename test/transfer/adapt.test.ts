import { describe, expect, it } from 'vitest';
import { adaptPolicy, applyVariant, districtsByRule, groupsByRole, scaleFields } from '../../sim/engine/transfer/adapt.ts';
import type { CityProfile } from '../../sim/engine/transfer/cityProfile.ts';
import { cityProfile } from '../../sim/engine/transfer/cityProfile.ts';
import { scenarioFrom } from '../helpers.ts';

const city: CityProfile = {
  residents: 4000,
  migrants: 1000,
  groups: [
    { name: 'host', host: true, share: 0.75, language: 1, arrives: false },
    { name: 'small', host: false, share: 0.05, language: 0.7, arrives: true },
    { name: 'large', host: false, share: 0.15, language: 0.3, arrives: false },
    { name: 'mid', host: false, share: 0.05, language: 0.5, arrives: true },
  ],
  districts: 4,
  // District 2 holds most migrants; district 1 is the most host-heavy.
  districtMigrants: [200, 50, 600, 150],
  districtHosts: [800, 1200, 400, 600],
};

describe('adaptation rules', () => {
  it('scaleFields scales seats and budget by the factor, keeps seats whole and at least one', () => {
    const { policy, notes } = scaleFields({ type: 'languageClasses', seats: 150, budget: 40_000 }, ['seats', 'budget'], 0.1);
    expect(policy.seats).toBe(15);
    expect(policy.budget).toBe(4000);
    expect(notes).toEqual(['seats 150 → 15', 'budget 40,000 → 4,000']);
    expect(scaleFields({ type: 'languageClasses', seats: 3 }, ['seats'], 0.01).policy.seats).toBe(1);
    expect(scaleFields({ type: 'languageClasses', seats: 0 }, ['seats'], 2).policy.seats).toBe(0);
  });

  it('adaptPolicy scales to the target city over the source city, by residents or by migrants', () => {
    const source = { residents: 40_000, migrants: 4000 };
    const byResidents = adaptPolicy({ type: 'languageClasses', seats: 150 }, { scale: { by: 'residents' } }, { source, city });
    const byMigrants = adaptPolicy({ type: 'languageClasses', seats: 150 }, { scale: { by: 'migrants' } }, { source, city });
    expect(byResidents.ok && byResidents.policy.seats).toBe(15);
    expect(byMigrants.ok && byMigrants.policy.seats).toBe(38);
  });

  it('groupsByRole names the groups by what they are in the city', () => {
    expect(groupsByRole('migrants', city)).toEqual(['small', 'large', 'mid']);
    expect(groupsByRole('largestMigrantGroup', city)).toEqual(['large']);
    expect(groupsByRole('recentArrivals', city)).toEqual(['small', 'mid']);
    expect(groupsByRole('belowB1', city)).toEqual(['large', 'mid']);
    expect(groupsByRole('hosts', city)).toEqual(['host']);
    expect(groupsByRole('all', city)).toEqual(['host', 'small', 'large', 'mid']);
  });

  it('a role no group plays here leaves the practice out of the city, saying why', () => {
    const fluent = { ...city, groups: city.groups.map((g) => ({ ...g, language: g.host ? 1 : 0.8 })) };
    expect(adaptPolicy({ type: 'languageClasses' }, { target: 'belowB1' }, { city: fluent })).toEqual({
      ok: false,
      why: 'none of its groups is a migrant group starting below B1',
    });
  });

  it('target names the city lacks are dropped; with none left the policy serves its default groups', () => {
    const some = adaptPolicy({ type: 'languageClasses', target: ['large', 'syria'] }, {}, { city });
    expect(some.ok && some.policy.target).toEqual(['large']);
    const none = adaptPolicy({ type: 'languageClasses', target: ['syria'] }, {}, { city });
    expect(none.ok && 'target' in none.policy).toBe(false);
  });

  it('place-based policies get no target groups', () => {
    const r = adaptPolicy({ type: 'neighbourhoodRenewal' }, { target: 'migrants' }, { city });
    expect(r.ok && 'target' in r.policy).toBe(false);
  });

  it('districtsByRule picks the highest migrant share and the most segregated districts', () => {
    expect(districtsByRule('highestMigrantShare', 1, city)).toEqual([2]);
    // |m/M − h/H|: 0.2−0.267, 0.05−0.4, 0.6−0.133, 0.15−0.2 → districts 2 and 1 lead.
    expect(districtsByRule('mostSegregated', 2, city)).toEqual([1, 2]);
    expect(districtsByRule('all', 1, city)).toEqual([0, 1, 2, 3]);
  });

  it('districts named by the source must exist in the target city', () => {
    const r = adaptPolicy({ type: 'sharedWorship', districts: [4] }, {}, { city });
    expect(r).toEqual({ ok: false, why: 'district 4 does not exist here (4 districts); choose districts by a rule' });
    const ruled = adaptPolicy({ type: 'sharedWorship', districts: [4] }, { districts: { rule: 'highestMigrantShare', count: 1 } }, { city });
    expect(ruled.ok && ruled.policy.districts).toEqual([2]);
  });

  it('applyVariant sets fields, then multiplies numbers, and names a field it cannot multiply', () => {
    const v = applyVariant({ type: 'languageClasses', seats: 15, civic: true }, { name: 'x', set: { civic: false }, scale: { seats: 2, hoursPerWeek: 2 } });
    expect(v.policy).toEqual({ type: 'languageClasses', seats: 30, civic: false });
    expect(v.problems).toEqual([
      'scale.hoursPerWeek: the practice has no number "hoursPerWeek" to multiply (set it in the practice\'s policy or in the variant\'s "set")',
    ]);
  });

  it('cityProfile counts the residents of each district of the built city', () => {
    const s = scenarioFrom('default.json', { 'population.residents': 2000, 'city.districtsX': 2, 'city.districtsY': 2 });
    const p = cityProfile(s);
    expect(p.districts).toBe(4);
    const total = p.districtMigrants.reduce((a, b) => a + b, 0) + p.districtHosts.reduce((a, b) => a + b, 0);
    expect(total).toBe(2000);
    expect(p.districtMigrants.reduce((a, b) => a + b, 0) / 2000).toBeCloseTo(0.15, 1);
  });
});
