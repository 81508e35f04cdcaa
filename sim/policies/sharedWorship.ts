import { definePolicy, type PolicyDay } from './policy.ts';
import { placeSchema } from './placeBased.ts';
import { flag, int, real, share } from '../../scenarios/schema/param.ts';
import { Count, type World } from '../model/world.ts';
import { NONE, SpaceKind } from '../model/spaceTypes.ts';
import { adjacent, homeDistrict, present, spacesIn } from './reach.ts';

/**
 * A place of worship with a meeting centre open to all (the "miracle of Marxloh" in the seed
 * report: a mosque built with the neighbours, its minaret no higher than the church spires,
 * with a meeting place for all residents). Built without the neighbours, the same building
 * can stir hostility when it opens.
 */
export const sharedWorship = definePolicy({
  type: 'sharedWorship',
  title: 'A place of worship with an open meeting centre (Duisburg-Marxloh)',
  source:
    'Seed report: Ratna Omidvar (Maytree): the Marxloh mosque in Duisburg, built "with participation ' +
    'from the local community" and in dialogue with the Catholic priest, with a meeting place for all ' +
    'residents. Merkez mosque (2008), 1,200 worshippers, meeting centre paid in part by the ' +
    'EU and the state, advisory board of churches, parties and neighbours. Contested buildings and ' +
    'hostility: Legewie 2013 (shocks raise hostility, less where there is contact).',
  mechanism:
    'The scenario builds a meeting centre in the first covered district (district 0 when none is given), ' +
    'open to every group, with its own Allport conditions. Residents of its district and the adjacent ' +
    'ones visit its events with probability `visitRate` on weekday evenings and weekend afternoons ' +
    '(besides the community centres and places of worship they go to), and meet there across groups. ' +
    'When `participatory` is false (a building imposed on the neighbourhood), on the day it opens the ' +
    'prejudice of hosts in those districts jumps by `spike` of the gap to full prejudice. Spending is ' +
    'the building cost spread over `buildingDays` plus the running cost per day; a day the budget cannot ' +
    'pay, the centre is closed; a political cut scales the events and the running cost.',
  defaultTarget: 'all',
  schema: placeSchema('sharedWorship', 'A place of worship with a meeting centre open to all residents.', {
    visitRate: share(0.03, {
      description: "Chance that a resident of the centre's district or an adjacent one goes to its events on a weekday evening or weekend afternoon.",
      unit: 'probability per resident per slot',
      source: 'assumed',
    }),
    allport: share(0.75, {
      description:
        'Allport conditions of the meeting centre (all four): neighbours and worshippers meet as equals at shared events, backed by an advisory board.',
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    encounters: real(2, 0, 50, {
      description: 'Mean conversations each visitor starts at the centre.',
      unit: 'encounters per visitor per slot',
      source: 'assumed',
    }),
    participatory: flag(true, {
      description: 'Whether the building was planned with the neighbours (as in Marxloh); if not, hosts nearby react with hostility when it opens.',
    }),
    spike: share(0.05, {
      description:
        "Rise in the prejudice of hosts of the centre's district and the adjacent ones on the opening day of a building that was not planned with them.",
      unit: 'share of (1 - prejudice)',
      source: 'assumed',
    }),
    buildingCost: real(3_000_000, 0, 1e11, { description: 'Cost of building the meeting centre (the public share).', unit: 'currency', source: 'assumed' }),
    buildingDays: int(3650, 1, 36_500, { description: 'Days over which the building cost is paid (like a loan).', unit: 'days', source: 'assumed' }),
    runningCostPerDay: real(500, 0, 1e9, { description: 'Cost of running the centre and its events per day.', unit: 'currency per day', source: 'assumed' }),
  }),
  spaces: (p, districts) => [
    { kind: 'centre' as const, district: districts[0] ?? 0, conditions: [p.allport, p.allport, p.allport, p.allport], encounters: p.encounters },
  ],
  setup: () => ({ opened: false, paidDays: 0 }),
  apply(p, s, ctx) {
    const { world } = ctx;
    const centre = centreOf(world, ctx);
    if (centre === NONE) return 0;
    const capital = s.paidDays < p.buildingDays ? p.buildingCost / p.buildingDays : 0;
    const cost = capital + p.runningCostPerDay * ctx.scale;
    if (cost > ctx.budgetLeft) return 0;
    if (capital > 0) s.paidDays++;
    const here = world.spaces.district[centre];
    world.levers.meetingCentreVisitChance[0] = Math.min(
      1,
      Math.max(world.levers.meetingCentreVisitChance[0], p.visitRate * ctx.scale * ctx.effectiveness[here]),
    );
    if (!s.opened) {
      s.opened = true;
      if (!p.participatory) hostility(world, here, p.spike);
    }
    return cost;
  },
});

/** The meeting centre this policy built: the first centre in its first covered district. */
function centreOf(world: World, ctx: PolicyDay): number {
  for (let d = 0; d < world.sizes.districts; d++) {
    if (!ctx.inDistrict(d)) continue;
    const [first, end] = spacesIn(world, SpaceKind.centre, d);
    return end > first ? first : NONE;
  }
  return NONE;
}

/** Hosts of the centre's district and the adjacent ones take against the building. */
function hostility(world: World, here: number, spike: number): void {
  const r = world.residents;
  const host = world.scenario.population.groups.findIndex((g) => g.host);
  const R = world.counts[Count.residents];
  for (let i = 0; i < R; i++) {
    if (r.group[i] !== host || !present(world, i) || !adjacent(world, here, homeDistrict(world, i))) continue;
    r.prejudice[i] += spike * (1 - r.prejudice[i]);
  }
}
