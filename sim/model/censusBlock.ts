import type { ThreadContext } from './context.ts';
import { Count, Flag } from './world.ts';
import { AgeClass, NONE } from './spaceTypes.ts';
import { isUnhappy, thresholdOf } from './housing.ts';
import { keptCounts } from './keptNeighbourCounts.ts';
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
  // Locals, not property reads, in the loop over every resident.
  const { residents, prejudice, language, trust, belonging, tractGroupCounts, districtResidents, outTied, outTies, enrolled } = v;
  const { districtMigrants, districtLanguage, districtPrejudice, strategies, levels } = v;
  const { adults, districtAdults, adultsBySex, employed, districtEmployed, employedBySex, skilledEmployed, overQualified } = v;
  const { migrantAdults, participants, diplomaHolders, diplomasRecognised, diplomaEmployed, adultsByYears, employedByYears } = v;
  const { tertiaryEmployed, tertiaryBelow } = v;
  const spaceLevel = w.spaces.level;
  const { schoolMigrant, schoolHost, migrantChildren, schoolSuccess } = v;
  const { age, household, group, language: lang, outgroupTies, flags, job, education, arrival, heritage, adoption } = r;
  const { dwelling: hhDwelling, district: hhDistrict, tract: hhTract } = hh;
  const dwSchool = dw.school;
  for (let i = start; i < end; i++) {
    if (age[i] === AgeClass.gone) continue;
    const h = household[i];
    const g = group[i];
    const d = hhDistrict[h];
    const t = hhTract[h];
    const migrant = g !== host;
    residents[g]++;
    const shown = shownPrejudice(w, i, host);
    prejudice[g] += shown;
    language[g] += lang[i];
    trust[g] += r.trust[i];
    belonging[g] += r.belonging[i];
    tractGroupCounts[t * G + g]++;
    districtResidents[d]++;
    const m = migrant ? 1 : 0;
    if (outgroupTies[i] > 0) outTied[m]++;
    outTies[m] += outgroupTies[i];
    if (flags[i] & Flag.enrolled) enrolled[0]++;
    if (migrant) {
      districtMigrants[d]++;
      districtLanguage[d] += lang[i];
      strategies[strategyIndex(heritage[i], adoption[i])]++;
      levels[levelIndex(lang[i])]++;
    } else {
      districtPrejudice[d] += shown;
    }
    if (age[i] === AgeClass.adult) {
      const hasJob = job[i] !== NONE;
      const sex = m * 2 + (flags[i] & Flag.female ? 0 : 1);
      adults[g]++;
      districtAdults[d]++;
      adultsBySex[sex]++;
      if (hasJob) {
        employed[g]++;
        districtEmployed[d]++;
        employedBySex[sex]++;
        if (education[i] > 0) {
          skilledEmployed[m]++;
          if (isOverQualified(w, i)) overQualified[m]++;
        }
        if (education[i] === 2) {
          tertiaryEmployed[m]++;
          if (spaceLevel[job[i]] < 2) tertiaryBelow[m]++;
        }
      }
      if (migrant) {
        migrantAdults[0]++;
        if (flags[i] & Flag.participant) participants[0]++;
        if (flags[i] & Flag.foreignDiploma) {
          diplomaHolders[0]++;
          if (flags[i] & Flag.recognised) diplomasRecognised[0]++;
          if (hasJob) diplomaEmployed[flags[i] & Flag.recognised ? 0 : 1]++;
        }
        const years = (day - arrival[i]) / 365;
        const band = years < 5 ? 0 : years < 10 ? 1 : 2;
        adultsByYears[band]++;
        if (hasJob) employedByYears[band]++;
      }
    } else if (age[i] === AgeClass.child) {
      const school = dwSchool[hhDwelling[h]];
      if (school !== NONE) {
        const s = school - first;
        if (migrant) schoolMigrant[s]++;
        else schoolHost[s]++;
      }
      if (migrant) {
        migrantChildren[0]++;
        schoolSuccess[0] += 0.5 * lang[i] + 0.5 * r.belonging[i];
      }
    }
  }
}

function countHouseholds(ctx: ThreadContext, v: CensusRow, start: number, end: number): void {
  const w = ctx.world;
  const hh = w.households;
  const district = hh.district;
  let like = 0;
  let occupied = 0;
  let households = 0;
  let unhappy = 0;
  for (let h = start; h < end; h++) {
    if (hh.size[h] === 0) continue;
    const counts = keptCounts(w, hh.dwelling[h], hh.group[h] + 1);
    const d = district[h];
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
