import type { World } from './world.ts';
import { Flag } from './world.ts';
import { NONE, SpaceKind } from './spaceTypes.ts';
import type { Stream } from './stream.ts';

/**
 * Education an employer can use: a migrant's foreign diploma counts only once recognised
 * (UNESCO in the seed report; Bruecker et al. 2021), otherwise the migrant competes as
 * low-educated.
 */
export function usableEducation(world: World, i: number): number {
  const r = world.residents;
  return r.flags[i] & Flag.foreignDiploma && !(r.flags[i] & Flag.recognised) ? 0 : r.education[i];
}

/** Highest job level a resident qualifies for, by usable education and host language. */
export function qualifiedLevel(world: World, i: number): number {
  const need = world.scenario.labour.languageForLevel;
  let level = usableEducation(world, i);
  while (level > 0 && world.residents.language[i] < need[level]) level--;
  return level;
}

/** The level a hire lands at: what the worker qualifies for, or one below by imperfect matching. */
export function hiredLevel(world: World, i: number, stream: Stream): number {
  const level = qualifiedLevel(world, i);
  return level > 0 && stream.next() < world.scenario.labour.mismatch ? level - 1 : level;
}

/** A random workplace of the given level, or of the nearest lower level that exists. */
export function pickWorkplace(world: World, level: number, stream: Stream): number {
  const { workplacesByLevel, levelStart } = world.lookup;
  for (let l = level; l >= 0; l--) {
    const n = levelStart[l + 1] - levelStart[l];
    if (n > 0) return workplacesByLevel[levelStart[l] + stream.int(n)];
  }
  return NONE;
}

/** Whether a job is below the holder's education (over-qualification). */
export function overQualified(world: World, i: number): boolean {
  const job = world.residents.job[i];
  return job !== NONE && world.spaces.type[job] === SpaceKind.workplace && world.spaces.level[job] < world.residents.education[i];
}
