import { definePolicy, policySchema } from './policy.ts';
import { real, share } from '../../scenarios/schema/param.ts';
import { SpaceKind } from '../model/spaceTypes.ts';
import { spacesIn } from './reach.ts';

/**
 * Multilingual health and service outreach (Sao Paulo, in the seed report: publications in
 * Spanish, English and French for people "traditionally fearful of seeking out
 * information"; the Immigrant Project with civil society): migrants use public offices
 * more, the offices serve them better, and trust grows.
 */
export const serviceOutreach = definePolicy({
  type: 'serviceOutreach',
  title: 'Multilingual health and service outreach (Sao Paulo)',
  source:
    'Seed report: Jose Ricardo Franco Montoro (Sao Paulo): multilingual health publications and the ' +
    'Immigrant Project with civil society; Corrado Beguinot: bringing users and providers of services ' +
    "closer together. Sao Paulo's immigrant reference centre (2014). Institutional support: " +
    'Pettigrew & Tropp 2006.',
  mechanism:
    'Residents of the target groups in covered districts visit public offices `extraVisits` times more ' +
    'often than usual (outreach tells them what is there and that it is safe to come); the offices of ' +
    'covered districts get multilingual staff and materials, which raise their equal-status and ' +
    'institutional-support conditions, so encounters there go better and build trust; and each day ' +
    "closes `trustRate` of the target residents' gap to full trust. Spending is per 10,000 residents of " +
    'the covered districts per day; a political cut and a task force scale the effects.',
  defaultTarget: 'migrants',
  schema: policySchema('serviceOutreach', 'Multilingual outreach of public services.', {
    extraVisits: real(1, 0, 100, {
      description: 'Extra visits to public offices by residents of the target groups, as a multiple of their usual rate (1 doubles it).',
      unit: 'multiple of the usual rate',
      source: 'assumed',
    }),
    equalStatusRaise: share(0.1, {
      description: "Rise of the equal-status condition of the offices of covered districts (service in the visitor's language).",
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    institutionalRaise: share(0.2, {
      description: 'Rise of the institutional-support condition of the offices of covered districts (multilingual staff and materials).',
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    trustRate: real(0.0003, 0, 1, {
      description: 'Daily share of the gap to full trust in institutions closed for residents of the target groups.',
      unit: 'share of (1 - trust) per day',
      source: 'assumed',
    }),
    costPer10kDay: real(150, 0, 1e9, {
      description: 'Cost per 10,000 residents of the covered districts per day.',
      unit: 'currency per 10,000 residents per day',
      source: 'assumed',
    }),
  }),
  apply(p, _s, ctx) {
    const { world } = ctx;
    const D = world.sizes.districts;
    let covered = 0;
    for (let d = 0; d < D; d++) if (ctx.inDistrict(d)) covered += ctx.residentsIn[d];
    const cost = (covered / 10_000) * p.costPer10kDay * ctx.scale;
    if (cost > ctx.budgetLeft) return 0;
    const G = world.sizes.groups;
    const { officeVisitRaise: officeVisits, trustGain: trust } = world.levers;
    const raise = world.levers.conditionRaise;
    for (let d = 0; d < D; d++) {
      if (!ctx.inDistrict(d)) continue;
      const k = ctx.scale * ctx.effectiveness[d];
      for (let g = 0; g < G; g++) {
        if (!ctx.forGroup(g)) continue;
        officeVisits[d * G + g] += p.extraVisits * k;
        trust[d * G + g] = Math.min(1, trust[d * G + g] + p.trustRate * k);
      }
      const [first, end] = spacesIn(world, SpaceKind.office, d);
      for (let s = first; s < end; s++) {
        raise[s * 4] += p.equalStatusRaise * k;
        raise[s * 4 + 3] += p.institutionalRaise * k;
      }
    }
    return cost;
  },
});
