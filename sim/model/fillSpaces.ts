import type { World } from './world.ts';
import { districtDistance2, type Grid } from './grid.ts';
import { NONE, SCENARIO_SPACE_TYPES, SPACE_TYPES, SpaceKind } from './spaceTypes.ts';
import { Purpose, Stream } from './stream.ts';
import { allportScore } from './allport.ts';
import type { SpacePlan } from './spacePlan.ts';

/**
 * Writes the planned spaces into the world (type, district, group, conditions, encounters,
 * workplace skill levels) and the lookups built on them: spaces by type and district,
 * workplaces by level, and each district's market, office, places of worship, class and
 * meeting centre.
 */
export function fillSpaces(world: World, grid: Grid, plan: SpacePlan): void {
  const { spaces, lookup, scenario } = world;
  const D = world.sizes.districts;
  const T = SPACE_TYPES.length;
  const levels = scenario.labour.levels;
  const levelTotal = levels[0] + levels[1] + levels[2];
  const rng = new Stream(world.root).reset(Purpose.city, 5, 0, 0);
  for (let s = 0; s < plan.type.length; s++) {
    const req = plan.request[s];
    spaces.type[s] = plan.type[s];
    spaces.district[s] = plan.district[s];
    spaces.group[s] = plan.group[s];
    if (req) {
      spaces.conditions.set(req.conditions, s * 4);
      spaces.encounters[s] = req.encounters;
    } else {
      const spec = scenario.spaces[SCENARIO_SPACE_TYPES[plan.type[s]]];
      const c = spec.allport;
      spaces.conditions.set([c.equalStatus, c.commonGoals, c.cooperation, c.institutionalSupport], s * 4);
      spaces.encounters[s] = spec.encounters;
    }
    spaces.allport[s] = allportScore(spaces.conditions, s, scenario.contact.institutionalWeight);
    if (plan.type[s] === SpaceKind.workplace) {
      // Skill levels drawn by the scenario's shares.
      const u = rng.next() * levelTotal;
      spaces.level[s] = u < levels[0] ? 0 : u < levels[0] + levels[1] ? 1 : 2;
    }
    lookup.typeDistrictStart[plan.type[s] * D + plan.district[s] + 1]++;
  }
  for (let k = 0; k < T * D; k++) lookup.typeDistrictStart[k + 1] += lookup.typeDistrictStart[k];
  // Workplaces by level, for hiring into a level.
  let w = 0;
  for (let l = 0; l < 3; l++) {
    lookup.levelStart[l] = w;
    for (let s = 0; s < plan.type.length; s++) if (plan.type[s] === SpaceKind.workplace && spaces.level[s] === l) lookup.workplacesByLevel[w++] = s;
  }
  lookup.levelStart[3] = w;

  // For each district, the nearest space of a type (own district first).
  const nearest = (accept: (s: number) => boolean, d: number) => {
    let best = NONE;
    let bestDist = Infinity;
    for (let s = 0; s < plan.type.length; s++) {
      if (!accept(s)) continue;
      const dist = districtDistance2(grid, d, plan.district[s]);
      if (dist < bestDist) {
        best = s;
        bestDist = dist;
      }
    }
    return best;
  };
  for (let d = 0; d < D; d++) {
    lookup.marketOf[d] = nearest((s) => plan.type[s] === SpaceKind.market, d);
    lookup.officeOf[d] = nearest((s) => plan.type[s] === SpaceKind.office, d);
    for (let g = 0; g < world.sizes.groups; g++) lookup.worshipOf[g * D + d] = nearest((s) => plan.type[s] === SpaceKind.worship && plan.group[s] === g, d);
    // Classes serve their own district; a meeting centre its district and the adjacent ones.
    lookup.classOf[d] = nearest((s) => plan.type[s] === SpaceKind.class && plan.district[s] === d, d);
    const centre = nearest((s) => plan.type[s] === SpaceKind.centre, d);
    lookup.centreOf[d] = centre !== NONE && districtDistance2(grid, d, plan.district[centre]) <= 2 ? centre : NONE;
  }
}
