import { definePolicy } from './policy.ts';
import { placeSchema } from './placeBased.ts';
import { int, real, share } from '../../scenarios/schema/param.ts';
import { SpaceKind } from '../model/spaceTypes.ts';
import { spacesIn } from './reach.ts';

/**
 * Teacher training and textbook revision (UNESCO in the seed report): schools of the
 * covered districts meet Allport's conditions better as their teachers are trained.
 */
export const teacherTraining = definePolicy({
  type: 'teacherTraining',
  title: 'Intercultural teacher training and textbook revision (UNESCO)',
  source:
    'Seed report: Hélène-Marie Gosselin (UNESCO): education policy, "revision of textbooks and teacher ' +
    'training", intercultural education. Contact conditions: Allport 1954; Pettigrew & Tropp 2006 ' +
    '(structured programmes that meet the conditions work best; institutional support matters most).',
  mechanism:
    'The schools of the covered districts train their teachers over `trainingDays`: revised textbooks ' +
    'show the groups as equals (equal status), cooperative learning makes pupils of different groups ' +
    'work together (cooperation), and trained teachers back intergroup contact (institutional support). ' +
    'Each condition of those schools rises by its raise times the share of the training done, so ' +
    'encounters between pupils are less often negative and lower prejudice more. Training costs ' +
    '`costPerSchool` per school, paid evenly over the training days (a day the budget cannot pay does ' +
    'not advance the training); once trained, schools cost `upkeepPerSchoolYear` for refresher courses ' +
    'and textbooks, and the raises last while the programme runs. It acts on schools, so it serves every ' +
    'group in them.',
  defaultTarget: 'all',
  schema: placeSchema('teacherTraining', 'Intercultural training of teachers and revised textbooks in schools.', {
    trainingDays: int(365, 1, 3650, {
      description: 'Days to train the teachers of every covered school; the raises grow linearly over them.',
      unit: 'days',
      source: 'assumed: one school year',
    }),
    equalStatusRaise: share(0.15, {
      description: 'Rise of the equal-status condition of a trained school (textbooks that show the groups as equals).',
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    cooperationRaise: share(0.2, {
      description: 'Rise of the cooperation condition of a trained school (cooperative learning across groups).',
      unit: 'scale 0..1',
      source: 'assumed (cooperative learning, e.g. the jigsaw classroom)',
    }),
    institutionalRaise: share(0.1, {
      description: 'Rise of the institutional-support condition of a trained school (teachers who back intergroup contact).',
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    costPerSchool: real(20_000, 0, 1e9, {
      description: 'Cost of training the teachers of one school and revising its textbooks, paid evenly over the training days.',
      unit: 'currency per school',
      source: 'assumed',
    }),
    upkeepPerSchoolYear: real(2000, 0, 1e9, {
      description: 'Cost of refresher courses and textbooks per trained school per year.',
      unit: 'currency per school per year',
      source: 'assumed',
    }),
  }),
  setup: () => ({ trainedDays: 0 }),
  apply(p, s, ctx) {
    const { world } = ctx;
    const D = world.sizes.districts;
    let schools = 0;
    for (let d = 0; d < D; d++) {
      if (!ctx.inDistrict(d)) continue;
      const [first, end] = spacesIn(world, SpaceKind.school, d);
      schools += end - first;
    }
    const training = s.trainedDays < p.trainingDays;
    const cost = schools * ctx.scale * (training ? p.costPerSchool / p.trainingDays : p.upkeepPerSchoolYear / 365);
    if (cost > ctx.budgetLeft) return 0;
    if (training) s.trainedDays = Math.min(p.trainingDays, s.trainedDays + ctx.scale);
    const done = s.trainedDays / p.trainingDays;
    const raise = world.levers.conditionRaise;
    for (let d = 0; d < D; d++) {
      if (!ctx.inDistrict(d)) continue;
      const k = done * ctx.scale * ctx.effectiveness[d];
      const [first, end] = spacesIn(world, SpaceKind.school, d);
      for (let sp = first; sp < end; sp++) {
        raise[sp * 4] += p.equalStatusRaise * k;
        raise[sp * 4 + 2] += p.cooperationRaise * k;
        raise[sp * 4 + 3] += p.institutionalRaise * k;
      }
    }
    return cost;
  },
});
