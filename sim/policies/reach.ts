import type { World } from '../model/world.ts';
import { AgeClass } from '../model/spaceTypes.ts';

/**
 * Small reads policies share: where a resident lives, whether they still live in the city,
 * which spaces stand in a district. Policies run serially on the main thread, so these are
 * plain functions over the shared arrays.
 */

/** District of resident i's home. */
export function homeDistrict(world: World, i: number): number {
  return world.households.district[world.residents.household[i]];
}

/** Whether resident i lives in the city today (not dead, and the household has not left). */
export function present(world: World, i: number): boolean {
  return world.residents.age[i] !== AgeClass.gone && world.households.size[world.residents.household[i]] > 0;
}

/** Host residents of district d at the last census. */
export function hostsIn(world: World, residentsIn: Float64Array, d: number): number {
  return residentsIn[d] * (1 - world.district.migrantShare[d]);
}

/** Spaces of one kind in district d, as the range [first, end) of the space arrays. */
export function spacesIn(world: World, kind: number, d: number): [number, number] {
  const start = world.lookup.typeDistrictStart;
  const cell = kind * world.sizes.districts + d;
  return [start[cell], start[cell + 1]];
}

/** Whether districts a and b are the same or touch (including diagonally). */
export function adjacent(world: World, a: number, b: number): boolean {
  const across = world.sizes.districtsX;
  return Math.abs((a % across) - (b % across)) <= 1 && Math.abs(Math.floor(a / across) - Math.floor(b / across)) <= 1;
}

/** The daily chance that gives a yearly share: 1 - (1 - perYear)^(1/365). */
export function dailyChance(perYear: number): number {
  return perYear >= 1 ? 1 : 1 - (1 - perYear) ** (1 / 365);
}
