import { definePolicy, policySchema } from './policy.ts';
import { flag, int, real, share } from '../../scenarios/schema/param.ts';
import { Count, Flag } from '../model/world.ts';
import { AgeClass } from '../model/spaceTypes.ts';
import { homeDistrict, present } from './reach.ts';

/**
 * Skills and mobility courses (the Danish Red Cross teaches immigrant women to cycle, repair
 * a bicycle and know the rules of the road, in the seed report). Graduates move around a
 * wider area, and hosts who see them cycling come to see them "as one of them".
 */
export const mobilityCourse = definePolicy({
  type: 'mobilityCourse',
  title: 'Cycling and mobility courses for migrant women (Danish Red Cross)',
  source:
    'Seed report: Ratna Omidvar (Maytree): the Danish Red Cross teaches immigrant women to cycle, ' +
    '"important because it enables the Danes to see a migrant woman as one of them". Indirect and ' +
    'contextual contact: Christ et al. 2014 (PNAS 111:3996); Zhou et al. 2019 (PSPR 23:132); a wider job-search radius (labour.mobilityHire).',
  mechanism:
    'Adults of the target groups who live in covered districts (only women when `womenOnly`) are ' +
    'enrolled up to the number of seats, each for `courseDays`; a share `completion` graduates and from ' +
    'then on moves in a wider radius (shops, markets and community centres of the adjacent districts ' +
    'too), which they keep after the programme ends. While the programme runs, graduates are seen: hosts ' +
    "of each district lose each day `visibilityEffect` times the graduates' share of the district's " +
    'residents of their prejudice, a form of indirect contact. A participant costs `costPerParticipant`, ' +
    'paid in daily instalments up to the graduation day, and no one is enrolled unless the budget can ' +
    'pay every open course to its end; a political cut shrinks the seats and the visibility. When the ' +
    'programme stops, participants still in a course leave without graduating; graduates keep their ' +
    'wider radius.',
  defaultTarget: 'migrants',
  schema: policySchema('mobilityCourse', 'Cycling and mobility courses.', {
    seats: int(30, 0, 10_000_000, { description: 'Places in courses across the covered districts at any one time.', unit: 'participants' }),
    courseDays: int(56, 1, 3650, { description: 'Days from enrolment to graduation.', unit: 'days', source: 'assumed: eight weeks of weekly lessons' }),
    completion: share(0.85, { description: 'Share of participants who finish the course and graduate.', unit: 'share of participants', source: 'assumed' }),
    womenOnly: flag(true, { description: 'Whether only women are enrolled (as in the Danish Red Cross courses).' }),
    visibilityEffect: real(0.02, 0, 100, {
      description: "Daily drop in hosts' prejudice, as a share of it, per unit share of graduates among the district's residents.",
      unit: 'share of prejudice per day per unit share',
      source: 'assumed; of the order of the extended-contact effect (attitudes.extendedContact) per person seen rather than per tie',
    }),
    costPerParticipant: real(250, 0, 1e7, {
      description: 'Cost of one participant (instructor, bicycle, repair kit), paid in daily instalments up to the graduation day.',
      unit: 'currency per participant',
      source: 'assumed',
    }),
  }),
  setup: (_p, world) => ({
    enrolled: [] as number[],
    graduation: [] as number[],
    graduates: [] as number[],
    inCourse: new Uint8Array(world.sizes.residentCapacity),
    scan: 0,
    seen: new Float64Array(world.sizes.districts),
  }),
  apply(p, s, ctx) {
    const { world, day } = ctx;
    const r = world.residents;
    // Graduation and leavers first, so their seats are free today. A course is paid in daily
    // instalments from the day after enrolment to the graduation day.
    const perDay = p.costPerParticipant / p.courseDays;
    let paying = 0;
    let k = 0;
    for (let e = 0; e < s.enrolled.length; e++) {
      const i = s.enrolled[e];
      if (present(world, i) && s.graduation[e] > day) {
        s.enrolled[k] = i;
        s.graduation[k++] = s.graduation[e];
        continue;
      }
      s.inCourse[i] = 0;
      if (s.graduation[e] === day) paying++;
      if (present(world, i) && ctx.stream.next() < p.completion) {
        r.flags[i] |= Flag.mobility;
        s.graduates.push(i);
      }
    }
    s.enrolled.length = k;
    s.graduation.length = k;
    paying += k;
    // Enrol from a rotating scan of residents while seats are free and the budget can pay
    // every open course to its end.
    const today = paying * perDay;
    let committed = today;
    for (const end of s.graduation) committed += (end - day) * perDay;
    const seats = Math.floor(p.seats * ctx.scale);
    const R = world.counts[Count.residents];
    for (let looked = 0; looked < R && s.enrolled.length < seats && committed + p.costPerParticipant <= ctx.budgetLeft; looked++) {
      const i = s.scan;
      s.scan = (s.scan + 1) % R;
      if (r.age[i] !== AgeClass.adult || r.flags[i] & Flag.mobility || s.inCourse[i] || !ctx.forGroup(r.group[i])) continue;
      if ((p.womenOnly && !(r.flags[i] & Flag.female)) || !present(world, i) || !ctx.inDistrict(homeDistrict(world, i))) continue;
      s.inCourse[i] = 1;
      s.enrolled.push(i);
      s.graduation.push(day + p.courseDays);
      committed += p.costPerParticipant;
    }
    // Visibility: graduates still in the city, by the district they live in now.
    s.seen.fill(0);
    for (const i of s.graduates) if (present(world, i)) s.seen[homeDistrict(world, i)]++;
    const visibility = world.levers.hostPrejudiceDropFromSight;
    for (let d = 0; d < world.sizes.districts; d++) {
      const residents = ctx.residentsIn[d];
      if (s.seen[d] === 0 || residents === 0) continue;
      visibility[d] = Math.min(1, visibility[d] + p.visibilityEffect * (s.seen[d] / residents) * ctx.scale * ctx.effectiveness[d]);
    }
    return today;
  },
  end(_p, s) {
    for (const i of s.enrolled) s.inCourse[i] = 0;
    s.enrolled = [];
    s.graduation = [];
  },
});
