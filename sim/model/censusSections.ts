import type { Scenario } from '../../scenarios/schema/scenario.ts';
import type { CensusField } from './censusLayout.ts';

/**
 * The census in sections: each counts its sums in one pass over a block of residents (or of
 * households) and owns its fields of the row; residence also takes the city's kept counts of
 * residents by tract and by district (world.ts `tracts`, `district.residents`). A section
 * whose inputs no day of the scenario can change keeps the partial sums of its last count,
 * and the totals added from them are the same bytes a recount would give.
 */
export const Section = {
  /** Where residents live and for how long: by group, tract, district and school; years since arrival. */
  residence: 1,
  /** What residents think, speak and do: attitudes, language, ties, acculturation, work. */
  attributes: 2,
  /** Like and occupied neighbours of households; unhappy households. */
  neighbourhoods: 4,
} as const;

export const ALL_SECTIONS = Section.residence | Section.attributes | Section.neighbourhoods;

/** The fields of the row each section writes; every field belongs to exactly one section. */
export const SECTION_FIELDS: Record<keyof typeof Section, readonly CensusField[]> = {
  residence: ['adultsByYears', 'employedByYears', 'schoolMigrant', 'schoolHost', 'migrantChildren', 'schoolSuccess'],
  attributes: [
    'prejudice',
    'language',
    'trust',
    'belonging',
    'districtPrejudice',
    'districtLanguage',
    'outTied',
    'outTies',
    'enrolled',
    'strategies',
    'levels',
    'adults',
    'districtAdults',
    'adultsBySex',
    'employed',
    'districtEmployed',
    'employedBySex',
    'skilledEmployed',
    'overQualified',
    'tertiaryEmployed',
    'tertiaryBelow',
    'migrantAdults',
    'participants',
    'diplomaHolders',
    'diplomasRecognised',
    'diplomaEmployed',
  ],
  neighbourhoods: ['like', 'occupied', 'households', 'unhappyHouseholds', 'districtLike', 'districtOccupied'],
};

/**
 * The sections a day of the scenario can change. Only when the housing market is all there
 * is (no contact, learning, labour market, attitudes or demography, no policies and no
 * shocks, as in the classic Schelling model) do residents' attributes stay as they were; then
 * they are recounted only if a move can take them to another district. Residence moves on
 * with the day (years since arrival), and neighbourhoods are always recounted, since the live
 * view's knob can change households' thresholds.
 */
export function sectionsADayChanges(scenario: Scenario, districts: number): number {
  const { contact, language, labour, attitudes, demography, housing } = scenario.submodels;
  if (contact || language || labour || attitudes || demography || scenario.policies.length > 0 || scenario.timeline.length > 0) return ALL_SECTIONS;
  return housing && districts > 1 ? ALL_SECTIONS : Section.residence | Section.neighbourhoods;
}
