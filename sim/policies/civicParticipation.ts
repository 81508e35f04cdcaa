import { definePolicy, policySchema } from './policy.ts';
import { real, share } from '../../scenarios/schema/param.ts';
import { Count, Flag } from '../model/world.ts';
import { AgeClass } from '../model/spaceTypes.ts';
import { dailyChance, homeDistrict, present } from './reach.ts';

/**
 * Voter and civic outreach (Carnegie Corporation, in the seed report: "all people who are in
 * the US, are able to participate politically, civically, in all aspects of the country,
 * including voting", and municipal involvement that may not require citizenship).
 */
export const civicParticipation = definePolicy({
  type: 'civicParticipation',
  title: 'Voter and civic outreach (Carnegie)',
  source:
    'Seed report: Geraldine Mannion (Carnegie Corporation): civic and political participation including ' +
    'voting, and municipal involvement that may not require citizenship; Ilda Curti (Turin): new ' +
    'citizens "ask for citizenship, participation, engagement in the social life". Active citizenship is ' +
    'one of the EU Zaragoza indicator areas (Eurostat 2011, Indicators of Immigrant Integration: a Pilot Study).',
  mechanism:
    'Each day, adult migrants of the target groups who live in covered districts and do not yet take ' +
    'part in civic life become participants (registered, voting, in associations) with the daily chance ' +
    'that makes `joinPerYear` a year; participants stay participants. Participation raises belonging (it ' +
    "is part of what a migrant's belonging moves toward), and the outreach itself closes `trustRate` of " +
    "the target residents' gap to full trust each day. Spending is the expected number of new " +
    'participants times the cost per participant reached; a day the budget cannot pay it, there is no ' +
    'outreach. A political cut and a task force scale the chance and the trust rate.',
  defaultTarget: 'migrants',
  schema: policySchema('civicParticipation', 'Voter registration and civic outreach to migrants.', {
    joinPerYear: share(0.1, {
      description: 'Share of the adults reached (not yet participants) who become civic participants in a year.',
      unit: 'share per year',
      source: 'assumed',
    }),
    trustRate: real(0.0002, 0, 1, {
      description: 'Daily share of the gap to full trust in institutions closed for residents of the target groups.',
      unit: 'share of (1 - trust) per day',
      source: 'assumed',
    }),
    costPerParticipant: real(80, 0, 1e7, {
      description: 'Cost of bringing one adult into civic life (registration drives, civic clubs, information).',
      unit: 'currency per participant',
      source: 'assumed',
    }),
  }),
  setup: (_p, world) => ({ eligible: new Float64Array(world.sizes.districts * world.sizes.groups) }),
  apply(p, s, ctx) {
    const { world } = ctx;
    const r = world.residents;
    const G = world.sizes.groups;
    const D = world.sizes.districts;
    const host = world.scenario.population.groups.findIndex((g) => g.host);
    // Adults the outreach can still bring in, by district and group.
    s.eligible.fill(0);
    const R = world.counts[Count.residents];
    for (let i = 0; i < R; i++) {
      const g = r.group[i];
      if (r.age[i] !== AgeClass.adult || g === host || r.flags[i] & Flag.participant || !ctx.forGroup(g) || !present(world, i)) continue;
      const d = homeDistrict(world, i);
      if (ctx.inDistrict(d)) s.eligible[d * G + g]++;
    }
    const chance = dailyChance(p.joinPerYear);
    let expected = 0;
    for (let d = 0; d < D; d++) {
      const k = Math.min(1, chance * ctx.scale * ctx.effectiveness[d]);
      for (let g = 0; g < G; g++) expected += s.eligible[d * G + g] * k;
    }
    const cost = expected * p.costPerParticipant;
    if (cost > ctx.budgetLeft) return 0;
    const { civicJoinChance: civic, trustGain: trust } = world.levers;
    for (let d = 0; d < D; d++) {
      if (!ctx.inDistrict(d)) continue;
      for (let g = 0; g < G; g++) {
        if (g === host || !ctx.forGroup(g)) continue;
        const k = d * G + g;
        civic[k] = Math.min(1, civic[k] + chance * ctx.scale * ctx.effectiveness[d]);
        trust[k] = Math.min(1, trust[k] + p.trustRate * ctx.scale * ctx.effectiveness[d]);
      }
    }
    return cost;
  },
});
