import { definePolicy, policySchema } from './policy.ts';
import { int, real, share, flag } from '../../scenarios/schema/param.ts';
import { Count, Flag } from '../model/world.ts';
import { AgeClass, NONE } from '../model/spaceTypes.ts';
import { NO_SESSION, sessionPlan } from './sessions.ts';
import { homeDistrict } from './reach.ts';

/**
 * Language classes with a civic component taught with local police and city staff (Cardiff,
 * in the seed report: asylum seekers learn English and about law and order from community
 * members and police officers; trust grew until the police hired some of them). Classes are
 * a space with high Allport conditions; guided hours teach the host language at the rate of
 * language.cumulativeHours (cumulative guided hours per CEFR level); the civic part raises trust and brings hosts
 * (officers and staff) into the room.
 */
export const languageClasses = definePolicy({
  type: 'languageClasses',
  title: 'Language classes with a civic component (Cardiff)',
  source:
    'Seed report: Ratna Omidvar (Maytree), the Cardiff language class with police officers. Guided hours ' +
    'per level: Cambridge English, Guided learning hours; German integration course (600 lessons of 45 min, BAMF).',
  mechanism:
    'Eligible adults (target groups, below the target level, in covered districts) are enrolled up to ' +
    "the number of seats. On class days they spend the evening slot in their district's classroom, a " +
    'space with high Allport conditions where they meet each other and, with the civic part, host ' +
    "officers and staff; each class hour adds guided learning (at the rate of language.cumulativeHours for the learner's level and speed) and each " +
    'session raises trust. Participants leave when the course hours are done or the target level is ' +
    'reached; some graduates may be hired into public jobs. A task force in a district raises its ' +
    "classroom's conditions in proportion to its effect. Spending is participant-hours times the cost " +
    'per hour.',
  defaultTarget: 'migrants',
  schema: policySchema('languageClasses', 'Host-language classes with a civic component.', {
    seats: int(200, 0, 10_000_000, { description: 'Places in classes across the covered districts at any one time.', unit: 'participants' }),
    hoursPerWeek: real(9, 0.5, 40, {
      description: 'Guided hours of class per participant per week (in up to 5 weekday evening sessions).',
      unit: 'hours per week',
      source: 'assumed: a typical part-time course',
    }),
    courseHours: real(450, 1, 5000, {
      description: 'Hours of one course; participants leave when done or at the target level.',
      unit: 'hours',
      source: 'BAMF integration course: 600 lessons of 45 minutes',
    }),
    targetLevel: share(0.6, {
      description: 'Proficiency at which a participant has reached the goal and leaves (0.6 = B1).',
      unit: 'proficiency 0..1',
      source: 'BAMF integration course: aims at B1',
    }),
    civic: flag(true, { description: 'Whether police officers and city staff teach a civic part (law, the city, institutions).' }),
    staffPerClass: int(2, 0, 100, {
      description: 'Host residents (officers, staff) attending each class session when the civic part is on.',
      unit: 'residents per class',
    }),
    trustPerSession: share(0.01, {
      description: 'Share of the gap to full trust closed per session with the civic part.',
      unit: 'share of (1 - trust)',
      source: 'assumed',
    }),
    hireGraduates: share(0, {
      description: 'Share of graduates hired into public jobs (as Cardiff police hired some participants).',
      unit: 'share of graduates',
    }),
    costPerHour: real(8, 0, 1e6, { description: 'Cost per participant-hour of class.', unit: 'currency per hour', source: 'assumed' }),
    allport: share(0.9, {
      description: "Allport conditions in the classroom (all four); high: equal status as learners, common goal, cooperation, the city's backing.",
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    encounters: real(3, 0, 50, {
      description: 'Mean conversations each participant starts per session.',
      unit: 'encounters per visitor per slot',
      source: 'assumed',
    }),
  }),
  spaces: (p, districts) =>
    districts.map((district) => ({ kind: 'class' as const, district, conditions: [p.allport, p.allport, p.allport, p.allport], encounters: p.encounters })),
  setup: () => ({ enrolled: [] as number[], staff: [] as number[], scan: 0, graduates: 0 }),
  apply(p, s, ctx) {
    const { world, day } = ctx;
    const r = world.residents;
    const R = world.counts[Count.residents];
    const plan = sessionPlan(p.hoursPerWeek, day);
    // Graduates and leavers first, so their seats are free today.
    s.enrolled = s.enrolled.filter((i) => {
      const done = r.classHours[i] >= p.courseHours || r.language[i] >= p.targetLevel || world.households.size[r.household[i]] === 0;
      if (!done) return true;
      r.flags[i] &= ~Flag.enrolled;
      if (r.language[i] >= p.targetLevel) {
        s.graduates++;
        if (r.job[i] === NONE && ctx.stream.next() < p.hireGraduates) {
          const d = homeDistrict(world, i);
          r.job[i] = world.lookup.officeOf[d];
        }
      }
      return false;
    });
    const seats = Math.floor(p.seats * ctx.scale);
    const hours = plan === NO_SESSION ? 0 : plan;
    const costPerParticipant = hours * p.costPerHour;
    // Enrol from a rotating scan of residents, as long as seats and budget allow.
    const affordable = costPerParticipant > 0 ? Math.floor(ctx.budgetLeft / costPerParticipant) : Infinity;
    let looked = 0;
    while (s.enrolled.length < Math.min(seats, affordable) && looked < R) {
      const i = s.scan;
      s.scan = (s.scan + 1) % R;
      looked++;
      if (r.age[i] !== AgeClass.adult || r.flags[i] & Flag.enrolled || r.language[i] >= p.targetLevel) continue;
      if (!ctx.forGroup(r.group[i]) || world.households.size[r.household[i]] === 0) continue;
      const d = homeDistrict(world, i);
      if (!ctx.inDistrict(d) || world.lookup.classOf[d] === NONE) continue;
      r.flags[i] |= Flag.enrolled;
      r.classHours[i] = 0;
      s.enrolled.push(i);
    }
    // Stop sessions beyond what the budget pays for.
    while (s.enrolled.length > affordable) r.flags[s.enrolled.pop()!] &= ~Flag.enrolled;
    if (p.civic && s.staff.length === 0) s.staff = pickStaff(world, ctx, p.staffPerClass);
    // A task force in a district makes its classroom work better: its conditions rise in proportion.
    for (let d = 0; d < world.sizes.districts; d++) {
      const c = world.lookup.classOf[d];
      if (c === NONE || ctx.effectiveness[d] === 1 || !ctx.inDistrict(d)) continue;
      for (let k = 0; k < 4; k++) world.levers.conditionRaise[c * 4 + k] += p.allport * (ctx.effectiveness[d] - 1);
    }
    world.levers.sessionHours[0] = hours;
    world.levers.sessionTrustGain[0] = p.civic ? p.trustPerSession : 0;
    return s.enrolled.length * costPerParticipant;
  },
  end(_p, s, world) {
    for (const i of s.enrolled) world.residents.flags[i] &= ~Flag.enrolled;
    for (const i of s.staff) world.residents.flags[i] &= ~Flag.classStaff;
    s.enrolled = [];
    s.staff = [];
  },
});

/** Employed host adults living in each covered district, a few per class, as the civic staff. */
function pickStaff(world: import('../model/world.ts').World, ctx: import('./policy.ts').PolicyDay, perClass: number): number[] {
  const r = world.residents;
  const host = world.scenario.population.groups.findIndex((g) => g.host);
  const perDistrict = new Map<number, number>();
  const staff: number[] = [];
  const R = world.counts[Count.residents];
  for (let i = 0; i < R; i++) {
    if (r.group[i] !== host || r.age[i] !== AgeClass.adult || r.job[i] === NONE) continue;
    const d = homeDistrict(world, i);
    if (!ctx.inDistrict(d) || world.lookup.classOf[d] === NONE) continue;
    const n = perDistrict.get(d) ?? 0;
    if (n >= perClass) continue;
    perDistrict.set(d, n + 1);
    r.flags[i] |= Flag.classStaff;
    staff.push(i);
  }
  return staff;
}
