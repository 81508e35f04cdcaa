import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { Purpose, Stream } from './stream.ts';
import { rootKey } from './seed.ts';
import { SharedArrays } from './shared.ts';
import { layoutWorld, Count, Flag, type Sizes, type World } from './world.ts';
import { districtDistance2, districtOf, gridFor, tractCount, tractOf, type Grid } from './grid.ts';
import { AgeClass, NONE, SCENARIO_SPACE_TYPES, SPACE_TYPES, SpaceKind } from './spaceTypes.ts';
import { initResident, MAX_YEARS_SINCE_ARRIVAL } from './people.ts';
import type { SpaceRequest, SpaceRequests } from './spaceRequest.ts';
import { capacityFor, gridHouseholds, householdCapacityFor } from './capacity.ts';
import { allportScore } from './allport.ts';

/** A compiled city: its state and the shared arrays behind it. */
export interface City {
  world: World;
  grid: Grid;
  arrays: SharedArrays;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Builds the initial city of a scenario: households, dwellings, residents and spaces, with
 * the extra spaces requested (by the scenario's policies: see sim/policies/spaceRequests.ts).
 */
export function compile(scenario: Scenario, requests: SpaceRequests, seed = scenario.seed): City {
  const root = rootKey(seed);
  const rng = new Stream(root);
  const pop = scenario.population;
  const groups = pop.groups;
  const host = groups.findIndex((g) => g.host);

  // Households: sizes and groups, until the resident count is reached.
  const sizes = new Uint8Array(pop.residents);
  const hhGroup = new Uint8Array(pop.residents);
  let households = 0;
  let people = 0;
  rng.reset(Purpose.city, 0, 0, 0);
  while (people < pop.residents) {
    const size = Math.min(8, 1 + rng.poisson(pop.householdSize - 1), pop.residents - people);
    sizes[households] = size;
    let u = rng.next();
    let g = 0;
    while (g < groups.length - 1 && u >= groups[g].share) u -= groups[g++].share;
    hhGroup[households] = g;
    households++;
    people += size;
  }

  // Room for the households expected to join over city.growthYears (not `days`), at the same density.
  const grid = gridFor(Math.round(gridHouseholds(scenario, households)), scenario.city.density, scenario.city);
  const dwellings = grid.width * grid.height;
  const D = grid.districtsX * grid.districtsY;
  const districtOfCell = new Uint16Array(dwellings);
  for (let y = 0; y < grid.height; y++) for (let x = 0; x < grid.width; x++) districtOfCell[y * grid.width + x] = districtOf(grid, x, y);

  const home = placeHouseholds(scenario, grid, districtOfCell, hhGroup, households, rng);

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
  const arrays = new SharedArrays();
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
  fillDwellings(world, grid, districtOfCell);
  fillPeople(world, scenario, sizes, hhGroup, home, households, host, rng);
  return { world, grid, arrays };
}

function placeHouseholds(
  scenario: Scenario,
  grid: Grid,
  districtOfCell: Uint16Array,
  hhGroup: Uint8Array,
  households: number,
  rng: Stream,
): Int32Array {
  const n = grid.width * grid.height;
  const D = grid.districtsX * grid.districtsY;
  const groups = scenario.population.groups;
  // A random order of all dwellings, and the same order bucketed by district.
  rng.reset(Purpose.city, 1, 0, 0);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const start = new Int32Array(D + 1);
  for (let i = 0; i < n; i++) start[districtOfCell[i] + 1]++;
  for (let d = 0; d < D; d++) start[d + 1] += start[d];
  const byDistrict = new Int32Array(n);
  const fill = start.slice(0, D);
  for (let k = 0; k < n; k++) byDistrict[fill[districtOfCell[order[k]]]++] = order[k];
  const next = start.slice(0, D);

  // Each migrant group prefers a few districts (chain migration toward co-ethnics).
  const preferredCount = Math.max(1, Math.round(D / 4));
  const preferred: number[][] = groups.map((g, gi) => {
    if (g.host) return [];
    rng.reset(Purpose.city, 2, 0, gi);
    const all = Array.from({ length: D }, (_, d) => d);
    for (let i = D - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [all[i], all[j]] = [all[j], all[i]];
    }
    return all.slice(0, preferredCount);
  });

  const taken = new Uint8Array(n);
  const home = new Int32Array(households);
  let globalNext = 0;
  rng.reset(Purpose.city, 3, 0, 0);
  for (let h = 0; h < households; h++) {
    const pref = preferred[hhGroup[h]];
    let cell = NONE;
    if (pref.length > 0 && rng.next() < scenario.city.clustering) {
      const first = rng.int(pref.length);
      for (let k = 0; k < pref.length && cell === NONE; k++) {
        const d = pref[(first + k) % pref.length];
        while (next[d] < start[d + 1] && taken[byDistrict[next[d]]]) next[d]++;
        if (next[d] < start[d + 1]) cell = byDistrict[next[d]++];
      }
    }
    if (cell === NONE) {
      while (taken[order[globalNext]]) globalNext++;
      cell = order[globalNext++];
    }
    taken[cell] = 1;
    home[h] = cell;
  }
  return home;
}

interface SpacePlan {
  type: number[];
  district: number[];
  group: number[];
  /** Conditions and encounters of spaces built by policies (NONE-indexed for the others). */
  request: (SpaceRequest | undefined)[];
}

/** How many spaces of each type go in each district; spaces are sorted by type, then district. */
function planSpaces(
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

function fillSpaces(world: World, grid: Grid, plan: SpacePlan): void {
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
  // Rent: dearer toward the centre.
  const centreDistrict = districtOf(grid, Math.floor(grid.width / 2), Math.floor(grid.height / 2));
  let far = 0;
  for (let d = 0; d < D; d++) far = Math.max(far, Math.sqrt(districtDistance2(grid, d, centreDistrict)));
  for (let d = 0; d < D; d++) {
    const closeness = far > 0 ? 1 - Math.sqrt(districtDistance2(grid, d, centreDistrict)) / far : 1;
    world.district.rent[d] = 1 + scenario.housing.rentGradient * (closeness - 0.5);
  }
}

function fillDwellings(world: World, grid: Grid, districtOfCell: Uint16Array): void {
  const { dwellings, lookup } = world;
  const D = world.sizes.districts;
  const schoolStart = SpaceKind.school * D;
  // Districts without a school send their children to the nearest district that has one.
  const schoolDistrict = new Int32Array(D);
  for (let d = 0; d < D; d++) {
    let best = NONE;
    let bestDist = Infinity;
    for (let e = 0; e < D; e++) {
      const has = lookup.typeDistrictStart[schoolStart + e + 1] > lookup.typeDistrictStart[schoolStart + e];
      const dist = districtDistance2(grid, d, e);
      if (has && dist < bestDist) {
        best = e;
        bestDist = dist;
      }
    }
    schoolDistrict[d] = best;
  }
  const rowStart = new Int32Array(D).fill(-1);
  const rowEnd = new Int32Array(D);
  for (let y = 0; y < grid.height; y++)
    for (let x = 0; x < grid.width; x++) {
      const d = districtOfCell[y * grid.width + x];
      if (rowStart[d] < 0) rowStart[d] = y;
      rowEnd[d] = y + 1;
    }
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      const i = y * grid.width + x;
      const d = districtOfCell[i];
      dwellings.district[i] = d;
      dwellings.tract[i] = tractOf(grid, x, y);
      dwellings.occupant[i] = NONE;
      // Catchments: a district's schools take bands of rows, so schools mirror their streets.
      const sd = schoolDistrict[d];
      if (sd === NONE) {
        dwellings.school[i] = NONE;
        continue;
      }
      const first = lookup.typeDistrictStart[schoolStart + sd];
      const k = lookup.typeDistrictStart[schoolStart + sd + 1] - first;
      const band = sd === d ? Math.floor(((y - rowStart[d]) * k) / (rowEnd[d] - rowStart[d])) : 0;
      dwellings.school[i] = first + Math.min(k - 1, band);
    }
  }
}

function fillPeople(
  world: World,
  scenario: Scenario,
  sizes: Uint8Array,
  hhGroup: Uint8Array,
  home: Int32Array,
  households: number,
  host: number,
  rng: Stream,
): void {
  const { households: hh, dwellings } = world;
  const housing = scenario.housing;
  let i = 0;
  for (let h = 0; h < households; h++) {
    rng.reset(Purpose.city, 4, 0, h);
    const g = hhGroup[h];
    hh.dwelling[h] = home[h];
    hh.group[h] = g;
    hh.first[h] = i;
    hh.size[h] = sizes[h];
    hh.threshold[h] = clamp01(housing.similarityThreshold + housing.thresholdSpread * rng.normal());
    dwellings.occupant[home[h]] = h;
    dwellings.cell[home[h]] = g + 1;
    const elder = sizes[h] <= 2 && rng.next() < scenario.population.elderShare;
    const years = g === host ? 0 : rng.next() * MAX_YEARS_SINCE_ARRIVAL;
    for (let m = 0; m < sizes[h]; m++, i++) {
      const age = m >= 2 ? AgeClass.child : elder ? AgeClass.elder : AgeClass.adult;
      initResident(world, i, h, g, age, years, -Math.round(years * 365), true, rng);
    }
  }
  world.counts[Count.residents] = i;
  world.counts[Count.households] = households;
  let v = 0;
  for (let d = 0; d < dwellings.occupant.length; d++) {
    if (dwellings.occupant[d] === NONE) {
      dwellings.vacancyIndex[d] = v;
      dwellings.vacancies[v++] = d;
    } else dwellings.vacancyIndex[d] = NONE;
  }
  world.counts[Count.vacancies] = v;
}
