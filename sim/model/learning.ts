import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { LEVEL } from './meet.ts';
import { AgeClass } from './spaceTypes.ts';
import { Trait, type World } from './world.ts';

/**
 * Host-language learning on the CEFR scale with cumulative, non-linear hours per level
 * (language.cumulativeHours): the proficiency an hour of guided learning buys depends on the
 * level the learner is at, and on the learner (aptitude, prior schooling, literacy, age).
 */
export function proficiencyPerHour(lang: Scenario['language'], proficiency: number): number {
  const hours = lang.cumulativeHours;
  const k = Math.min(hours.length - 1, Math.floor(proficiency / LEVEL + 1e-9));
  return LEVEL / (hours[k] - (k > 0 ? hours[k - 1] : 0));
}

/** How fast resident i learns relative to the average adult learner. */
export function learnerSpeed(world: World, i: number): number {
  const r = world.residents;
  const lang = world.scenario.language;
  const age = r.age[i];
  let speed = r.aptitude[i] / 64;
  if (age === AgeClass.child) return speed * lang.childFactor;
  speed *= lang.schoolingFactor[r.education[i]];
  if (r.traits[i] & Trait.illiterate) speed *= lang.illiterateFactor;
  if (age === AgeClass.elder) speed *= lang.elderFactor;
  return speed;
}

/** A log-normal multiplier with mean 1 and sd `sd` of its logarithm, stored as x 64 in a byte. */
export function multiplierByte(sd: number, z: number): number {
  const m = Math.exp(sd * z - (sd * sd) / 2);
  return Math.max(1, Math.min(255, Math.round(m * 64)));
}
