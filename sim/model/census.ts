import type { World } from './world.ts';
import { Count, SPACE_STATS, SpaceStat } from './world.ts';
import { AgeClass, NONE, SpaceKind } from './spaceTypes.ts';
import { neighbourCounts, isUnhappy } from './housing.ts';
import { strategyIndex, STRATEGIES } from './berry.ts';
import { levelIndex, LEVELS } from './levels.ts';

/**
 * Aggregates of the city on a recorded day, gathered in fixed passes over the state so
 * that every indicator is a small function of them (and the sums come out the same bytes
 * for any worker count: they are made serially, in index order).
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
  tractGroups: Float64Array[];
  schoolMigrant: Float64Array;
  schoolHost: Float64Array;
  like = 0;
  occupied = 0;
  households = 0;
  unhappyHouseholds = 0;
  stats = new Float64Array(SPACE_STATS);
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
    const tractGroupBuffer = f(tracts * G);
    this.tractGroups = Array.from({ length: tracts }, (_, t) => tractGroupBuffer.subarray(t * G, (t + 1) * G));
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
  }

  private schoolFirst(): number {
    return this.world.lookup.typeDistrictStart[SpaceKind.school * this.D];
  }

  private schoolCount(): number {
    return this.world.lookup.typeDistrictStart[(SpaceKind.school + 1) * this.D] - this.schoolFirst();
  }

  /** Recounts everything from the current state. */
  take(): this {
    const w = this.world;
    for (const a of [
      this.residents, this.adults, this.employed, this.prejudice, this.language, this.trust, this.belonging,
      this.strategies, this.levels, this.tractMigrant, this.tractHost, this.schoolMigrant, this.schoolHost, this.stats,
      this.districtResidents, this.districtMigrants, this.districtPrejudice, this.districtAdults, this.districtEmployed,
      this.districtLanguage, this.districtLike, this.districtOccupied, this.districtEncounters, this.districtOutgroup,
    ]) a.fill(0);
    for (const row of this.tractGroups) row.fill(0);
    this.like = 0;
    this.occupied = 0;
    this.households = 0;
    this.unhappyHouseholds = 0;
    const r = w.residents;
    const hh = w.households;
    const dw = w.dwellings;
    const host = this.host;
    const schoolFirst = this.schoolFirst();
    const R = w.counts[Count.residents];
    for (let i = 0; i < R; i++) {
      const h = r.household[i];
      if (hh.size[h] === 0) continue;
      const g = r.group[i];
      const dwelling = hh.dwelling[h];
      const d = dw.district[dwelling];
      const t = dw.tract[dwelling];
      const migrant = g !== host;
      this.residents[g]++;
      this.prejudice[g] += r.prejudice[i];
      this.language[g] += r.language[i];
      this.trust[g] += r.trust[i];
      this.belonging[g] += r.belonging[i];
      this.tractGroups[t][g]++;
      this.districtResidents[d]++;
      if (migrant) {
        this.tractMigrant[t]++;
        this.districtMigrants[d]++;
        this.districtLanguage[d] += r.language[i];
        this.strategies[strategyIndex(r.heritage[i], r.adoption[i])]++;
        this.levels[levelIndex(r.language[i])]++;
      } else {
        this.tractHost[t]++;
        this.districtPrejudice[d] += r.prejudice[i];
      }
      if (r.age[i] === AgeClass.adult) {
        this.adults[g]++;
        this.districtAdults[d]++;
        if (r.job[i] !== NONE) {
          this.employed[g]++;
          this.districtEmployed[d]++;
        }
      } else if (r.age[i] === AgeClass.child && dw.school[dwelling] !== NONE) {
        const s = dw.school[dwelling] - schoolFirst;
        if (migrant) this.schoolMigrant[s]++;
        else this.schoolHost[s]++;
      }
    }
    const H = w.counts[Count.households];
    for (let h = 0; h < H; h++) {
      if (hh.size[h] === 0) continue;
      const counts = neighbourCounts(w, hh.dwelling[h], hh.group[h] + 1, NONE);
      const d = dw.district[hh.dwelling[h]];
      this.like += counts >> 4;
      this.occupied += counts & 15;
      this.districtLike[d] += counts >> 4;
      this.districtOccupied[d] += counts & 15;
      this.households++;
      if (isUnhappy(counts, hh.threshold[h])) this.unhappyHouseholds++;
    }
    const st = w.spaces.stats;
    for (let s = 0; s < w.sizes.spaces; s++) {
      const o = s * SPACE_STATS;
      for (let k = 0; k < SPACE_STATS; k++) this.stats[k] += st[o + k];
      this.districtEncounters[w.spaces.district[s]] += st[o + SpaceStat.encounters];
      this.districtOutgroup[w.spaces.district[s]] += st[o + SpaceStat.outgroup];
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
