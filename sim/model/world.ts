import type { Scenario } from '../../scenarios/schema/scenario.ts';
import type { Kind, TypedArray } from './shared.ts';
import { SPACE_TYPES } from './spaceTypes.ts';
import { layoutLevers, type Levers } from './levers.ts';
import { visitorBlocks } from './visitorBlocks.ts';

/**
 * The state of a city as struct-of-arrays. A resident, household, dwelling or space is an
 * index into these arrays. Every array lives in shared memory so the threads of a run work on
 * the same city; `layoutWorld` is the one place that says what exists, used both to allocate
 * (main thread) and to attach (helper threads).
 */
export interface Sizes {
  width: number;
  height: number;
  districts: number;
  /** Districts across the grid (row length of district indices). */
  districtsX: number;
  tracts: number;
  groups: number;
  residentCapacity: number;
  householdCapacity: number;
  spaces: number;
}

/** Per-space daily counters, summed in a fixed order when a day is recorded. */
export const SpaceStat = { visits: 0, encounters: 1, outgroup: 2, negative: 3, incidents: 4, mediated: 5, ties: 6 } as const;
export const SPACE_STATS = 7;

/** Counters that change during a run, in shared memory. */
export const Count = { residents: 0, households: 1, vacancies: 2 } as const;

/**
 * City-wide scalars that phases read, set serially before the parallel phases of a day
 * (by the timeline and the model's own aggregates), so the run's threads see them through shared
 * memory. What policies set are levers (levers.ts).
 */
export const Env = {
  hostPrejudice: 0,
  initialHostPrejudice: 1,
  /** Today's media-shock level (added to hosts' prejudice, less with out-group ties). */
  media: 2,
  mediaBuffer: 3,
  hireMultiplier: 4,
  jobLossMultiplier: 5,
} as const;
export const ENV_FIELDS = 24;

/** Bits of resident.flags. */
export const Flag = {
  foreignDiploma: 1,
  recognised: 2,
  applied: 4,
  enrolled: 8,
  mobility: 16,
  participant: 32,
  female: 64,
  /** Works (or teaches) at a language class: police officers and city staff of the civic component. */
  classStaff: 128,
} as const;

/** Bits of resident.traits: stable facts about a resident that the flags have no room for. */
export const Trait = {
  /** Born in the city (no years since arrival, second generation for migrant groups). */
  bornHere: 1,
  /** Cannot read or write in any script (slower language learning). */
  illiterate: 2,
} as const;

/** Tie links a resident can hold at once (a sympathy group of friends and close acquaintances). */
export const TIE_SLOTS = 8;
/**
 * End day of a tie that outlasts any run (runs last at most 36,500 days): tie end days are
 * stored in two bytes and capped here, which changes nothing a run can see.
 */
export const TIE_NEVER = 65_535;

export interface World {
  scenario: Scenario;
  sizes: Sizes;
  root: number;
  counts: Int32Array;
  env: Float64Array;
  residents: {
    group: Uint8Array;
    age: Uint8Array;
    /** 0 low, 1 medium, 2 high. */
    education: Uint8Array;
    /** Bits of Flag. */
    flags: Uint8Array;
    /** Tie links held, in-group and out-group (at most TIE_SLOTS together). */
    ingroupTies: Uint8Array;
    outgroupTies: Uint8Array;
    /** Hours of language class attended. */
    classHours: Uint16Array;
    /** The resident's own baseline prejudice (x 255), what attitudes return to without contact. */
    disposition: Uint8Array;
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
    /** Bits of Trait. */
    traits: Uint8Array;
    /** How much contact moves this person's prejudice (x 64: 64 is the average). */
    susceptibility: Uint8Array;
    /** Speed of learning the host language relative to the average (x 64). */
    aptitude: Uint8Array;
    /** Own preference for keeping the heritage culture, 0..255. */
    orientation: Uint8Array;
    /** A uniform draw 0..255 compared with the group's and sex's participation to say who seeks work. */
    workPropensity: Uint8Array;
    /**
     * Tie links, TIE_SLOTS per resident: the partner's index (NONE for an empty slot) and the day
     * the tie ends, capped at TIE_NEVER (later than any run can last, so two bytes suffice).
     */
    tiePartner: Int32Array;
    tieEnd: Uint16Array;
  };
  households: {
    dwelling: Int32Array;
    /** The district of the household's dwelling, kept with `dwelling` (dwellingBook.ts) so loops over residents find where they live without a scattered read of the dwelling. */
    district: Uint16Array;
    group: Uint8Array;
    threshold: Float32Array;
    first: Int32Array;
    size: Uint8Array;
    unhappy: Uint8Array;
    /** Means from 0.7 (no earner) to 1.3 (every adult employed), recomputed daily. */
    means: Float32Array;
    /** Scratch of the serial demography step: households leaving today. */
    leaving: Uint8Array;
    /** Children living in the household, counted each day by the serial demography step. */
    children: Uint8Array;
  };
  dwellings: {
    occupant: Int32Array;
    /** 0 for a vacant dwelling, else the occupying household's group + 1 (the map the viewer draws). */
    cell: Uint8Array;
    /** Occupied Moore neighbours of each dwelling, then those of each group: G + 1 counts per dwelling, kept up to date on every change of a cell (keptNeighbourCounts.ts). */
    neighbours: Uint8Array;
    district: Uint16Array;
    tract: Int32Array;
    school: Int32Array;
    vacancies: Int32Array;
    vacancyIndex: Int32Array;
  };
  tracts: {
    /**
     * Living residents by tract and group, flat (tract-major: [tract * G + group]), kept up to
     * date wherever a household moves in, moves, grows, shrinks or leaves (dwellingBook.ts),
     * so the census copies it instead of counting every resident.
     */
    residents: Int32Array;
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
    /** Skill level of a workplace: 0 low, 1 medium, 2 high. */
    level: Uint8Array;
    stats: Int32Array;
    visitorStart: Int32Array;
    visitors: Int32Array;
    /** Gathering's counts of visitors per block of residents and space (gather.ts). */
    visitorCounts: Int32Array;
  };
  /** Per-district rent, and the aggregates the model feeds back into itself each day (feedback.ts). */
  district: {
    rent: Float32Array;
    /** Mean prejudice of each group in each district, D x G. */
    groupPrejudice: Float32Array;
    /** Share of each group's residents with out-group ties in each district, D x G. */
    groupOutTies: Float32Array;
    migrantShare: Float32Array;
    /** Migrant share smoothed over about a year: the threat term compares it with today's. */
    migrantShareSlow: Float32Array;
    /** Share of each group among each district's residents, D x G (co-ethnic density). */
    groupShare: Float32Array;
    /** Living residents by district and group, D x G, kept up to date like the tracts' (dwellingBook.ts). */
    residents: Int32Array;
  };
  /** What policies set each day (levers.ts). */
  levers: Levers;
  lookup: {
    /** CSR over (type, district): spaces of type t in district d are typeDistrictStart[t*D+d] .. [t*D+d+1]. */
    typeDistrictStart: Int32Array;
    /** The place of worship a resident of group g living in district d attends. */
    worshipOf: Int32Array;
    marketOf: Int32Array;
    officeOf: Int32Array;
    /** The language class and the shared meeting centre serving each district (NONE if none). */
    classOf: Int32Array;
    centreOf: Int32Array;
    /** Workplaces grouped by skill level: those of level L are workplacesByLevel[levelStart[L] .. levelStart[L+1]). */
    workplacesByLevel: Int32Array;
    levelStart: Int32Array;
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
    env: get('env', 'f64', ENV_FIELDS) as Float64Array,
    residents: {
      group: u8('resident.group', R),
      age: u8('resident.age', R),
      education: u8('resident.education', R),
      flags: u8('resident.flags', R),
      ingroupTies: u8('resident.ingroupTies', R),
      outgroupTies: u8('resident.outgroupTies', R),
      classHours: u16('resident.classHours', R),
      disposition: u8('resident.disposition', R),
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
      traits: u8('resident.traits', R),
      susceptibility: u8('resident.susceptibility', R),
      aptitude: u8('resident.aptitude', R),
      orientation: u8('resident.orientation', R),
      workPropensity: u8('resident.workPropensity', R),
      tiePartner: i32('resident.tiePartner', R * TIE_SLOTS),
      tieEnd: u16('resident.tieEnd', R * TIE_SLOTS),
    },
    households: {
      dwelling: i32('household.dwelling', H),
      district: u16('household.district', H),
      group: u8('household.group', H),
      threshold: f32('household.threshold', H),
      first: i32('household.first', H),
      size: u8('household.size', H),
      unhappy: u8('household.unhappy', H),
      means: f32('household.means', H),
      leaving: u8('household.leaving', H),
      children: u8('household.children', H),
    },
    dwellings: {
      occupant: i32('dwelling.occupant', N),
      cell: u8('dwelling.cell', N),
      neighbours: u8('dwelling.neighbours', N * (sizes.groups + 1)),
      district: u16('dwelling.district', N),
      tract: i32('dwelling.tract', N),
      school: i32('dwelling.school', N),
      vacancies: i32('dwelling.vacancies', N),
      vacancyIndex: i32('dwelling.vacancyIndex', N),
    },
    tracts: {
      residents: i32('tract.residents', sizes.tracts * sizes.groups),
    },
    spaces: {
      type: u8('space.type', S),
      district: u16('space.district', S),
      group: u8('space.group', S),
      conditions: f32('space.conditions', S * 4),
      allport: f32('space.allport', S),
      encounters: f32('space.encounters', S),
      level: u8('space.level', S),
      stats: i32('space.stats', S * SPACE_STATS),
      visitorStart: i32('space.visitorStart', S + 1),
      visitors: i32('space.visitors', R),
      visitorCounts: i32('space.visitorCounts', visitorBlocks(sizes).blocks * S),
    },
    district: {
      rent: f32('district.rent', D),
      groupPrejudice: f32('district.groupPrejudice', D * sizes.groups),
      groupOutTies: f32('district.groupOutTies', D * sizes.groups),
      migrantShare: f32('district.migrantShare', D),
      migrantShareSlow: f32('district.migrantShareSlow', D),
      groupShare: f32('district.groupShare', D * sizes.groups),
      residents: i32('district.residents', D * sizes.groups),
    },
    levers: layoutLevers(sizes, get),
    lookup: {
      typeDistrictStart: i32('lookup.typeDistrictStart', T * D + 1),
      worshipOf: i32('lookup.worshipOf', sizes.groups * D),
      marketOf: i32('lookup.marketOf', D),
      officeOf: i32('lookup.officeOf', D),
      classOf: i32('lookup.classOf', D),
      centreOf: i32('lookup.centreOf', D),
      workplacesByLevel: i32('lookup.workplacesByLevel', S),
      levelStart: i32('lookup.levelStart', 4),
    },
  };
}
