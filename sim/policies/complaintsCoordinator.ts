import { definePolicy, policySchema } from './policy.ts';
import { real, share } from '../../scenarios/schema/param.ts';

/**
 * A coordinator for immigrant complaints with a racial equality plan (Sao Paulo, in the seed
 * report): reports of discrimination are acted on, so employers discriminate less against
 * the groups served and those groups come to trust institutions more.
 */
export const complaintsCoordinator = definePolicy({
  type: 'complaintsCoordinator',
  title: 'Coordinator for immigrant complaints and a racial equality plan (Sao Paulo)',
  source:
    'Seed report: Jose Ricardo Franco Montoro (Sao Paulo): "a coordinator for immigrant complaints and a ' +
    'racial equality plan", drafted with 800 participants who brought their communities\' demands; ' +
    "Sao Paulo's coordination office for migrant policy (2013). MIPEX counts " +
    'anti-discrimination among the integration policy areas.',
  mechanism:
    'In the covered districts, discrimination reports by residents of the target groups are acted on: ' +
    "employers' discrimination against them in hiring is multiplied by 1 - `discriminationCut`, and " +
    'each day closes `trustRate` of the gap to full trust in institutions (their complaints are heard). ' +
    'Both scale with a political cut and with a task force in the district. Spending is the ' +
    "coordinator's office per day, paid only on days the budget can pay it.",
  defaultTarget: 'migrants',
  schema: policySchema('complaintsCoordinator', 'A coordinator who acts on complaints of discrimination.', {
    discriminationCut: share(0.3, {
      description: 'Share of employer discrimination in hiring against the target groups removed while complaints are acted on.',
      unit: 'share of discrimination',
      source: 'assumed',
    }),
    trustRate: real(0.0005, 0, 1, {
      description: 'Daily share of the gap to full trust in institutions closed for residents of the target groups.',
      unit: 'share of (1 - trust) per day',
      source: "assumed: moves migrants' trust up by a few hundredths against its pull back to neutral",
    }),
    costPerDay: real(1000, 0, 1e9, {
      description: "Cost of the coordinator's office (staff, legal follow-up) per day.",
      unit: 'currency per day',
      source: 'assumed',
    }),
  }),
  apply(p, _s, ctx) {
    const { world } = ctx;
    const cost = p.costPerDay * ctx.scale;
    if (cost > ctx.budgetLeft) return 0;
    const G = world.sizes.groups;
    const { discriminationFactor: discrimination, trustGain: trust } = world.levers;
    for (let d = 0; d < world.sizes.districts; d++) {
      if (!ctx.inDistrict(d)) continue;
      const k = ctx.scale * ctx.effectiveness[d];
      for (let g = 0; g < G; g++) {
        if (!ctx.forGroup(g)) continue;
        discrimination[d * G + g] *= Math.max(0, 1 - p.discriminationCut * k);
        trust[d * G + g] = Math.min(1, trust[d * G + g] + p.trustRate * k);
      }
    }
    return cost;
  },
});
