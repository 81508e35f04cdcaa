import type { Scenario } from '../../scenarios/schema/scenario.ts';
import type { Kind, TypedArray } from './shared.ts';
import { SPACE_TYPES } from './spaceTypes.ts';

/**
 * The state of a city as struct-of-arrays. A resident, household, dwelling or space is an
 * index into these arrays. Every array lives in shared memory so worker threads can work on
 * the same city; `layoutWorld` is the one place that says what exists, used both to allocate
 * (main thread) and to attach (workers).
 */
export interface Sizes {
  width: number;
  height: number;
  districts: number;
  tracts: number;
  groups: number;
  residentCapacity: number;
  householdCapacity: number;
  spaces: number;
}

/** Per-space daily counters, summed in a fixed order when a day is recorded. */
export const SpaceStat = { visits: 0, encounters: 1, outgroup: 2, negative: 3, incidents: 4, mediated: 5 } as const;
export const SPACE_STATS = 6;

/** Counters that change during a run, in shared memory. */
export const Count = { residents: 0, households: 1, vacancies: 2 } as const;

/** City-wide scalars that phases read, updated serially between phases. */
export const Env = { hostPrejudice: 0, initialHostPrejudice: 1 } as const;

export interface World {
  scenario: Scenario;
  sizes: Sizes;
  root: number;
  counts: Int32Array;
  env: Float64Array;
  residents: {
    group: Uint8Array;
    age: Uint8Array;
    household: Int32Array;
    language: Float32Array;
    prejudice: Float32Array;
    trust: Float32Array;
    belonging: Float32Array;
    heritage: Float32Array;
    adoption: Float32Array;
    job: Int32Array;
    arrival: Int32Array;
    ingroupContacts: Uint32Array;
    outgroupContacts: Uint32Array;
    /** Where the resident is in the current slot: a space index, or NONE for home. */
    location: Int32Array;
  };
  households: {
    dwelling: Int32Array;
    group: Uint8Array;
    threshold: Float32Array;
    first: Int32Array;
    size: Uint8Array;
    unhappy: Uint8Array;
  };
  dwellings: {
    occupant: Int32Array;
    /** 0 for a vacant dwelling, else the occupying household's group + 1 (the map the viewer draws). */
    cell: Uint8Array;
    district: Uint16Array;
    tract: Int32Array;
    school: Int32Array;
    vacancies: Int32Array;
    vacancyIndex: Int32Array;
  };
  spaces: {
    type: Uint8Array;
    district: Uint16Array;
    /** The group a place of worship serves; 255 for spaces open to all. */
    group: Uint8Array;
    /** Allport's four conditions, four per space, and their weighted score. */
    conditions: Float32Array;
    allport: Float32Array;
    encounters: Float32Array;
    stats: Int32Array;
    visitorStart: Int32Array;
    visitors: Int32Array;
  };
  lookup: {
    /** CSR over (type, district): spaces of type t in district d are typeDistrictStart[t*D+d] .. [t*D+d+1]. */
    typeDistrictStart: Int32Array;
    /** The place of worship a resident of group g living in district d attends. */
    worshipOf: Int32Array;
    marketOf: Int32Array;
    officeOf: Int32Array;
  };
}

export type ArraySource = <K extends Kind>(name: string, kind: K, length: number) => TypedArray;

export function layoutWorld(scenario: Scenario, sizes: Sizes, root: number, get: ArraySource): World {
  const R = sizes.residentCapacity;
  const H = sizes.householdCapacity;
  const N = sizes.width * sizes.height;
  const S = sizes.spaces;
  const D = sizes.districts;
  const T = SPACE_TYPES.length;
  const u8 = (n: string, len: number) => get(n, 'u8', len) as Uint8Array;
  const u16 = (n: string, len: number) => get(n, 'u16', len) as Uint16Array;
  const i32 = (n: string, len: number) => get(n, 'i32', len) as Int32Array;
  const u32 = (n: string, len: number) => get(n, 'u32', len) as Uint32Array;
  const f32 = (n: string, len: number) => get(n, 'f32', len) as Float32Array;
  return {
    scenario,
    sizes,
    root,
    counts: i32('counts', 4),
    env: get('env', 'f64', 8) as Float64Array,
    residents: {
      group: u8('resident.group', R),
      age: u8('resident.age', R),
      household: i32('resident.household', R),
      language: f32('resident.language', R),
      prejudice: f32('resident.prejudice', R),
      trust: f32('resident.trust', R),
      belonging: f32('resident.belonging', R),
      heritage: f32('resident.heritage', R),
      adoption: f32('resident.adoption', R),
      job: i32('resident.job', R),
      arrival: i32('resident.arrival', R),
      ingroupContacts: u32('resident.ingroupContacts', R),
      outgroupContacts: u32('resident.outgroupContacts', R),
      location: i32('resident.location', R),
    },
    households: {
      dwelling: i32('household.dwelling', H),
      group: u8('household.group', H),
      threshold: f32('household.threshold', H),
      first: i32('household.first', H),
      size: u8('household.size', H),
      unhappy: u8('household.unhappy', H),
    },
    dwellings: {
      occupant: i32('dwelling.occupant', N),
      cell: u8('dwelling.cell', N),
      district: u16('dwelling.district', N),
      tract: i32('dwelling.tract', N),
      school: i32('dwelling.school', N),
      vacancies: i32('dwelling.vacancies', N),
      vacancyIndex: i32('dwelling.vacancyIndex', N),
    },
    spaces: {
      type: u8('space.type', S),
      district: u16('space.district', S),
      group: u8('space.group', S),
      conditions: f32('space.conditions', S * 4),
      allport: f32('space.allport', S),
      encounters: f32('space.encounters', S),
      stats: i32('space.stats', S * SPACE_STATS),
      visitorStart: i32('space.visitorStart', S + 1),
      visitors: i32('space.visitors', R),
    },
    lookup: {
      typeDistrictStart: i32('lookup.typeDistrictStart', T * D + 1),
      worshipOf: i32('lookup.worshipOf', sizes.groups * D),
      marketOf: i32('lookup.marketOf', D),
      officeOf: i32('lookup.officeOf', D),
    },
  };
}
