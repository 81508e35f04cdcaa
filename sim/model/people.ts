import type { Stream } from './stream.ts';
import type { World } from './world.ts';
import { Flag, Trait } from './world.ts';
import { clearTies } from './ties.ts';
import { multiplierByte } from './learning.ts';
import { AgeClass, NONE } from './spaceTypes.ts';
import { hiredLevel, pickWorkplace } from './jobs.ts';

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
/** Years since arrival of the initial migrant population run from 0 to this. */
export const MAX_YEARS_SINCE_ARRIVAL = 15;
/** Host-language gain per year of residence in the initial cross-section (assumed). */
const LANGUAGE_PER_YEAR = 0.03;
/** Mean heritage orientation of migrants (Berry et al. 2006: integration is the most common preference). */
const MEAN_ORIENTATION = 0.6;
/** Years after arrival from which a migrant family's children are taken as born in the city (assumed: half a childhood). */
const BORN_HERE_AFTER_YEARS = 9;

/** An adult's education (0 low, 1 medium, 2 high) from the group's shares, given a uniform draw u. */
export function educationDrawn(edu: { medium: number; high: number }, u: number): number {
  return u < edu.high ? 2 : u < edu.high + edu.medium ? 1 : 0;
}

/**
 * A child coming of age finishes schooling in the city: education is drawn from the group's
 * shares (a domestic diploma, so never a foreign one). Until then children count as low.
 */
export function comeOfAge(world: World, i: number, u: number): void {
  const r = world.residents;
  r.age[i] = AgeClass.adult;
  r.education[i] = educationDrawn(world.scenario.population.groups[r.group[i]].education, u);
  r.flags[i] &= ~(Flag.foreignDiploma | Flag.recognised);
}

/**
 * Sets up resident i of household h: group, age class, education, diploma, language,
 * attitudes and (for the initial population) a job. `years` is the time since the
 * household arrived; for the group's mean years the language is the group's mean.
 */
export function initResident(
  world: World,
  i: number,
  h: number,
  g: number,
  age: number,
  years: number,
  arrivalDay: number,
  employ: boolean,
  rng: Stream,
  bornHere = false,
): void {
  const r = world.residents;
  const spec = world.scenario.population.groups[g];
  const isHost = spec.host;
  r.group[i] = g;
  r.age[i] = age;
  r.household[i] = h;
  const u = rng.next();
  r.education[i] = age === AgeClass.child ? 0 : educationDrawn(spec.education, u);
  let flags = rng.next() < 0.5 ? Flag.female : 0;
  if (!isHost && r.education[i] > 0) {
    flags |= Flag.foreignDiploma;
    if (rng.next() < spec.recognised) flags |= Flag.recognised;
  }
  r.flags[i] = flags;
  r.arrival[i] = isHost ? 0 : arrivalDay;
  const lang = spec.language + LANGUAGE_PER_YEAR * (years - MAX_YEARS_SINCE_ARRIVAL / 2) + 0.1 * rng.normal() + (age === AgeClass.child ? 0.2 : 0);
  r.language[i] = isHost ? 1 : clamp01(lang);
  r.prejudice[i] = clamp01(spec.prejudice + 0.15 * rng.normal());
  r.disposition[i] = Math.round(r.prejudice[i] * 255);
  r.trust[i] = clamp01(0.5 + 0.1 * rng.normal());
  r.belonging[i] = clamp01((isHost ? 0.7 : 0.4) + 0.1 * rng.normal());
  r.heritage[i] = isHost ? 1 : clamp01(0.7 + 0.15 * rng.normal());
  r.adoption[i] = isHost ? 1 : clamp01(0.2 + 0.5 * r.language[i] + 0.1 * rng.normal());
  clearTies(world, i);
  const sc = world.scenario;
  const native = isHost || bornHere || (age === AgeClass.child && years >= BORN_HERE_AFTER_YEARS);
  const illiterate = !native && age !== AgeClass.child && r.education[i] === 0 && rng.next() < sc.language.illiterateShare;
  r.traits[i] = (native ? Trait.bornHere : 0) | (illiterate ? Trait.illiterate : 0);
  r.susceptibility[i] = multiplierByte(sc.contact.susceptibilitySd, rng.normal());
  r.aptitude[i] = multiplierByte(sc.language.aptitudeSd, rng.normal());
  const orientation = isHost ? 1 : clamp01(MEAN_ORIENTATION + sc.attitudes.orientationSd * rng.normal()) * (native ? sc.attitudes.secondGenerationHeritage : 1);
  r.orientation[i] = Math.round(orientation * 255);
  r.workPropensity[i] = Math.floor(rng.next() * 256);
  if (!isHost) r.heritage[i] = clamp01(0.35 + 0.55 * orientation + 0.1 * rng.normal());
  r.classHours[i] = 0;
  r.ingroupContacts[i] = 0;
  r.outgroupContacts[i] = 0;
  // The initial cross-section: employment rises with years since arrival (Canada 2011:
  // 63.5% in the first 5 years, 79.8% after 10), around the group's mean rate.
  const rate = isHost ? spec.employment : spec.employment * (0.8 + (0.4 * years) / MAX_YEARS_SINCE_ARRIVAL);
  const employed = employ && age === AgeClass.adult && world.lookup.levelStart[3] > 0 && world.scenario.submodels.labour && rng.next() < rate;
  r.job[i] = employed ? pickWorkplace(world, hiredLevel(world, i, rng), rng) : NONE;
  r.location[i] = NONE;
}
