import { definePolicy } from './policy.ts';
import { placeSchema } from './placeBased.ts';
import { real, share } from '../../scenarios/schema/param.ts';
import { SpaceKind } from '../model/spaceTypes.ts';

/**
 * Inter-ethnic guarantors (Beguinot's "inter-ethnic referees"; the Council of Europe's wish
 * for an institution that survives changes of majority). Guarantors work in districts: they
 * mediate incidents in the district's spaces (a mediated incident does not escalate and
 * counts as a positive encounter) and raise the institutional support of those spaces.
 */
export const guarantors = definePolicy({
  type: 'guarantors',
  title: 'Inter-ethnic guarantors (mediators) in districts',
  source:
    'Seed report: Corrado Beguinot (inter-ethnic guarantors and referees); Gabriella Battaini Dragoni, ' +
    'Council of Europe (continuity across political change). Institutional support matters most: ' +
    'Pettigrew & Tropp 2006.',
  mechanism:
    'In each covered district, guarantors (so many per 10,000 residents) make an incident in the ' +
    "district's spaces mediated with probability 1 - exp(-reach x guarantors per 10,000): a mediated " +
    'incident has no witnesses and no loss of trust and counts as a positive encounter for both parties. ' +
    "They also raise the institutional support of the district's public spaces (not workplaces), which " +
    'lowers the chance of negative encounters and strengthens positive ones. Spending is guarantors ' +
    'times the daily cost. Marked protected, the institution survives a political change. Guarantors ' +
    'serve everyone in their districts, so the policy has no `target`.',
  defaultTarget: 'all',
  schema: placeSchema('guarantors', 'Inter-ethnic guarantors who mediate incidents in their districts.', {
    perTenThousand: real(2, 0, 1000, {
      description: 'Guarantors per 10,000 residents of each covered district.',
      unit: 'guarantors per 10,000 residents',
      source: 'assumed',
    }),
    reach: real(0.3, 0, 100, {
      description: 'Mediation chance is 1 - exp(-reach x guarantors per 10,000): how much of a district one guarantor per 10,000 covers.',
      unit: 'per guarantor per 10,000',
      source: 'assumed: 2 per 10,000 mediate about 45% of incidents',
    }),
    institutionalRaise: share(0.15, {
      description: "Rise of the institutional-support condition of the covered district's spaces.",
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    costPerDay: real(200, 0, 1e6, { description: 'Cost of one guarantor per day.', unit: 'currency per day', source: 'assumed: a public salary' }),
  }),
  apply(p, _s, ctx) {
    const { world } = ctx;
    const D = world.sizes.districts;
    const residents = ctx.residentsIn;
    let guarantorsToday = 0;
    for (let d = 0; d < D; d++) {
      if (!ctx.inDistrict(d)) continue;
      const n = p.perTenThousand * ctx.scale;
      guarantorsToday += (n * residents[d]) / 10_000;
      const mediation = 1 - Math.exp(-p.reach * n * ctx.effectiveness[d]);
      world.levers.mediationChance[d] = 1 - (1 - world.levers.mediationChance[d]) * (1 - mediation);
    }
    const cost = guarantorsToday * p.costPerDay;
    if (cost > ctx.budgetLeft) {
      // The budget is spent: no guarantors today (undo the levers just set).
      for (let d = 0; d < D; d++) if (ctx.inDistrict(d)) world.levers.mediationChance[d] = 0;
      return 0;
    }
    const { type, district } = world.spaces;
    const raise = world.levers.conditionRaise;
    for (let s = 0; s < world.sizes.spaces; s++) {
      if (type[s] === SpaceKind.workplace || !ctx.inDistrict(district[s])) continue;
      raise[s * 4 + 3] += p.institutionalRaise * ctx.scale * ctx.effectiveness[district[s]];
    }
    return cost;
  },
});
