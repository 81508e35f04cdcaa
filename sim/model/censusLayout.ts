import type { World } from './world.ts';
import { attach, type SharedArrays, type SharedDescription } from './shared.ts';
import { SpaceKind } from './spaceTypes.ts';
import { STRATEGIES } from './berry.ts';
import { LEVELS } from './levels.ts';

/**
 * The census is counted in fixed blocks of residents and households, each block into its own
 * row of partial sums, and the rows are then added in block order. Blocks depend only on the
 * city's capacity, never on the thread count, so the sums are the same bytes whatever the
 * threads. A city of up to BLOCK residents is one block: its sums are made in index order,
 * exactly as a serial count would make them.
 */
export const BLOCK = 1 << 16;
/** At most this many blocks: larger cities get larger blocks, so the rows stay few and cheap to add. */
const MAX_BLOCKS = 64;

/** Sums with one entry per group, per school, per district, or a fixed number. */
function fieldLengths(world: World) {
  const { groups: G, districts: D } = world.sizes;
  const schools = schoolCount(world);
  return {
    adults: G,
    employed: G,
    prejudice: G,
    language: G,
    trust: G,
    belonging: G,
    strategies: STRATEGIES.length,
    levels: LEVELS.length,
    schoolMigrant: schools,
    schoolHost: schools,
    adultsBySex: 4,
    employedBySex: 4,
    adultsByYears: 3,
    employedByYears: 3,
    overQualified: 2,
    skilledEmployed: 2,
    diplomaEmployed: 2,
    tertiaryEmployed: 2,
    tertiaryBelow: 2,
    outTied: 2,
    outTies: 2,
    districtPrejudice: D,
    districtAdults: D,
    districtEmployed: D,
    districtLanguage: D,
    districtLike: D,
    districtOccupied: D,
    // Single counts.
    like: 1,
    occupied: 1,
    households: 1,
    unhappyHouseholds: 1,
    diplomaHolders: 1,
    diplomasRecognised: 1,
    participants: 1,
    migrantAdults: 1,
    enrolled: 1,
    migrantChildren: 1,
    schoolSuccess: 1,
  };
}

export type CensusField = keyof ReturnType<typeof fieldLengths>;
export type CensusRow = Record<CensusField, Float64Array>;

export function schoolFirst(world: World): number {
  return world.lookup.typeDistrictStart[SpaceKind.school * world.sizes.districts];
}

export function schoolCount(world: World): number {
  return world.lookup.typeDistrictStart[(SpaceKind.school + 1) * world.sizes.districts] - schoolFirst(world);
}

/** Where each sum sits in a row, how long a row is, and how the city is cut into blocks. */
export interface CensusLayout {
  offsets: Record<CensusField, number>;
  lengths: Record<CensusField, number>;
  stride: number;
  blocks: number;
  residentsPerBlock: number;
  householdsPerBlock: number;
}

export function censusLayout(world: World): CensusLayout {
  const lengths = fieldLengths(world);
  const offsets = {} as Record<CensusField, number>;
  let stride = 0;
  for (const name of Object.keys(lengths) as CensusField[]) {
    offsets[name] = stride;
    stride += lengths[name];
  }
  const { residentCapacity: R, householdCapacity: H } = world.sizes;
  const residentsPerBlock = BLOCK * Math.max(1, Math.ceil(R / (BLOCK * MAX_BLOCKS)));
  const householdsPerBlock = BLOCK * Math.max(1, Math.ceil(H / (BLOCK * MAX_BLOCKS)));
  const blocks = Math.max(1, Math.ceil(R / residentsPerBlock), Math.ceil(H / householdsPerBlock));
  return { offsets, lengths, stride, blocks, residentsPerBlock, householdsPerBlock };
}

/** Views of one row of sums (the rows of all blocks, or the totals) by field name. */
export function rowViews(layout: CensusLayout, buffer: Float64Array, row: number): CensusRow {
  const views = {} as CensusRow;
  const base = row * layout.stride;
  for (const name of Object.keys(layout.offsets) as CensusField[]) {
    const at = base + layout.offsets[name];
    views[name] = buffer.subarray(at, at + layout.lengths[name]);
  }
  return views;
}

/** The shared rows of partial sums, one per block, that the census phase writes. */
export interface CensusBlocks {
  layout: CensusLayout;
  rows: Float64Array;
}

const CENSUS_ROWS = 'census.rows';

/** The city's census rows in shared memory, made on first use (before the run threads start). */
export function censusBlocksOf(world: World, arrays: SharedArrays): CensusBlocks {
  if (!arrays.describe()[CENSUS_ROWS]) {
    const layout = censusLayout(world);
    arrays.alloc(CENSUS_ROWS, 'f64', layout.blocks * layout.stride);
  }
  return attachCensusBlocks(world, arrays.describe());
}

/** The same rows, mapped by a helper run thread. */
export function attachCensusBlocks(world: World, desc: SharedDescription): CensusBlocks {
  return { layout: censusLayout(world), rows: attach(desc, CENSUS_ROWS, 'f64') };
}
