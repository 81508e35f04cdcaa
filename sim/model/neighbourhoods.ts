import type { World } from './world.ts';
import { Count, Env } from './world.ts';
import { AgeClass, NONE } from './spaceTypes.ts';

/** Days over which the slow migrant share follows the current one (about a year). */
const SLOW_DAYS = 365;

/**
 * What the model feeds back into itself: a serial phase at the start of each day that counts
 * yesterday's city and writes each group's mean prejudice and share with out-group ties in
 * each district (norms, extended contact), the migrant share and its slow average (threat),
 * each household's means (rent), and the hosts' mean prejudice (employers' discrimination).
 * It belongs to the step, not to the recorders, so a run that records nothing has the same
 * dynamics as one that records every day. Sums run serially in index order, so they are the
 * same bytes for any thread count.
 */
export class Neighbourhoods {
  /** Residents per district, as counted at the start of today (what policies size by). */
  readonly residents: Float64Array;
  private readonly migrants: Float64Array;
  private readonly groupResidents: Float64Array;
  private readonly groupPrejudice: Float64Array;
  private readonly groupOutTied: Float64Array;
  private readonly householdAdults: Float32Array;
  private readonly householdEarners: Float32Array;

  constructor(private readonly world: World) {
    const { districts: D, groups: G, householdCapacity } = world.sizes;
    this.residents = new Float64Array(D);
    this.migrants = new Float64Array(D);
    this.groupResidents = new Float64Array(D * G);
    this.groupPrejudice = new Float64Array(D * G);
    this.groupOutTied = new Float64Array(D * G);
    this.householdAdults = new Float32Array(householdCapacity);
    this.householdEarners = new Float32Array(householdCapacity);
  }

  /** Recounts the city and writes the aggregates; `first` starts the slow average at today's share. */
  update(host: number, first: boolean): void {
    this.count(host);
    const { district } = this.world;
    const D = this.world.sizes.districts;
    const G = this.world.sizes.groups;
    for (let k = 0; k < D * G; k++) {
      const n = this.groupResidents[k];
      district.groupPrejudice[k] = n > 0 ? this.groupPrejudice[k] / n : 0;
      district.groupOutTies[k] = n > 0 ? this.groupOutTied[k] / n : 0;
      const all = this.residents[Math.floor(k / G)];
      district.groupShare[k] = all > 0 ? n / all : 0;
    }
    for (let d = 0; d < D; d++) {
      const n = this.residents[d];
      const share = n > 0 ? this.migrants[d] / n : 0;
      district.migrantShare[d] = share;
      district.migrantShareSlow[d] = first ? share : district.migrantShareSlow[d] + (share - district.migrantShareSlow[d]) / SLOW_DAYS;
    }
    const { means } = this.world.households;
    const H = this.world.counts[Count.households];
    for (let h = 0; h < H; h++) {
      const adults = this.householdAdults[h];
      means[h] = 0.7 + 0.6 * (adults > 0 ? this.householdEarners[h] / adults : 0);
    }
  }

  private count(host: number): void {
    const w = this.world;
    const G = w.sizes.groups;
    const { residents, migrants, groupResidents, groupPrejudice, groupOutTied, householdAdults, householdEarners } = this;
    for (const a of [residents, migrants, groupResidents, groupPrejudice, groupOutTied, householdAdults, householdEarners]) a.fill(0);
    const r = w.residents;
    const hhDistrict = w.households.district;
    const R = w.counts[Count.residents];
    let hostPrejudice = 0;
    let hosts = 0;
    for (let i = 0; i < R; i++) {
      const age = r.age[i];
      if (age === AgeClass.gone) continue;
      const h = r.household[i];
      const g = r.group[i];
      const d = hhDistrict[h];
      const dg = d * G + g;
      if (g === host) {
        hostPrejudice += r.prejudice[i];
        hosts++;
      }
      residents[d]++;
      groupResidents[dg]++;
      groupPrejudice[dg] += r.prejudice[i];
      if (r.outgroupTies[i] > 0) groupOutTied[dg]++;
      if (g !== host) migrants[d]++;
      if (age === AgeClass.adult) {
        householdAdults[h]++;
        if (r.job[i] !== NONE) householdEarners[h]++;
      } else if (age === AgeClass.elder) {
        // Pensions: an elder counts as half an earner for the household's means.
        householdAdults[h]++;
        householdEarners[h] += 0.5;
      }
    }
    w.env[Env.hostPrejudice] = hosts > 0 ? hostPrejudice / hosts : 0;
  }
}
