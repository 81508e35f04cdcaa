import { definePolicy } from './policy.ts';
import { placeSchema } from './placeBased.ts';
import { real } from '../../scenarios/schema/param.ts';

/**
 * A borough task force (the Queens Borough Immigration Task Force, in the seed report): city
 * departments, the police and non-profits meet monthly to learn what immigrants need, so the
 * other programmes of its districts work better. It has no effect of its own.
 */
export const taskForce = definePolicy({
  type: 'taskForce',
  title: 'Borough immigration task force (Queens, New York)',
  source:
    'Seed report: Shi Ho Lin (Grey Panther): the Queens Borough Immigration Task Force meets monthly ' +
    'with non-profits, government staff and a lawyer from the Police Department, so "everybody gets to ' +
    'learn what immigrants need". Howard Duncan (Metropolis): governments and NGOs in partnership give ' +
    'the most successful results.',
  mechanism:
    'The task force runs before the other policies each day and multiplies the effectiveness of every ' +
    'other policy in its districts by 1 + `effect` (scaled by a political cut): mediation chances, ' +
    'raises of Allport conditions, campaign and visibility effects, trust and belonging rates, ' +
    'application and enrolment chances, as each policy applies its own levers. On its own it changes ' +
    'nothing. It coordinates programmes rather than serving a group, so it has no `target`; the ' +
    'programmes keep theirs. Spending is the cost per day, paid only on days the budget can pay it.',
  defaultTarget: 'all',
  runsFirst: true,
  schema: placeSchema('taskForce', 'A task force that coordinates the integration programmes of its districts.', {
    effect: real(0.25, 0, 10, {
      description: 'Rise in the effectiveness of the other policies in the covered districts (their district effects are multiplied by 1 + effect).',
      unit: 'share',
      source: 'assumed',
    }),
    costPerDay: real(300, 0, 1e9, {
      description: 'Cost of the task force (coordinator, monthly meetings) per day.',
      unit: 'currency per day',
      source: 'assumed',
    }),
  }),
  apply(p, _s, ctx) {
    const cost = p.costPerDay * ctx.scale;
    if (cost > ctx.budgetLeft) return 0;
    for (let d = 0; d < ctx.world.sizes.districts; d++) if (ctx.inDistrict(d)) ctx.effectiveness[d] *= 1 + p.effect * ctx.scale;
    return cost;
  },
});
