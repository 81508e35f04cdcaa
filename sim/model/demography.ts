import { Purpose, type Stream } from './stream.ts';
import type { World } from './world.ts';
import { Count } from './world.ts';
import { AgeClass, NONE } from './spaceTypes.ts';
import { initResident } from './people.ts';
import { neighbourCounts, affordable } from './housing.ts';
import { changeMembers, formHousehold, takeVacancy, vacate } from './dwellingBook.ts';
import type { TimelineToday } from './timeline.ts';

/** Vacancies a new household looks at before settling (chain migration toward co-ethnics). */
const ARRIVAL_CANDIDATES = 12;

/** What demography did today, for the indicators. */
export interface DemographyToday {
  arrived: number;
  turnedAway: number;
  departed: number;
  births: number;
  deaths: number;
}

/**
 * Serial, once a day: households that leave, elders who die, births, and arrivals who settle
 * near co-ethnics. Serial because they change who lives where and the vacancy list, in a
 * fixed order with the arrivals stream.
 */
export function demographyDay(world: World, day: number, stream: Stream, timeline: TimelineToday, out: DemographyToday): void {
  out.arrived = out.turnedAway = out.departed = out.births = out.deaths = 0;
  const sc = world.scenario;
  const groups = sc.population.groups;
  const hh = world.households;
  const r = world.residents;
  const H = world.counts[Count.households];
  // Departures (return or onward migration, whole households) are marked first; then one
  // pass over residents removes the leavers and the elders who die; then homes are vacated.
  const leaving = hh.leaving;
  stream.reset(Purpose.arrivals, day, 0, 0);
  for (let h = 0; h < H; h++) {
    if (hh.size[h] === 0) continue;
    const rate = groups[hh.group[h]].returnRate;
    if (rate > 0 && stream.next() < rate / 365) {
      leaving[h] = 1;
      out.departed += hh.size[h];
    }
  }
  stream.reset(Purpose.arrivals, day, 1, 0);
  const death = sc.demography.elderDeathsPerYear / 365;
  const R = world.counts[Count.residents];
  hh.children.fill(0, 0, H);
  for (let i = 0; i < R; i++) {
    if (r.age[i] === AgeClass.gone) continue;
    const h = r.household[i];
    if (r.age[i] === AgeClass.child && hh.children[h] < 255) hh.children[h]++;
    if (leaving[h]) {
      r.age[i] = AgeClass.gone;
      r.job[i] = NONE;
    } else if (r.age[i] === AgeClass.elder && stream.next() < death) {
      r.age[i] = AgeClass.gone;
      r.job[i] = NONE;
      out.deaths++;
      if (changeMembers(world, h, -1) === 0) leaving[h] = 1;
    }
  }
  for (let h = 0; h < H; h++) {
    if (!leaving[h]) continue;
    leaving[h] = 0;
    vacate(world, h);
  }
  // Births, to households with two adults, chosen at random.
  stream.reset(Purpose.arrivals, day, 2, 0);
  const births = stream.count((sc.demography.birthsPerYear * livingResidents(world)) / 365);
  for (let b = 0; b < births; b++) {
    for (let tries = 0; tries < 20; tries++) {
      const h = stream.int(world.counts[Count.households]);
      if (hh.size[h] < 2 || hh.size[h] >= 12 || r.age[hh.first[h]] !== AgeClass.adult) continue;
      const i = world.counts[Count.residents];
      if (i >= world.sizes.residentCapacity) break;
      initResident(world, i, h, hh.group[h], AgeClass.child, 0, day, false, stream, true);
      // Born here: native speakers of the host language and of the family's.
      r.language[i] = 1;
      world.counts[Count.residents]++;
      changeMembers(world, h, 1);
      if (hh.children[h] < 255) hh.children[h]++;
      out.births++;
      break;
    }
  }
  // Arrivals: steady flows plus today's waves.
  for (let g = 0; g < groups.length; g++) {
    if (groups[g].host) continue;
    stream.reset(Purpose.arrivals, day, 3, g);
    // Steady flows are mostly labour and family migration, some with a job waiting; waves
    // (refugees) arrive without one.
    const steady = stream.count((groups[g].arrivalRate * sc.population.residents) / 365);
    const wave = stream.count(timeline.waveArrivals[g]);
    for (const [total, withJobs] of [
      [steady, true],
      [wave, false],
    ] as const) {
      let people = total;
      while (people > 0) {
        const size = Math.min(people, 1 + stream.poisson(Math.max(0, sc.population.householdSize - 1)), 8);
        people -= size;
        if (settle(world, g, size, day, stream, withJobs)) out.arrived += size;
        else out.turnedAway += size;
      }
    }
  }
}

function livingResidents(world: World): number {
  let n = 0;
  const H = world.counts[Count.households];
  for (let h = 0; h < H; h++) n += world.households.size[h];
  return n;
}

/** A new household of group g settles in the vacancy with most co-ethnic neighbours among a few it sees. */
function settle(world: World, g: number, size: number, day: number, stream: Stream, withJobs: boolean): boolean {
  const hh = world.households;
  const dw = world.dwellings;
  const h = world.counts[Count.households];
  const vacant = world.counts[Count.vacancies];
  if (vacant === 0 || h >= world.sizes.householdCapacity || world.counts[Count.residents] + size > world.sizes.residentCapacity) return false;
  hh.means[h] = 0.7;
  let pick = stream.int(vacant);
  let best = -1;
  for (let k = 0; k < ARRIVAL_CANDIDATES; k++) {
    const v = k === 0 ? pick : stream.int(vacant);
    const like = neighbourCounts(world, dw.vacancies[v], g + 1, NONE) >> 4;
    const score = like + (affordable(world, h, dw.district[dw.vacancies[v]]) ? 0.5 : 0);
    if (score > best) {
      best = score;
      pick = v;
    }
  }
  const to = takeVacancy(world, pick);
  world.counts[Count.households]++;
  const first = world.counts[Count.residents];
  formHousehold(world, h, g, size, first, to, stream);
  hh.children[h] = Math.max(0, size - 2);
  for (let m = 0; m < size; m++) {
    initResident(world, first + m, h, g, m >= 2 ? AgeClass.child : AgeClass.adult, 0, day, withJobs, stream);
  }
  world.counts[Count.residents] += size;
  return true;
}
