import type { ThreadContext } from './context.ts';
import { Count, Flag } from './world.ts';
import { AgeClass, NONE } from './spaceTypes.ts';
import { neighbourCounts, isUnhappy, thresholdOf } from './housing.ts';
import { overQualified as isOverQualified } from './jobs.ts';
import { shownPrejudice } from './shownPrejudice.ts';
import { strategyIndex } from './berry.ts';
import { levelIndex } from './levels.ts';
import { rowViews, schoolFirst, type CensusRow } from './censusLayout.ts';

/**
 * The census phase: counts blocks [start, end) of residents and households, each into its own
 * row of partial sums (censusLayout.ts). Read-only on the city, so it runs on every thread.
 */
export function countCensusBlocks(ctx: ThreadContext, day: number, _slot: number, start: number, end: number): void {
  const blocks = ctx.census;
  if (!blocks) throw new Error('the census phase runs without census rows (the simulation allocates them)');
  const { layout, rows } = blocks;
  const R = ctx.world.counts[Count.residents];
  const H = ctx.world.counts[Count.households];
  for (let b = start; b < end; b++) {
    rows.fill(0, b * layout.stride, (b + 1) * layout.stride);
    const v = rowViews(layout, rows, b);
    countResidents(ctx, day, v, b * layout.residentsPerBlock, Math.min(R, (b + 1) * layout.residentsPerBlock));
    countHouseholds(ctx, v, b * layout.householdsPerBlock, Math.min(H, (b + 1) * layout.householdsPerBlock));
  }
}

function countResidents(ctx: ThreadContext, day: number, v: CensusRow, start: number, end: number): void {
  const w = ctx.world;
  const host = ctx.host;
  const G = w.sizes.groups;
  const r = w.residents;
  const hh = w.households;
  const dw = w.dwellings;
  const first = schoolFirst(w);
  const { residents, prejudice, language, trust, belonging, tractGroupCounts, districtResidents, outTied, outTies, enrolled } = v;
  for (let i = start; i < end; i++) {
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
    if (r.flags[i] & Flag.enrolled) enrolled[0]++;
    if (migrant) {
      v.tractMigrant[t]++;
      v.districtMigrants[d]++;
      v.districtLanguage[d] += r.language[i];
      v.strategies[strategyIndex(r.heritage[i], r.adoption[i])]++;
      v.levels[levelIndex(r.language[i])]++;
    } else {
      v.tractHost[t]++;
      v.districtPrejudice[d] += shown;
    }
    if (r.age[i] === AgeClass.adult) {
      const hasJob = r.job[i] !== NONE;
      const sex = m * 2 + (r.flags[i] & Flag.female ? 0 : 1);
      v.adults[g]++;
      v.districtAdults[d]++;
      v.adultsBySex[sex]++;
      if (hasJob) {
        v.employed[g]++;
        v.districtEmployed[d]++;
        v.employedBySex[sex]++;
        if (r.education[i] > 0) {
          v.skilledEmployed[m]++;
          if (isOverQualified(w, i)) v.overQualified[m]++;
        }
      }
      if (migrant) {
        v.migrantAdults[0]++;
        if (r.flags[i] & Flag.participant) v.participants[0]++;
        if (r.flags[i] & Flag.foreignDiploma) {
          v.diplomaHolders[0]++;
          if (r.flags[i] & Flag.recognised) v.diplomasRecognised[0]++;
        }
        const years = (day - r.arrival[i]) / 365;
        const band = years < 5 ? 0 : years < 10 ? 1 : 2;
        v.adultsByYears[band]++;
        if (hasJob) v.employedByYears[band]++;
      }
    } else if (r.age[i] === AgeClass.child) {
      if (dw.school[dwelling] !== NONE) {
        const s = dw.school[dwelling] - first;
        if (migrant) v.schoolMigrant[s]++;
        else v.schoolHost[s]++;
      }
      if (migrant) {
        v.migrantChildren[0]++;
        v.schoolSuccess[0] += 0.5 * r.language[i] + 0.5 * r.belonging[i];
      }
    }
  }
}

function countHouseholds(ctx: ThreadContext, v: CensusRow, start: number, end: number): void {
  const w = ctx.world;
  const hh = w.households;
  const district = w.dwellings.district;
  let like = 0;
  let occupied = 0;
  let households = 0;
  let unhappy = 0;
  for (let h = start; h < end; h++) {
    if (hh.size[h] === 0) continue;
    const counts = neighbourCounts(w, hh.dwelling[h], hh.group[h] + 1, NONE);
    const d = district[hh.dwelling[h]];
    like += counts >> 4;
    occupied += counts & 15;
    v.districtLike[d] += counts >> 4;
    v.districtOccupied[d] += counts & 15;
    households++;
    if (isUnhappy(counts, thresholdOf(w, h, ctx.initialPrejudice))) unhappy++;
  }
  v.like[0] += like;
  v.occupied[0] += occupied;
  v.households[0] += households;
  v.unhappyHouseholds[0] += unhappy;
}
