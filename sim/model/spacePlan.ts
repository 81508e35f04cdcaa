import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { districtDistance2, districtOf, type Grid } from './grid.ts';
import { SCENARIO_SPACE_TYPES, SpaceKind } from './spaceTypes.ts';
import type { SpaceRequest } from './spaceRequest.ts';

export interface SpacePlan {
  type: number[];
  district: number[];
  group: number[];
  /** Conditions and encounters of spaces built by policies (NONE-indexed for the others). */
  request: (SpaceRequest | undefined)[];
}

/** How many spaces of each type go in each district; spaces are sorted by type, then district. */
export function planSpaces(
  scenario: Scenario,
  grid: Grid,
  districtResidents: Float64Array,
  districtChildren: Float64Array,
  groupDistrict: Float64Array,
  adults: number,
  requests: readonly SpaceRequest[],
): SpacePlan {
  const D = districtResidents.length;
  const plan: SpacePlan = { type: [], district: [], group: [], request: [] };
  const sub = scenario.submodels;
  if (!sub.contact && !sub.labour) return plan;
  const residents = districtResidents.reduce((a, b) => a + b, 0);
  const specs = scenario.spaces;
  const centre = districtOf(grid, Math.floor(grid.width / 2), Math.floor(grid.height / 2));
  const byCentre = Array.from({ length: D }, (_, d) => d).sort((a, b) => districtDistance2(grid, a, centre) - districtDistance2(grid, b, centre) || a - b);
  const spread = (total: number, ranked: number[]) => {
    const counts = new Array<number>(D).fill(0);
    for (let k = 0; k < total; k++) counts[ranked[k % ranked.length]]++;
    return counts;
  };
  const groups = scenario.population.groups.length;
  for (let t = 0; t < SCENARIO_SPACE_TYPES.length; t++) {
    const type = SCENARIO_SPACE_TYPES[t];
    const per = specs[type].perSpace;
    let counts: number[];
    if (type === 'school') counts = Array.from(districtChildren, (c) => Math.ceil(c / per));
    else if (type === 'workplace') counts = spread(Math.ceil(adults / per), byCentre);
    else if (type === 'shop' || type === 'community') counts = Array.from(districtResidents, (r) => Math.ceil(r / per));
    else if (type === 'market' || type === 'office') counts = spread(residents > 0 ? Math.ceil(residents / per) : 0, byCentre);
    else {
      // Places of worship: each group's own, in the districts where most of its members live.
      const perGroup: number[][] = [];
      for (let g = 0; g < groups; g++) {
        let members = 0;
        for (let d = 0; d < D; d++) members += groupDistrict[g * D + d];
        const ranked = Array.from({ length: D }, (_, d) => d).sort((a, b) => groupDistrict[g * D + b] - groupDistrict[g * D + a] || a - b);
        perGroup.push(spread(members > 0 ? Math.ceil(members / per) : 0, ranked));
      }
      for (let d = 0; d < D; d++)
        for (let g = 0; g < groups; g++)
          for (let k = 0; k < perGroup[g][d]; k++) {
            plan.type.push(t);
            plan.district.push(d);
            plan.group.push(g);
            plan.request.push(undefined);
          }
      continue;
    }
    for (let d = 0; d < D; d++)
      for (let k = 0; k < counts[d]; k++) {
        plan.type.push(t);
        plan.district.push(d);
        plan.group.push(255);
        plan.request.push(undefined);
      }
  }
  // Requested spaces (classrooms, meeting centres), sorted by type then district.
  for (const kind of ['class', 'centre'] as const) {
    const t = SpaceKind[kind];
    for (let d = 0; d < D; d++)
      for (const req of requests)
        if (req.kind === kind && req.district === d) {
          plan.type.push(t);
          plan.district.push(d);
          plan.group.push(255);
          plan.request.push(req);
        }
  }
  return plan;
}
