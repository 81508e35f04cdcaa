import type { World } from './world.ts';
import { Count, SPACE_STATS, SpaceStat } from './world.ts';
import { AgeClass, NONE, SpaceKind } from './spaceTypes.ts';
import { neighbourCounts, isUnhappy, thresholdOf } from './housing.ts';
import { overQualified as isOverQualified } from './jobs.ts';
import { Flag } from './world.ts';
import type { DemographyToday } from './demography.ts';
import { shownPrejudice } from './shownPrejudice.ts';
import { strategyIndex, STRATEGIES } from './berry.ts';
import { levelIndex, LEVELS } from './levels.ts';

/**
 * Aggregates of the city on a recorded day, gathered in fixed passes over the state so
 * that every indicator is a small function of them (and the sums come out the same bytes
 * for any thread count: they are made serially, in index order). The census only records:
 * nothing in the model reads it (what the model feeds back is neighbourhoods.ts).
 */
export class Census {
  readonly G: number;
  readonly D: number;
  readonly host: number;
  residents: Float64Array;
  adults: Float64Array;
  employed: Float64Array;
  prejudice: Float64Array;
  language: Float64Array;
  trust: Float64Array;
  belonging: Float64Array;
  strategies = new Float64Array(STRATEGIES.length);
  levels = new Float64Array(LEVELS.length);
  tractMigrant: Float64Array;
  tractHost: Float64Array;
  /** Residents by tract and group, flat (tract-major); `tractGroups` views it row by row. */
  tractGroupCounts: Float64Array;
  tractGroups: Float64Array[];
  schoolMigrant: Float64Array;
  schoolHost: Float64Array;
  like = 0;
  occupied = 0;
  households = 0;
  unhappyHouseholds = 0;
  stats = new Float64Array(SPACE_STATS);
  /** Employment of adults by sex, host (0) and migrant (1): [hostWomen, hostMen, migrantWomen, migrantMen]. */
  adultsBySex = new Float64Array(4);
  employedBySex = new Float64Array(4);
  /** Migrant adults and employed migrant adults by years since arrival: under 5, 5 to 10, 10 and more. */
  adultsByYears = new Float64Array(3);
  employedByYears = new Float64Array(3);
  overQualified = new Float64Array(2);
  skilledEmployed = new Float64Array(2);
  diplomaHolders = 0;
  diplomasRecognised = 0;
  /** Employed migrant adults with a foreign diploma: recognised, unrecognised. */
  diplomaEmployed = new Float64Array(2);
  /** Employed adults with tertiary education (hosts, migrants), and those of them in jobs below tertiary level (Eurostat). */
  tertiaryEmployed = new Float64Array(2);
  tertiaryBelow = new Float64Array(2);
  outTied = new Float64Array(2);
  outTies = new Float64Array(2);
  participants = 0;
  migrantAdults = 0;
  enrolled = 0;
  migrantChildren = 0;
  schoolSuccess = 0;
  /** Today's demography (the step's own counts, read here) and spending, set by the simulation. */
  demography: DemographyToday = { arrived: 0, turnedAway: 0, departed: 0, births: 0, deaths: 0 };
  spending = 0;
  policySpending: Record<string, number> = {};
  districtResidents: Float64Array;
  districtMigrants: Float64Array;
  districtPrejudice: Float64Array;
  districtAdults: Float64Array;
  districtEmployed: Float64Array;
  districtLanguage: Float64Array;
  districtLike: Float64Array;
  districtOccupied: Float64Array;
  districtEncounters: Float64Array;
  districtOutgroup: Float64Array;

  constructor(private readonly world: World) {
    const { groups: G, districts: D, tracts } = world.sizes;
    this.G = G;
    this.D = D;
    this.host = world.scenario.population.groups.findIndex((g) => g.host);
    const f = (n: number) => new Float64Array(n);
    this.residents = f(G);
    this.adults = f(G);
    this.employed = f(G);
    this.prejudice = f(G);
    this.language = f(G);
    this.trust = f(G);
    this.belonging = f(G);
    this.tractMigrant = f(tracts);
    this.tractHost = f(tracts);
    this.tractGroupCounts = f(tracts * G);
    this.tractGroups = Array.from({ length: tracts }, (_, t) => this.tractGroupCounts.subarray(t * G, (t + 1) * G));
    const schools = this.schoolCount();
    this.schoolMigrant = f(schools);
    this.schoolHost = f(schools);
    this.districtResidents = f(D);
    this.districtMigrants = f(D);
    this.districtPrejudice = f(D);
    this.districtAdults = f(D);
    this.districtEmployed = f(D);
    this.districtLanguage = f(D);
    this.districtLike = f(D);
    this.districtOccupied = f(D);
    this.districtEncounters = f(D);
    this.districtOutgroup = f(D);
    this.initialPrejudice = Float64Array.from(world.scenario.population.groups, (g) => g.prejudice);
  }

  private readonly initialPrejudice: Float64Array;
  /** The day of the last census (for years since arrival). */
  day = 0;

  private schoolFirst(): number {
    return this.world.lookup.typeDistrictStart[SpaceKind.school * this.D];
  }

  private schoolCount(): number {
    return this.world.lookup.typeDistrictStart[(SpaceKind.school + 1) * this.D] - this.schoolFirst();
  }

  /** Recounts everything from the current state. */
  take(day = this.day): this {
    this.day = day;
    const w = this.world;
    for (const a of [
      this.adultsBySex,
      this.employedBySex,
      this.adultsByYears,
      this.employedByYears,
      this.overQualified,
      this.skilledEmployed,
      this.diplomaEmployed,
      this.tertiaryEmployed,
      this.tertiaryBelow,
      this.outTied,
      this.outTies,
      this.residents,
      this.adults,
      this.employed,
      this.prejudice,
      this.language,
      this.trust,
      this.belonging,
      this.strategies,
      this.levels,
      this.tractMigrant,
      this.tractHost,
      this.schoolMigrant,
      this.schoolHost,
      this.stats,
      this.districtResidents,
      this.districtMigrants,
      this.districtPrejudice,
      this.districtAdults,
      this.districtEmployed,
      this.districtLanguage,
      this.districtLike,
      this.districtOccupied,
      this.districtEncounters,
      this.districtOutgroup,
    ])
      a.fill(0);
    this.tractGroupCounts.fill(0);
    this.like = 0;
    this.occupied = 0;
    this.households = 0;
    this.unhappyHouseholds = 0;
    this.diplomaHolders = this.diplomasRecognised = this.participants = this.migrantAdults = this.enrolled = 0;
    this.migrantChildren = this.schoolSuccess = 0;
    const G = this.G;
    const r = w.residents;
    const hh = w.households;
    const dw = w.dwellings;
    const host = this.host;
    const schoolFirst = this.schoolFirst();
    const {
      residents,
      adults,
      employed,
      prejudice,
      language,
      trust,
      belonging,
      strategies,
      levels,
      tractMigrant,
      tractHost,
      schoolMigrant,
      schoolHost,
      stats,
      adultsBySex,
      employedBySex,
      adultsByYears,
      employedByYears,
      overQualified,
      skilledEmployed,
      outTied,
      outTies,
      districtResidents,
      districtMigrants,
      districtPrejudice,
      districtAdults,
      districtEmployed,
      districtLanguage,
      districtLike,
      districtOccupied,
      districtEncounters,
      districtOutgroup,
    } = this;
    const tractGroupCounts = this.tractGroupCounts;
    const R = w.counts[Count.residents];
    for (let i = 0; i < R; i++) {
      if (r.age[i] === AgeClass.gone) continue;
      const h = r.household[i];
      const g = r.group[i];
      const dwelling = hh.dwelling[h];
      const d = dw.district[dwelling];
      const t = dw.tract[dwelling];
      const migrant = g !== host;
      residents[g]++;
      const shown = shownPrejudice(w, i, host);
      prejudice[g] += shown;
      language[g] += r.language[i];
      trust[g] += r.trust[i];
      belonging[g] += r.belonging[i];
      tractGroupCounts[t * G + g]++;
      districtResidents[d]++;
      const m = migrant ? 1 : 0;
      if (r.outgroupTies[i] > 0) outTied[m]++;
      outTies[m] += r.outgroupTies[i];
      if (r.flags[i] & Flag.enrolled) this.enrolled++;
      if (migrant) {
        tractMigrant[t]++;
        districtMigrants[d]++;
        districtLanguage[d] += r.language[i];
        strategies[strategyIndex(r.heritage[i], r.adoption[i])]++;
        levels[levelIndex(r.language[i])]++;
      } else {
        tractHost[t]++;
        districtPrejudice[d] += shown;
      }
      if (r.age[i] === AgeClass.adult) {
        const hasJob = r.job[i] !== NONE;
        const sex = m * 2 + (r.flags[i] & Flag.female ? 0 : 1);
        adults[g]++;
        districtAdults[d]++;
        adultsBySex[sex]++;
        if (hasJob) {
          employed[g]++;
          districtEmployed[d]++;
          employedBySex[sex]++;
          if (r.education[i] > 0) {
            skilledEmployed[m]++;
            if (isOverQualified(w, i)) overQualified[m]++;
          }
          if (r.education[i] === 2) {
            this.tertiaryEmployed[m]++;
            if (w.spaces.level[r.job[i]] < 2) this.tertiaryBelow[m]++;
          }
        }
        if (migrant) {
          this.migrantAdults++;
          if (r.flags[i] & Flag.participant) this.participants++;
          if (r.flags[i] & Flag.foreignDiploma) {
            this.diplomaHolders++;
            if (r.flags[i] & Flag.recognised) this.diplomasRecognised++;
            if (hasJob) this.diplomaEmployed[r.flags[i] & Flag.recognised ? 0 : 1]++;
          }
          const years = (day - r.arrival[i]) / 365;
          const band = years < 5 ? 0 : years < 10 ? 1 : 2;
          adultsByYears[band]++;
          if (hasJob) employedByYears[band]++;
        }
      } else if (r.age[i] === AgeClass.child) {
        if (dw.school[dwelling] !== NONE) {
          const s = dw.school[dwelling] - schoolFirst;
          if (migrant) schoolMigrant[s]++;
          else schoolHost[s]++;
        }
        if (migrant) {
          this.migrantChildren++;
          this.schoolSuccess += 0.5 * r.language[i] + 0.5 * r.belonging[i];
        }
      }
    }
    const H = w.counts[Count.households];
    for (let h = 0; h < H; h++) {
      if (hh.size[h] === 0) continue;
      const counts = neighbourCounts(w, hh.dwelling[h], hh.group[h] + 1, NONE);
      const d = dw.district[hh.dwelling[h]];
      this.like += counts >> 4;
      this.occupied += counts & 15;
      districtLike[d] += counts >> 4;
      districtOccupied[d] += counts & 15;
      this.households++;
      if (isUnhappy(counts, thresholdOf(w, h, this.initialPrejudice))) this.unhappyHouseholds++;
    }
    const st = w.spaces.stats;
    for (let s = 0; s < w.sizes.spaces; s++) {
      const o = s * SPACE_STATS;
      for (let k = 0; k < SPACE_STATS; k++) stats[k] += st[o + k];
      districtEncounters[w.spaces.district[s]] += st[o + SpaceStat.encounters];
      districtOutgroup[w.spaces.district[s]] += st[o + SpaceStat.outgroup];
    }
    return this;
  }

  /** Sum of a per-group array over the migrant groups. */
  migrants(a: Float64Array): number {
    let s = 0;
    for (let g = 0; g < this.G; g++) if (g !== this.host) s += a[g];
    return s;
  }

  total(a: Float64Array): number {
    let s = 0;
    for (let g = 0; g < this.G; g++) s += a[g];
    return s;
  }
}
