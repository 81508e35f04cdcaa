import { definePolicy, policySchema } from './policy.ts';
import { real } from '../../scenarios/schema/param.ts';
import { Count } from '../model/world.ts';
import { AgeClass } from '../model/spaceTypes.ts';
import { isWeekend } from '../model/schedule.ts';
import { homeDistrict, present } from './reach.ts';

/**
 * Mother-tongue and multilingual education in primary schools (UNESCO with the Linguamón
 * foundation in Barcelona, in the seed report): migrant children are also taught in their
 * mother tongue, which raises their belonging without slowing their host language.
 */
export const motherTongue = definePolicy({
  type: 'motherTongue',
  title: 'Mother-tongue and multilingual education (UNESCO, Linguamón)',
  source:
    'Seed report: Hélène-Marie Gosselin (UNESCO), with the Linguamón foundation (Barcelona) and the ' +
    'Roberto Varino foundation (Sao Paulo): "a child has the best chance in succeeding initially at the ' +
    'primary level if he is given an education in his mother tongue". Geraldine Mannion (Carnegie): ' +
    'schools must be brought into the process.',
  mechanism:
    'On school days, migrant children of the target groups who live in covered districts (their schools ' +
    'serve their catchment) get mother-tongue teaching: each such day closes `belongingRate` of the gap ' +
    'to full belonging and lets them keep more of their heritage culture. Host-language learning is ' +
    'untouched: the lessons come on top of the host-language school day, so exposure and talk at school ' +
    'go on as before. The school-success indicator (mean of language and belonging of migrant children) ' +
    'rises through belonging. Spending is pupils times the cost per pupil per school day; a political ' +
    'cut serves a smaller share of pupils.',
  defaultTarget: 'migrants',
  schema: policySchema('motherTongue', 'Mother-tongue teaching for migrant children in primary schools.', {
    belongingRate: real(0.001, 0, 1, {
      description: 'Share of the gap to full belonging closed for a pupil on each school day with mother-tongue teaching.',
      unit: 'share of (1 - belonging) per school day',
      source: "assumed: raises migrant children's mean belonging by about 0.06 in two years",
    }),
    costPerPupilDay: real(3, 0, 1e6, {
      description: 'Cost of mother-tongue teaching per pupil per school day.',
      unit: 'currency per pupil per school day',
      source: 'assumed: a few hours a week of a teacher shared by a class',
    }),
  }),
  setup: (_p, world) => ({ pupils: new Float64Array(world.sizes.districts * world.sizes.groups) }),
  apply(p, s, ctx) {
    const { world, day } = ctx;
    if (isWeekend(day)) return 0;
    const r = world.residents;
    const G = world.sizes.groups;
    const D = world.sizes.districts;
    const host = world.scenario.population.groups.findIndex((g) => g.host);
    // Pupils: migrant children of the target groups living in covered districts.
    s.pupils.fill(0);
    const R = world.counts[Count.residents];
    for (let i = 0; i < R; i++) {
      const g = r.group[i];
      if (r.age[i] !== AgeClass.child || g === host || !ctx.forGroup(g) || !present(world, i)) continue;
      const d = homeDistrict(world, i);
      if (ctx.inDistrict(d)) s.pupils[d * G + g]++;
    }
    let pupils = 0;
    for (let k = 0; k < D * G; k++) pupils += s.pupils[k];
    const cost = pupils * ctx.scale * p.costPerPupilDay;
    if (cost > ctx.budgetLeft) return 0;
    for (let d = 0; d < D; d++)
      for (let g = 0; g < G; g++) {
        const k = d * G + g;
        if (s.pupils[k] > 0)
          world.levers.childBelongingGain[k] = Math.min(1, world.levers.childBelongingGain[k] + p.belongingRate * ctx.scale * ctx.effectiveness[d]);
      }
    return cost;
  },
});
