import { definePolicy, policySchema } from './policy.ts';
import { int, real, share } from '../../scenarios/schema/param.ts';
import { Count, Flag } from '../model/world.ts';
import { AgeClass } from '../model/spaceTypes.ts';
import { dailyChance, homeDistrict, present } from './reach.ts';

/**
 * Recognition of foreign diplomas (UNESCO in the seed report). An office takes applications
 * from holders of an unrecognised foreign diploma and decides each after a processing time;
 * a recognised diploma lets employers count the education (sim/model/jobs.ts).
 */
export const diplomaRecognition = definePolicy({
  type: 'diplomaRecognition',
  title: 'Recognition of foreign diplomas (UNESCO)',
  source:
    'Seed report: Hélène-Marie Gosselin (UNESCO): conventions for the recognition of studies and ' +
    'diplomas; not having diplomas recognised is "a source of great frustration for migrants". Effect on ' +
    'work: Brücker, Glitz, Lerche & Romiti 2021 (employment +24.5 points, wages +19.8% three years after ' +
    'full recognition; J. Labor Econ. 39:S1, Table 2).',
  mechanism:
    'Each day every adult of the target groups who lives in a covered district and holds a foreign ' +
    'diploma that is not recognised applies with the daily chance that makes `applyPerYear` a year ' +
    '(marked as applied while the case is pending). A case is decided `processingDays` later: with ' +
    'probability `approval` the diploma is recognised, which lets employers count the education, so the ' +
    'holder can be hired into skilled jobs; a refused applicant may apply again. A case costs ' +
    '`costPerCase`, paid in daily instalments up to its decision, and new cases open only while the ' +
    'budget can pay every open case to its end. A political cut lowers the application rate; when the ' +
    'office closes, pending cases are dropped and recognised diplomas stay.',
  defaultTarget: 'migrants',
  schema: policySchema('diplomaRecognition', 'A recognition office that processes foreign diplomas.', {
    applyPerYear: share(0.25, {
      description: 'Share of eligible holders (an unrecognised foreign diploma) who apply in a year.',
      unit: 'share per year',
      source: 'assumed',
    }),
    processingDays: int(90, 1, 3650, {
      description: 'Days from an application to its decision.',
      unit: 'days',
      source: 'German Recognition Act (BQFG 2012): a decision within three months of a complete application',
    }),
    approval: share(0.7, {
      description: 'Share of decisions that recognise the diploma; the other applicants may apply again.',
      unit: 'share of decisions',
      source: 'assumed',
    }),
    costPerCase: real(600, 0, 1e7, {
      description: 'Cost of processing one application, paid in daily instalments up to its decision.',
      unit: 'currency per case',
      source: 'assumed: of the order of the fees of recognition procedures in Germany (100 to 600 euros)',
    }),
  }),
  setup: () => ({ who: [] as number[], due: [] as number[] }),
  apply(p, s, ctx) {
    const { world, day } = ctx;
    const r = world.residents;
    // Decisions due today (cases are queued in the order they were opened, so by due day).
    // A case is paid in daily instalments from the day after it opens to its decision day.
    const perDay = p.costPerCase / p.processingDays;
    let decided = 0;
    let paying = 0;
    while (decided < s.due.length && s.due[decided] <= day) {
      if (s.due[decided] === day) paying++;
      const i = s.who[decided++];
      r.flags[i] &= ~Flag.applied;
      if (present(world, i) && ctx.stream.next() < p.approval) r.flags[i] |= Flag.recognised;
    }
    if (decided > 0) {
      s.who.splice(0, decided);
      s.due.splice(0, decided);
    }
    paying += s.due.length;
    const today = paying * perDay;
    // Today's instalments and what the open cases will cost after today.
    let committed = today;
    for (const due of s.due) committed += (due - day) * perDay;
    const chance = dailyChance(p.applyPerYear) * ctx.scale;
    const R = world.counts[Count.residents];
    const want = Flag.foreignDiploma | Flag.recognised | Flag.applied;
    for (let i = 0; i < R && committed + p.costPerCase <= ctx.budgetLeft; i++) {
      if ((r.flags[i] & want) !== Flag.foreignDiploma || r.age[i] !== AgeClass.adult || !ctx.forGroup(r.group[i]) || !present(world, i)) continue;
      const d = homeDistrict(world, i);
      if (!ctx.inDistrict(d) || ctx.stream.next() >= chance * ctx.effectiveness[d]) continue;
      r.flags[i] |= Flag.applied;
      s.who.push(i);
      s.due.push(day + p.processingDays);
      committed += p.costPerCase;
    }
    return today;
  },
  end(_p, s, world) {
    for (const i of s.who) world.residents.flags[i] &= ~Flag.applied;
    s.who = [];
    s.due = [];
  },
});
