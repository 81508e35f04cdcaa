import type { World } from './world.ts';
import { Flag } from './world.ts';
import { AgeClass } from './spaceTypes.ts';
import { NONE, SpaceKind } from './spaceTypes.ts';
import type { Stream } from './stream.ts';

/** Whether a resident holds a foreign diploma that is not recognised. */
export function unrecognised(world: World, i: number): boolean {
  const f = world.residents.flags[i];
  return (f & Flag.foreignDiploma) !== 0 && (f & Flag.recognised) === 0;
}

/** Highest job level a resident's education and host language allow. */
export function qualifiedLevel(world: World, i: number): number {
  const need = world.scenario.labour.languageForLevel;
  let level = world.residents.education[i];
  while (level > 0 && world.residents.language[i] < need[level]) level--;
  return level;
}

/**
 * The level a hire lands at: what the worker qualifies for, or one below by imperfect matching.
 * With an unrecognised foreign diploma, regulated jobs (labour.regulatedShare) are closed and
 * unregulated employers discount the diploma part of the time (Bruecker et al. 2021).
 */
export function hiredLevel(world: World, i: number, stream: Stream): number {
  const lab = world.scenario.labour;
  let level = qualifiedLevel(world, i);
  if (level > 0 && unrecognised(world, i) && stream.next() < lab.regulatedShare + (1 - lab.regulatedShare) * lab.unrecognisedDiscount) level--;
  return level > 0 && stream.next() < lab.mismatch ? level - 1 : level;
}

/** Daily hiring chance of a job seeker relative to labour.hireRate, before discrimination and the economy. */
export function hireChance(world: World, i: number): number {
  const lab = world.scenario.labour;
  const r = world.residents;
  const ties = Math.min(r.ingroupTies[i] + r.outgroupTies[i], 10);
  let p = Math.exp(-lab.languagePenalty * (1 - r.language[i])) * lab.educationHire[r.education[i]] * (1 + (world.scenario.ties.jobBoost * ties) / 10);
  if (unrecognised(world, i)) p *= lab.unrecognisedHire;
  if (r.flags[i] & Flag.mobility) p *= lab.mobilityHire;
  return p;
}

/**
 * Whether a working-age resident without a job looks for one: participation by group and sex,
 * less for mothers living with children (labour.parentParticipation).
 */
export function seeksWork(world: World, i: number): boolean {
  const r = world.residents;
  if (r.age[i] !== AgeClass.adult) return false;
  const spec = world.scenario.population.groups[r.group[i]];
  const female = (r.flags[i] & Flag.female) !== 0;
  let share = female ? spec.participationWomen : spec.participationMen;
  if (female && world.households.children[r.household[i]] > 0) share *= world.scenario.labour.parentParticipation;
  return r.workPropensity[i] < share * 256;
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
