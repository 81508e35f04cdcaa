import type { Stream } from './stream.ts';
import { Count, type World } from './world.ts';
import { NONE } from './spaceTypes.ts';
import { setCell } from './keptNeighbourCounts.ts';

/**
 * The bookkeeping of who lives where, in one place for the city's generation, demography
 * and housing: each dwelling's occupant and map cell (with its neighbours' kept counts), each
 * household's dwelling and size, the residents of each tract and district by group, and the
 * list of vacant dwellings (`vacancies[0 .. counts.vacancies)`, with `vacancyIndex` giving
 * each vacant dwelling's place in it, so taking or adding a vacancy costs O(1)).
 */

/** A household's fields when it forms in a dwelling; draws its Schelling threshold from the stream. */
export function formHousehold(world: World, h: number, group: number, size: number, first: number, dwelling: number, stream: Stream): void {
  moveInHousehold(world, h, group, size, first, dwelling);
  drawThreshold(world, h, stream);
}

/** A new household's place, group and members in the bookkeeping, with the map cell and its neighbours' counts. */
export function moveInHousehold(world: World, h: number, group: number, size: number, first: number, dwelling: number): void {
  const hh = world.households;
  placeAt(world, h, dwelling);
  hh.group[h] = group;
  hh.first[h] = first;
  hh.size[h] = size;
  hh.unhappy[h] = 0;
  world.dwellings.occupant[dwelling] = h;
  setCell(world, dwelling, group + 1);
  countWhere(world, h, dwelling, size);
}

/** A household gains members (births) or loses them (deaths); returns its new size. */
export function changeMembers(world: World, h: number, delta: number): number {
  const size = world.households.size;
  size[h] += delta;
  countWhere(world, h, world.households.dwelling[h], delta);
  return size[h];
}

/** A household's Schelling threshold, drawn around housing.similarityThreshold. */
export function drawThreshold(world: World, h: number, stream: Stream): void {
  const housing = world.scenario.housing;
  const t = housing.similarityThreshold + housing.thresholdSpread * stream.normal();
  world.households.threshold[h] = t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Lists every dwelling without an occupant as vacant, in dwelling order (the city's start). */
export function listVacancies(world: World): void {
  const { occupant, vacancies, vacancyIndex } = world.dwellings;
  let v = 0;
  for (let d = 0; d < occupant.length; d++) {
    if (occupant[d] === NONE) {
      vacancyIndex[d] = v;
      vacancies[v++] = d;
    } else vacancyIndex[d] = NONE;
  }
  world.counts[Count.vacancies] = v;
}

/** Takes the vacancy at place `v` of the list (the last one fills its place); returns the dwelling. */
export function takeVacancy(world: World, v: number): number {
  const { vacancies, vacancyIndex } = world.dwellings;
  const dwelling = vacancies[v];
  const last = --world.counts[Count.vacancies];
  vacancies[v] = vacancies[last];
  vacancyIndex[vacancies[v]] = v;
  vacancyIndex[dwelling] = NONE;
  return dwelling;
}

/** A household that left or died out: its dwelling joins the end of the vacancy list. */
export function vacate(world: World, h: number): void {
  const dw = world.dwellings;
  const from = world.households.dwelling[h];
  countWhere(world, h, from, -world.households.size[h]);
  world.households.size[h] = 0;
  dw.occupant[from] = NONE;
  setCell(world, from, 0);
  const v = world.counts[Count.vacancies]++;
  dw.vacancies[v] = from;
  dw.vacancyIndex[from] = v;
}

/** Household h moves into the vacancy at place `v`; the dwelling it leaves takes that place in the list. */
export function moveInto(world: World, h: number, v: number): void {
  const { occupant, vacancies, vacancyIndex } = world.dwellings;
  const from = world.households.dwelling[h];
  const to = vacancies[v];
  vacancies[v] = from;
  vacancyIndex[from] = v;
  vacancyIndex[to] = NONE;
  occupant[to] = h;
  occupant[from] = NONE;
  setCell(world, from, 0);
  setCell(world, to, world.households.group[h] + 1);
  const size = world.households.size[h];
  countWhere(world, h, from, -size);
  countWhere(world, h, to, size);
  placeAt(world, h, to);
}

/** Household h now lives in `dwelling`: its dwelling and the district kept with it. */
function placeAt(world: World, h: number, dwelling: number): void {
  const hh = world.households;
  hh.dwelling[h] = dwelling;
  hh.district[h] = world.dwellings.district[dwelling];
}

/** Adds `members` residents of household h's group to the counts of the tract and district of `dwelling` (a negative number removes them). */
function countWhere(world: World, h: number, dwelling: number, members: number): void {
  const G = world.sizes.groups;
  const g = world.households.group[h];
  world.tracts.residents[world.dwellings.tract[dwelling] * G + g] += members;
  world.district.residents[world.dwellings.district[dwelling] * G + g] += members;
}

/** Counts the residents of every tract and district afresh from the households (for code that places households directly). */
export function recountResidents(world: World): void {
  const { size, dwelling } = world.households;
  world.tracts.residents.fill(0);
  world.district.residents.fill(0);
  for (let h = 0; h < world.counts[Count.households]; h++) if (size[h] > 0) countWhere(world, h, dwelling[h], size[h]);
}
