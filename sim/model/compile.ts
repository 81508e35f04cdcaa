import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { Purpose, Stream } from './stream.ts';
import { rootKey } from './seed.ts';
import { SharedArrays } from './shared.ts';
import type { SpareMemory } from './spareMemory.ts';
import { layoutWorld, type Sizes, type World } from './world.ts';
import { districtOf, gridFor, tractCount, type Grid } from './grid.ts';
import type { SpaceRequests } from './spaceRequest.ts';
import { capacityFor, gridHouseholds, householdCapacityFor } from './capacity.ts';
import { householdsByPlace, placeHouseholds } from './placeHouseholds.ts';
import { planSpaces } from './spacePlan.ts';
import { fillSpaces } from './fillSpaces.ts';
import { fillRents } from './rent.ts';
import { fillDwellings } from './catchments.ts';
import { placeInitialHouseholds, settleHouseholds } from './settleResidents.ts';
import { Phase, type ParallelFor } from './phases.ts';
import { threadContext } from './context.ts';

/** A compiled city: its state and the shared arrays behind it. */
export interface City {
  world: World;
  grid: Grid;
  arrays: SharedArrays;
}

/**
 * Builds the initial city of a scenario: households, dwellings, residents and spaces, with
 * the extra spaces requested (by the scenario's policies: see sim/policies/spaceRequests.ts).
 * With `parallel`, the run threads are started as soon as the city's memory is laid out and
 * its spaces are in place, and they share the drawing of the residents; the city is the
 * same either way. `spare`: memory of a previous run of this thread to reuse (spareMemory.ts).
 */
export function compile(scenario: Scenario, requests: SpaceRequests, seed = scenario.seed, parallel?: (city: City) => ParallelFor, spare?: SpareMemory): City {
  const root = rootKey(seed);
  const rng = new Stream(root);
  const pop = scenario.population;
  const groups = pop.groups;

  // Households: sizes and groups, until the resident count is reached.
  const drawnSizes = new Uint8Array(pop.residents);
  const drawnGroups = new Uint8Array(pop.residents);
  let households = 0;
  let people = 0;
  rng.reset(Purpose.city, 0, 0, 0);
  while (people < pop.residents) {
    const size = Math.min(8, 1 + rng.poisson(pop.householdSize - 1), pop.residents - people);
    drawnSizes[households] = size;
    let u = rng.next();
    let g = 0;
    while (g < groups.length - 1 && u >= groups[g].share) u -= groups[g++].share;
    drawnGroups[households] = g;
    households++;
    people += size;
  }

  // Room for the households expected to join over city.growthYears (not `days`), at the same density.
  const grid = gridFor(Math.round(gridHouseholds(scenario, households)), scenario.city.density, scenario.city);
  const dwellings = grid.width * grid.height;
  const D = grid.districtsX * grid.districtsY;
  const districtOfCell = new Uint16Array(dwellings);
  for (let y = 0; y < grid.height; y++) for (let x = 0; x < grid.width; x++) districtOfCell[y * grid.width + x] = districtOf(grid, x, y);

  const placed = placeHouseholds(scenario, grid, districtOfCell, drawnGroups, households, rng);
  const order = householdsByPlace(placed, households, districtOfCell, D);
  const home = new Int32Array(households);
  const sizes = new Uint8Array(households);
  const hhGroup = new Uint8Array(households);
  for (let k = 0; k < households; k++) {
    const h = order[k];
    home[k] = placed[h];
    sizes[k] = drawnSizes[h];
    hhGroup[k] = drawnGroups[h];
  }

  // Who lives where, to size the spaces.
  const districtResidents = new Float64Array(D);
  const districtChildren = new Float64Array(D);
  const groupDistrict = new Float64Array(groups.length * D);
  let adults = 0;
  for (let h = 0; h < households; h++) {
    const d = districtOfCell[home[h]];
    districtResidents[d] += sizes[h];
    districtChildren[d] += Math.max(0, sizes[h] - 2);
    groupDistrict[hhGroup[h] * D + d] += sizes[h];
    adults += Math.min(2, sizes[h]);
  }

  const plan = planSpaces(scenario, grid, districtResidents, districtChildren, groupDistrict, adults, requests(D));
  const arrays = new SharedArrays(spare);
  const worldSizes: Sizes = {
    width: grid.width,
    height: grid.height,
    districts: D,
    districtsX: grid.districtsX,
    tracts: tractCount(grid),
    groups: groups.length,
    residentCapacity: capacityFor(scenario, pop.residents),
    householdCapacity: householdCapacityFor(scenario, households),
    spaces: plan.type.length,
  };
  const world = layoutWorld(scenario, worldSizes, root, (name, kind, length) => arrays.alloc(name, kind, length));
  fillSpaces(world, grid, plan);
  fillRents(world, grid);
  fillDwellings(world, grid, districtOfCell);
  placeInitialHouseholds(world, sizes, hhGroup, home, households);
  const city = { world, grid, arrays };
  const par = parallel?.(city);
  if (par) par.run(Phase.settle, households, 0, 0);
  else settleHouseholds(threadContext(world), 0, 0, 0, households);
  return city;
}
