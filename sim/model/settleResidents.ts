import type { ThreadContext } from './context.ts';
import { Purpose } from './stream.ts';
import { Count, type World } from './world.ts';
import { AgeClass } from './spaceTypes.ts';
import { initResident, MAX_YEARS_SINCE_ARRIVAL } from './people.ts';
import { drawThreshold, listVacancies, moveInHousehold } from './dwellingBook.ts';

/**
 * The initial households in their dwellings: who lives where, each household's residents
 * numbered in household order, the map with its neighbour counts, and the list of vacancies.
 * Serial and cheap; the residents themselves are drawn afterwards by `settleHouseholds`.
 */
export function placeInitialHouseholds(world: World, sizes: Uint8Array, hhGroup: Uint8Array, home: Int32Array, households: number): void {
  let first = 0;
  for (let h = 0; h < households; h++) {
    moveInHousehold(world, h, hhGroup[h], sizes[h], first, home[h]);
    first += sizes[h];
  }
  world.counts[Count.residents] = first;
  world.counts[Count.households] = households;
  listVacancies(world);
}

/**
 * A phase over the initial households (placed by `placeInitialHouseholds`): each one's
 * Schelling threshold, and its members' age, education, language, attitudes and jobs. Every
 * household draws from its own stream and writes only its own fields and residents, so the
 * city is the same however the households are split among threads.
 */
export function settleHouseholds(ctx: ThreadContext, _day: number, _slot: number, start: number, end: number): void {
  const { world, stream, host } = ctx;
  const hh = world.households;
  const elderShare = world.scenario.population.elderShare;
  for (let h = start; h < end; h++) {
    stream.reset(Purpose.city, 4, 0, h);
    drawThreshold(world, h, stream);
    const g = hh.group[h];
    const size = hh.size[h];
    const elder = size <= 2 && stream.next() < elderShare;
    const years = g === host ? 0 : stream.next() * MAX_YEARS_SINCE_ARRIVAL;
    hh.children[h] = Math.max(0, size - 2);
    for (let m = 0, i = hh.first[h]; m < size; m++, i++) {
      const age = m >= 2 ? AgeClass.child : elder ? AgeClass.elder : AgeClass.adult;
      initResident(world, i, h, g, age, years, -Math.round(years * 365), true, stream);
    }
  }
}
