import { definePolicy, policySchema } from './policy.ts';
import { real, share } from '../../scenarios/schema/param.ts';
import { hostsIn } from './reach.ts';

/**
 * Welcoming campaigns (Carnegie Corporation in the seed report: 16 US states where hosts
 * "use their history of hospitality to reach out to people who are newcomers"): an indirect
 * form of contact that slowly lowers the prejudice of the hosts it reaches.
 */
export const welcomingCampaign = definePolicy({
  type: 'welcomingCampaign',
  title: 'Welcoming campaign (Carnegie, 16 US states)',
  source:
    'Seed report: Geraldine Mannion (Carnegie Corporation): welcoming campaigns in 16 states, explaining ' +
    'that newcomers "are not unlike people who have come before them". Indirect contact works: imagined ' +
    'contact d = 0.35 (Miles & Crisp 2014), extended contact r = .25 (Zhou et al. 2019, PSPR 23:132).',
  mechanism:
    'While the campaign runs, the prejudice of host residents of the covered districts drifts down: each ' +
    'day it loses `reach` x `dailyEffect` of itself (the expected effect on a resident, who is reached ' +
    "with probability `reach`), against the model's steady pull of attitudes back to their starting " +
    'level. The effect is indirect contact, so it is sized modestly: in a small version of the default ' +
    "city two years at the default reach lower hosts' mean prejudice by about 0.007 and at full reach " +
    'by about 0.02 (from 0.26), well under the laboratory effect of imagined contact. It speaks to the ' +
    'host population: a target without the host group reaches no one. Spending is the host residents ' +
    'reached times the cost per resident reached per day; a political cut scales reach and cost.',
  defaultTarget: 'hosts',
  schema: policySchema('welcomingCampaign', 'A welcoming campaign aimed at the host population.', {
    reach: share(0.3, {
      description: 'Share of the host residents of the covered districts the campaign reaches (events, local media, door to door).',
      unit: 'share of host residents',
      source: 'assumed',
    }),
    dailyEffect: real(0.0005, 0, 1, {
      description: 'Daily drop in the prejudice of a resident the campaign reaches, as a share of it.',
      unit: 'share of prejudice per day',
      source:
        "assumed: sized modestly against imagined contact (d = 0.35, Miles & Crisp 2014); at full reach two years lower hosts' mean prejudice by about 0.02",
    }),
    costPerReachedDay: real(0.02, 0, 1e6, {
      description: 'Cost per resident reached per day.',
      unit: 'currency per resident per day',
      source: 'assumed: about 7 per resident reached per year',
    }),
  }),
  apply(p, _s, ctx) {
    const { world } = ctx;
    const host = world.scenario.population.groups.findIndex((g) => g.host);
    if (!ctx.forGroup(host)) return 0;
    const D = world.sizes.districts;
    let reached = 0;
    for (let d = 0; d < D; d++) if (ctx.inDistrict(d)) reached += p.reach * ctx.scale * hostsIn(world, ctx.residentsIn, d);
    const cost = reached * p.costPerReachedDay;
    if (cost > ctx.budgetLeft) return 0;
    const campaign = world.levers.hostPrejudiceDropFromMessages;
    for (let d = 0; d < D; d++) if (ctx.inDistrict(d)) campaign[d] = Math.min(1, campaign[d] + p.reach * ctx.scale * p.dailyEffect * ctx.effectiveness[d]);
    return cost;
  },
});
