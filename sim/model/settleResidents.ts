import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { Purpose, type Stream } from './stream.ts';
import { Count, type World } from './world.ts';
import { AgeClass } from './spaceTypes.ts';
import { initResident, MAX_YEARS_SINCE_ARRIVAL } from './people.ts';
import { formHousehold, listVacancies } from './dwellingBook.ts';

/** The initial households and their members in their dwellings, then the list of vacancies. */
export function fillPeople(
  world: World,
  scenario: Scenario,
  sizes: Uint8Array,
  hhGroup: Uint8Array,
  home: Int32Array,
  households: number,
  host: number,
  rng: Stream,
): void {
  let i = 0;
  for (let h = 0; h < households; h++) {
    rng.reset(Purpose.city, 4, 0, h);
    const g = hhGroup[h];
    formHousehold(world, h, g, sizes[h], i, home[h], rng);
    const elder = sizes[h] <= 2 && rng.next() < scenario.population.elderShare;
    const years = g === host ? 0 : rng.next() * MAX_YEARS_SINCE_ARRIVAL;
    world.households.children[h] = Math.max(0, sizes[h] - 2);
    for (let m = 0; m < sizes[h]; m++, i++) {
      const age = m >= 2 ? AgeClass.child : elder ? AgeClass.elder : AgeClass.adult;
      initResident(world, i, h, g, age, years, -Math.round(years * 365), true, rng);
    }
  }
  world.counts[Count.residents] = i;
  world.counts[Count.households] = households;
  listVacancies(world);
}
