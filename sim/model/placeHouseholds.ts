import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { Purpose, type Stream } from './stream.ts';
import type { Grid } from './grid.ts';
import { NONE } from './spaceTypes.ts';

/**
 * Where each initial household lives: a random order of the dwellings, with each migrant
 * group preferring a few districts (chain migration toward co-ethnics) with probability
 * `city.clustering`. Returns each household's dwelling.
 */
export function placeHouseholds(scenario: Scenario, grid: Grid, districtOfCell: Uint16Array, hhGroup: Uint8Array, households: number, rng: Stream): Int32Array {
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

/**
 * Households renumbered by where they live: district by district, and in each district in
 * dwelling (row-major) order. Residents are numbered by household, so the residents a space
 * gathers (mostly from one district) sit close together in every per-resident array, and the
 * parallel phases read memory in runs instead of at random. Returns the new order: entry k is
 * the household that becomes household k.
 */
export function householdsByPlace(home: Int32Array, households: number, districtOfCell: Uint16Array, districts: number): Int32Array {
  const occupant = new Int32Array(districtOfCell.length).fill(NONE);
  for (let h = 0; h < households; h++) occupant[home[h]] = h;
  const start = new Int32Array(districts + 1);
  for (let h = 0; h < households; h++) start[districtOfCell[home[h]] + 1]++;
  for (let d = 0; d < districts; d++) start[d + 1] += start[d];
  const order = new Int32Array(households);
  for (let cell = 0; cell < occupant.length; cell++) {
    const h = occupant[cell];
    if (h !== NONE) order[start[districtOfCell[cell]]++] = h;
  }
  return order;
}
