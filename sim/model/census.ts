import type { World } from './world.ts';
import { SPACE_STATS, SpaceStat } from './world.ts';
import type { DemographyToday } from './demography.ts';
import { Phase, type ParallelFor } from './phases.ts';
import { threadContext, type ThreadContext } from './context.ts';
import { censusLayout, rowViews, type CensusBlocks, type CensusRow } from './censusLayout.ts';
import { countCensusBlocks } from './censusBlock.ts';
import { ALL_SECTIONS, Section } from './censusSections.ts';

/**
 * Aggregates of the city on a recorded day, from which every indicator is a small function.
 * The census phase counts fixed blocks of residents and households into rows of partial sums,
 * on every run thread; the rows are added here in block order, so the sums are the same
 * bytes for any thread count (censusLayout.ts). The census only records: nothing in the
 * model reads it (what the model feeds back is neighbourhoods.ts).
 */
export class Census {
  readonly G: number;
  readonly D: number;
  readonly host: number;
  /** Residents by group, from the city's kept counts by district (world.ts `district.residents`). */
  residents: Float64Array;
  adults: Float64Array;
  employed: Float64Array;
  prejudice: Float64Array;
  language: Float64Array;
  trust: Float64Array;
  belonging: Float64Array;
  strategies: Float64Array;
  levels: Float64Array;
  tractMigrant: Float64Array;
  tractHost: Float64Array;
  /** Residents by tract and group, flat (tract-major): [tract * G + group], copied from the city's kept counts (world.ts `tracts`). */
  tractGroupCounts: Float64Array;
  schoolMigrant: Float64Array;
  schoolHost: Float64Array;
  like = 0;
  occupied = 0;
  households = 0;
  unhappyHouseholds = 0;
  stats = new Float64Array(SPACE_STATS);
  /** Employment of adults by sex, host (0) and migrant (1): [hostWomen, hostMen, migrantWomen, migrantMen]. */
  adultsBySex: Float64Array;
  employedBySex: Float64Array;
  /** Migrant adults and employed migrant adults by years since arrival: under 5, 5 to 10, 10 and more. */
  adultsByYears: Float64Array;
  employedByYears: Float64Array;
  overQualified: Float64Array;
  skilledEmployed: Float64Array;
  diplomaHolders = 0;
  diplomasRecognised = 0;
  /** Employed migrant adults with a foreign diploma: recognised, unrecognised. */
  diplomaEmployed: Float64Array;
  /** Employed adults with tertiary education (hosts, migrants), and those of them in jobs below tertiary level (Eurostat). */
  tertiaryEmployed: Float64Array;
  tertiaryBelow: Float64Array;
  outTied: Float64Array;
  outTies: Float64Array;
  participants = 0;
  migrantAdults = 0;
  enrolled = 0;
  migrantChildren = 0;
  schoolSuccess = 0;
  /** Today's demography (the step's own counts, read here) and spending, set by the simulation. */
  demography: DemographyToday = { arrived: 0, turnedAway: 0, departed: 0, births: 0, deaths: 0 };
  spending = 0;
  policySpending: Record<string, number> = {};
  /** Residents and migrants by district, from the city's kept counts (world.ts `district.residents`). */
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
  /** The day of the last census (for years since arrival). */
  day = 0;
  private readonly blocks: CensusBlocks;
  private readonly totals: Float64Array;
  private readonly sums: CensusRow;
  private readonly par?: ParallelFor;
  private readonly ownThread?: ThreadContext;

  /**
   * `blocks` and `par` come from the simulation, which shares the rows with its run threads;
   * without them the census counts on the calling thread, into rows of its own.
   */
  constructor(
    private readonly world: World,
    blocks?: CensusBlocks,
    par?: ParallelFor,
  ) {
    const { groups: G, districts: D, tracts } = world.sizes;
    this.G = G;
    this.D = D;
    this.host = world.scenario.population.groups.findIndex((g) => g.host);
    if (!blocks) {
      const layout = censusLayout(world);
      blocks = { layout, rows: new Float64Array(layout.blocks * layout.stride) };
    }
    this.blocks = blocks;
    this.par = par;
    if (!par) this.ownThread = { ...threadContext(world), census: blocks };
    this.totals = new Float64Array(blocks.layout.stride);
    const s = (this.sums = rowViews(blocks.layout, this.totals, 0));
    this.residents = new Float64Array(G);
    this.adults = s.adults;
    this.employed = s.employed;
    this.prejudice = s.prejudice;
    this.language = s.language;
    this.trust = s.trust;
    this.belonging = s.belonging;
    this.strategies = s.strategies;
    this.levels = s.levels;
    this.tractMigrant = new Float64Array(tracts);
    this.tractHost = new Float64Array(tracts);
    this.tractGroupCounts = new Float64Array(tracts * G);
    this.schoolMigrant = s.schoolMigrant;
    this.schoolHost = s.schoolHost;
    this.adultsBySex = s.adultsBySex;
    this.employedBySex = s.employedBySex;
    this.adultsByYears = s.adultsByYears;
    this.employedByYears = s.employedByYears;
    this.overQualified = s.overQualified;
    this.skilledEmployed = s.skilledEmployed;
    this.diplomaEmployed = s.diplomaEmployed;
    this.tertiaryEmployed = s.tertiaryEmployed;
    this.tertiaryBelow = s.tertiaryBelow;
    this.outTied = s.outTied;
    this.outTies = s.outTies;
    this.districtResidents = new Float64Array(D);
    this.districtMigrants = new Float64Array(D);
    this.districtPrejudice = s.districtPrejudice;
    this.districtAdults = s.districtAdults;
    this.districtEmployed = s.districtEmployed;
    this.districtLanguage = s.districtLanguage;
    this.districtLike = s.districtLike;
    this.districtOccupied = s.districtOccupied;
    this.districtEncounters = new Float64Array(D);
    this.districtOutgroup = new Float64Array(D);
  }

  /**
   * Counts the current state. `sections` (censusSections.ts) leaves out sums that cannot have
   * changed since the last census: by default everything is recounted.
   */
  take(day = this.day, sections = ALL_SECTIONS): this {
    this.day = day;
    const w = this.world;
    const { layout, rows } = this.blocks;
    if (this.par) this.par.run(Phase.census, layout.blocks, day, sections);
    else if (this.ownThread) countCensusBlocks(this.ownThread, day, sections, 0, layout.blocks);
    const totals = this.totals;
    const stride = layout.stride;
    totals.fill(0);
    for (let b = 0; b < layout.blocks; b++) {
      const base = b * stride;
      for (let k = 0; k < stride; k++) totals[k] += rows[base + k];
    }
    if (sections & Section.residence) {
      this.tractGroupCounts.set(w.tracts.residents);
      this.splitTracts();
      this.splitDistricts();
    }
    const s = this.sums;
    this.like = s.like[0];
    this.occupied = s.occupied[0];
    this.households = s.households[0];
    this.unhappyHouseholds = s.unhappyHouseholds[0];
    this.diplomaHolders = s.diplomaHolders[0];
    this.diplomasRecognised = s.diplomasRecognised[0];
    this.participants = s.participants[0];
    this.migrantAdults = s.migrantAdults[0];
    this.enrolled = s.enrolled[0];
    this.migrantChildren = s.migrantChildren[0];
    this.schoolSuccess = s.schoolSuccess[0];
    const { stats, districtEncounters, districtOutgroup } = this;
    stats.fill(0);
    districtEncounters.fill(0);
    districtOutgroup.fill(0);
    const st = w.spaces.stats;
    for (let sp = 0; sp < w.sizes.spaces; sp++) {
      const o = sp * SPACE_STATS;
      for (let k = 0; k < SPACE_STATS; k++) stats[k] += st[o + k];
      districtEncounters[w.spaces.district[sp]] += st[o + SpaceStat.encounters];
      districtOutgroup[w.spaces.district[sp]] += st[o + SpaceStat.outgroup];
    }
    return this;
  }

  /**
   * Migrants and hosts by tract, from the residents by tract and group. Whole counts, so the
   * sums are exact in any order: the same numbers as counting them resident by resident.
   */
  private splitTracts(): void {
    const { G, host, tractGroupCounts, tractMigrant, tractHost } = this;
    for (let t = 0; t < tractMigrant.length; t++) {
      let migrants = 0;
      for (let g = 0; g < G; g++) if (g !== host) migrants += tractGroupCounts[t * G + g];
      tractMigrant[t] = migrants;
      tractHost[t] = host >= 0 ? tractGroupCounts[t * G + host] : 0;
    }
  }

  /** Residents by group, and residents and migrants by district, from the district-by-group counts. Whole counts, as for the tracts. */
  private splitDistricts(): void {
    const { G, D, host, residents, districtResidents, districtMigrants } = this;
    const byGroup = this.world.district.residents;
    residents.fill(0);
    for (let d = 0; d < D; d++) {
      let all = 0;
      let migrants = 0;
      for (let g = 0; g < G; g++) {
        const n = byGroup[d * G + g];
        residents[g] += n;
        all += n;
        if (g !== host) migrants += n;
      }
      districtResidents[d] = all;
      districtMigrants[d] = migrants;
    }
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
