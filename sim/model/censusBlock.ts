import type { ThreadContext } from './context.ts';
import { Count, Env, Flag } from './world.ts';
import { AgeClass, NONE } from './spaceTypes.ts';
import { isUnhappy, Moods } from './housing.ts';
import { overQualified as isOverQualified } from './jobs.ts';
import { shownPrejudice } from './shownPrejudice.ts';
import { strategyIndex } from './berry.ts';
import { levelIndex } from './levels.ts';
import { rowViews, schoolFirst, type CensusLayout, type CensusRow } from './censusLayout.ts';
import { SECTION_FIELDS, Section } from './censusSections.ts';

/**
 * The census phase: counts blocks [start, end) of residents and households, each into its own
 * row of partial sums (censusLayout.ts). Read-only on the city, so it runs on every thread.
 * `sections` (a mask of censusSections.ts) says which sums to count afresh; the others keep
 * what the block's row holds from their last count.
 *
 * Each section is a pass of its own over the block, so that one can be left out; each sum
 * receives its terms in resident order, so the bytes are those of a single loop.
 */
export function countCensusBlocks(ctx: ThreadContext, day: number, sections: number, start: number, end: number): void {
  const blocks = ctx.census;
  if (!blocks) throw new Error('the census phase runs without census rows (the simulation allocates them)');
  const { layout, rows } = blocks;
  const R = ctx.world.counts[Count.residents];
  const H = ctx.world.counts[Count.households];
  for (let b = start; b < end; b++) {
    clearSections(layout, rows, b, sections);
    const v = rowViews(layout, rows, b);
    const first = b * layout.residentsPerBlock;
    const last = Math.min(R, (b + 1) * layout.residentsPerBlock);
    if (sections & Section.residence) countResidence(ctx, day, v, first, last);
    if (sections & Section.attributes) countAttributes(ctx, v, first, last);
    if (sections & Section.neighbourhoods) countNeighbourhoods(ctx, v, b * layout.householdsPerBlock, Math.min(H, (b + 1) * layout.householdsPerBlock));
  }
}

function clearSections(layout: CensusLayout, rows: Float64Array, block: number, sections: number): void {
  const base = block * layout.stride;
  for (const [name, fields] of Object.entries(SECTION_FIELDS)) {
    if (!(sections & Section[name as keyof typeof Section])) continue;
    for (const f of fields) rows.fill(0, base + layout.offsets[f], base + layout.offsets[f] + layout.lengths[f]);
  }
}

/**
 * How long migrant adults have lived here and how many of them work, by years since arrival;
 * children by school and migrant children's school success. (Residents by group, tract and
 * district: the tables the city keeps, world.ts `tracts` and `district.residents`.)
 */
function countResidence(ctx: ThreadContext, day: number, v: CensusRow, start: number, end: number): void {
  const w = ctx.world;
  const host = ctx.host;
  const { age, household, group, job, arrival, language, belonging } = w.residents;
  const { dwelling } = w.households;
  const dwSchool = w.dwellings.school;
  const first = schoolFirst(w);
  const { adultsByYears, employedByYears, schoolMigrant, schoolHost } = v;
  let migrantChildren = 0;
  let schoolSuccess = 0;
  for (let i = start; i < end; i++) {
    const a = age[i];
    if (a === AgeClass.gone) continue;
    const migrant = group[i] !== host;
    if (a === AgeClass.adult) {
      if (!migrant) continue;
      const years = (day - arrival[i]) / 365;
      const band = years < 5 ? 0 : years < 10 ? 1 : 2;
      adultsByYears[band]++;
      if (job[i] !== NONE) employedByYears[band]++;
    } else if (a === AgeClass.child) {
      const school = dwSchool[dwelling[household[i]]];
      if (school !== NONE) {
        if (migrant) schoolMigrant[school - first]++;
        else schoolHost[school - first]++;
      }
      if (migrant) {
        migrantChildren++;
        schoolSuccess += 0.5 * language[i] + 0.5 * belonging[i];
      }
    }
  }
  v.migrantChildren[0] += migrantChildren;
  v.schoolSuccess[0] += schoolSuccess;
}

/**
 * What residents think, speak and do: shown prejudice, language, trust and belonging by group
 * (host prejudice and migrant language by district too), out-group ties, classes,
 * acculturation strategies and language levels, and adults' work, qualifications, diplomas
 * and civic participation.
 */
function countAttributes(ctx: ThreadContext, v: CensusRow, start: number, end: number): void {
  const w = ctx.world;
  const host = ctx.host;
  const r = w.residents;
  const { age, household, group, language: lang, trust: tr, belonging: be, outgroupTies, flags, job, education, heritage, adoption } = r;
  const district = w.households.district;
  const spaceLevel = w.spaces.level;
  const { prejudice, language, trust, belonging, districtPrejudice, districtLanguage, outTied, outTies, strategies, levels } = v;
  const { adults, districtAdults, adultsBySex, employed, districtEmployed, employedBySex, skilledEmployed, overQualified } = v;
  const { diplomaEmployed, tertiaryEmployed, tertiaryBelow } = v;
  // Without a media shock, shown prejudice is prejudice: no call per resident.
  const plain = w.env[Env.media] === 0;
  // Whole counts in locals: the same sums whatever the order of their terms.
  let enrolled = 0;
  let migrantAdults = 0;
  let participants = 0;
  let diplomaHolders = 0;
  let diplomasRecognised = 0;
  for (let i = start; i < end; i++) {
    const a = age[i];
    if (a === AgeClass.gone) continue;
    const g = group[i];
    const d = district[household[i]];
    const migrant = g !== host;
    const m = migrant ? 1 : 0;
    const f = flags[i];
    const shown = plain ? r.prejudice[i] : shownPrejudice(w, i, host);
    prejudice[g] += shown;
    language[g] += lang[i];
    trust[g] += tr[i];
    belonging[g] += be[i];
    if (outgroupTies[i] > 0) outTied[m]++;
    outTies[m] += outgroupTies[i];
    if (f & Flag.enrolled) enrolled++;
    if (migrant) {
      districtLanguage[d] += lang[i];
      strategies[strategyIndex(heritage[i], adoption[i])]++;
      levels[levelIndex(lang[i])]++;
    } else {
      districtPrejudice[d] += shown;
    }
    if (a !== AgeClass.adult) continue;
    const hasJob = job[i] !== NONE;
    const sex = m * 2 + (f & Flag.female ? 0 : 1);
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
      migrantAdults++;
      if (f & Flag.participant) participants++;
      if (f & Flag.foreignDiploma) {
        diplomaHolders++;
        if (f & Flag.recognised) diplomasRecognised++;
        if (hasJob) diplomaEmployed[f & Flag.recognised ? 0 : 1]++;
      }
    }
  }
  v.enrolled[0] += enrolled;
  v.migrantAdults[0] += migrantAdults;
  v.participants[0] += participants;
  v.diplomaHolders[0] += diplomaHolders;
  v.diplomasRecognised[0] += diplomasRecognised;
}

/** Households: like and occupied neighbours (all and by district), households, unhappy households. */
function countNeighbourhoods(ctx: ThreadContext, v: CensusRow, start: number, end: number): void {
  const { size, district } = ctx.world.households;
  const moods = new Moods(ctx.world, ctx.initialPrejudice);
  const { districtLike, districtOccupied } = v;
  let like = 0;
  let occupied = 0;
  let households = 0;
  let unhappy = 0;
  for (let h = start; h < end; h++) {
    if (size[h] === 0) continue;
    const counts = moods.counts(h);
    const d = district[h];
    like += counts >> 4;
    occupied += counts & 15;
    districtLike[d] += counts >> 4;
    districtOccupied[d] += counts & 15;
    households++;
    if (isUnhappy(counts, moods.threshold(h))) unhappy++;
  }
  v.like[0] += like;
  v.occupied[0] += occupied;
  v.households[0] += households;
  v.unhappyHouseholds[0] += unhappy;
}
