import type { Census } from './census.ts';
import type { World } from './world.ts';
import { Count } from './world.ts';

/** Days over which the slow migrant share follows the current one (about a year). */
const SLOW_DAYS = 365;

/**
 * Feeds yesterday's census back into the city, serially before a day: each group's mean
 * prejudice and share with out-group ties in each district (norms, extended contact), the
 * migrant share and its slow average (threat), and each household's means (rent).
 */
export function updateNeighbourhoods(world: World, census: Census, first: boolean): void {
  const { district } = world;
  const D = world.sizes.districts;
  const G = world.sizes.groups;
  for (let k = 0; k < D * G; k++) {
    const n = census.districtGroupResidents[k];
    district.groupPrejudice[k] = n > 0 ? census.districtGroupPrejudice[k] / n : 0;
    district.groupOutTies[k] = n > 0 ? census.districtGroupOutTied[k] / n : 0;
  }
  for (let d = 0; d < D; d++) {
    const n = census.districtResidents[d];
    const share = n > 0 ? census.districtMigrants[d] / n : 0;
    district.migrantShare[d] = share;
    district.migrantShareSlow[d] = first ? share : district.migrantShareSlow[d] + (share - district.migrantShareSlow[d]) / SLOW_DAYS;
  }
  const { means } = world.households;
  const H = world.counts[Count.households];
  for (let h = 0; h < H; h++) {
    const adults = census.householdAdults[h];
    means[h] = 0.7 + 0.6 * (adults > 0 ? census.householdEmployed[h] / adults : 0);
  }
}
