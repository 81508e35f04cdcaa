import type { Census } from './census.ts';
import { SpaceStat } from './world.ts';
import { dissimilarity, exposure, isolation, theilHFlat } from './indices/index.ts';
import { STRATEGIES } from './berry.ts';
import { LEVELS } from './levels.ts';

/**
 * The indicators of a run, declared once: the columns of metrics.csv, the manifest's column
 * docs, the viewer's menus and the README's table all come from this list. `better` says
 * which direction is an improvement (for costs per unit of effect), or 0 when neither is.
 */
export interface Indicator {
  name: string;
  unit: string;
  description: string;
  better: 1 | -1 | 0;
  value(c: Census): number;
}

/** An indicator whose name is known to the type checker, for the entries made by a loop. */
type Named<N extends string> = Indicator & { name: N };

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const hostOf = (c: Census, a: Float64Array) => a[c.host];

const DECLARED = [
  { name: 'population', unit: 'residents', better: 0, description: 'Residents living in the city.', value: (c) => c.total(c.residents) },
  {
    name: 'migrant_share',
    unit: 'share',
    better: 0,
    description: 'Share of residents in a migrant group.',
    value: (c) => ratio(c.migrants(c.residents), c.total(c.residents)),
  },
  {
    name: 'dissimilarity',
    unit: 'index 0..1',
    better: -1,
    description: 'Dissimilarity D of migrants vs hosts over census tracts.',
    value: (c) => dissimilarity(c.tractMigrant, c.tractHost),
  },
  {
    name: 'isolation',
    unit: 'index 0..1',
    better: -1,
    description: "Isolation xPx of migrants over census tracts: migrant share of the average migrant's tract.",
    value: (c) => isolation(c.tractMigrant, c.tractHost),
  },
  {
    name: 'exposure',
    unit: 'index 0..1',
    better: 1,
    description: "Exposure xPy of migrants to hosts over census tracts: host share of the average migrant's tract.",
    value: (c) => exposure(c.tractMigrant, c.tractHost),
  },
  {
    name: 'theil_h',
    unit: 'index 0..1',
    better: -1,
    description: "Theil's H over census tracts and all groups.",
    value: (c) => theilHFlat(c.tractGroupCounts, c.G),
  },
  {
    name: 'school_dissimilarity',
    unit: 'index 0..1',
    better: -1,
    description: 'Dissimilarity D of migrant vs host children over schools.',
    value: (c) => dissimilarity(c.schoolMigrant, c.schoolHost),
  },
  { name: 'encounters', unit: 'encounters per day', better: 0, description: 'Encounters in all spaces that day.', value: (c) => c.stats[SpaceStat.encounters] },
  {
    name: 'outgroup_encounter_share',
    unit: 'share',
    better: 1,
    description: "Share of the day's encounters that were between groups.",
    value: (c) => ratio(c.stats[SpaceStat.outgroup], c.stats[SpaceStat.encounters]),
  },
  {
    name: 'negative_share',
    unit: 'share',
    better: -1,
    description: "Share of the day's out-group encounters that were negative.",
    value: (c) => ratio(c.stats[SpaceStat.negative], c.stats[SpaceStat.outgroup]),
  },
  {
    name: 'prejudice_host',
    unit: 'scale 0..1',
    better: -1,
    description: 'Mean prejudice of host residents toward migrants.',
    value: (c) => ratio(hostOf(c, c.prejudice), hostOf(c, c.residents)),
  },
  {
    name: 'prejudice_migrant',
    unit: 'scale 0..1',
    better: -1,
    description: 'Mean prejudice of migrants toward other groups.',
    value: (c) => ratio(c.migrants(c.prejudice), c.migrants(c.residents)),
  },
  {
    name: 'trust_migrant',
    unit: 'scale 0..1',
    better: 1,
    description: 'Mean trust of migrants in institutions.',
    value: (c) => ratio(c.migrants(c.trust), c.migrants(c.residents)),
  },
  {
    name: 'belonging_migrant',
    unit: 'scale 0..1',
    better: 1,
    description: 'Mean sense of belonging of migrants.',
    value: (c) => ratio(c.migrants(c.belonging), c.migrants(c.residents)),
  },
  {
    name: 'language_mean',
    unit: 'proficiency 0..1',
    better: 1,
    description: 'Mean host-language proficiency of migrants (A1..C1 are 0.2..1.0).',
    value: (c) => ratio(c.migrants(c.language), c.migrants(c.residents)),
  },
  ...LEVELS.map(
    (level, k): Named<`language_${typeof level}`> => ({
      name: `language_${level}`,
      unit: 'share',
      better: 0,
      description: `Share of migrants whose host-language level is ${level.replace('_', '-').toUpperCase()}.`,
      value: (c) => ratio(c.levels[k], c.migrants(c.residents)),
    }),
  ),
  {
    name: 'employment_host',
    unit: 'share',
    better: 1,
    description: 'Employment rate of host adults (18-64).',
    value: (c) => ratio(hostOf(c, c.employed), hostOf(c, c.adults)),
  },
  {
    name: 'employment_migrant',
    unit: 'share',
    better: 1,
    description: 'Employment rate of migrant adults (18-64).',
    value: (c) => ratio(c.migrants(c.employed), c.migrants(c.adults)),
  },
  {
    name: 'employment_gap',
    unit: 'share',
    better: -1,
    description: 'Employment rate of hosts minus that of migrants.',
    value: (c) => ratio(hostOf(c, c.employed), hostOf(c, c.adults)) - ratio(c.migrants(c.employed), c.migrants(c.adults)),
  },
  {
    name: 'employment_migrant_women',
    unit: 'share',
    better: 1,
    description: 'Employment rate of migrant women (18-64).',
    value: (c) => ratio(c.employedBySex[2], c.adultsBySex[2]),
  },
  {
    name: 'employment_migrant_men',
    unit: 'share',
    better: 1,
    description: 'Employment rate of migrant men (18-64).',
    value: (c) => ratio(c.employedBySex[3], c.adultsBySex[3]),
  },
  {
    name: 'employment_host_women',
    unit: 'share',
    better: 0,
    description: 'Employment rate of host women (18-64).',
    value: (c) => ratio(c.employedBySex[0], c.adultsBySex[0]),
  },
  {
    name: 'employment_host_men',
    unit: 'share',
    better: 0,
    description: 'Employment rate of host men (18-64).',
    value: (c) => ratio(c.employedBySex[1], c.adultsBySex[1]),
  },
  ...(['0_5y', '5_10y', '10y_plus'] as const).map(
    (band, k): Named<`employment_migrant_${typeof band}`> => ({
      name: `employment_migrant_${band}`,
      unit: 'share',
      better: 1,
      description: `Employment rate of migrant adults ${['less than 5 years', '5 to 10 years', '10 years or more'][k]} after arrival.`,
      value: (c) => ratio(c.employedByYears[k], c.adultsByYears[k]),
    }),
  ),
  {
    name: 'overqualification_migrant',
    unit: 'share',
    better: -1,
    description: 'Share of employed migrants with medium or high education whose job is below their education.',
    value: (c) => ratio(c.overQualified[1], c.skilledEmployed[1]),
  },
  {
    name: 'overqualification_host',
    unit: 'share',
    better: 0,
    description: 'Share of employed hosts with medium or high education whose job is below their education.',
    value: (c) => ratio(c.overQualified[0], c.skilledEmployed[0]),
  },
  {
    name: 'employment_diploma_holders',
    unit: 'share',
    better: 1,
    description: 'Employment rate of migrant adults (18-64) with a foreign diploma.',
    value: (c) => ratio(c.diplomaEmployed[0] + c.diplomaEmployed[1], c.diplomaHolders),
  },
  {
    name: 'employment_diploma_recognised',
    unit: 'share',
    better: 1,
    description: 'Employment rate of migrant adults (18-64) whose foreign diploma is recognised.',
    value: (c) => ratio(c.diplomaEmployed[0], c.diplomasRecognised),
  },
  {
    name: 'employment_diploma_unrecognised',
    unit: 'share',
    better: 0,
    description: 'Employment rate of migrant adults (18-64) whose foreign diploma is not recognised.',
    value: (c) => ratio(c.diplomaEmployed[1], c.diplomaHolders - c.diplomasRecognised),
  },
  {
    name: 'overqualification_tertiary_migrant',
    unit: 'share',
    better: -1,
    description:
      "Eurostat's over-qualification rate of migrants: share of employed adults with tertiary education whose job is below tertiary level (working-age adults stand for Eurostat's 20-64).",
    value: (c) => ratio(c.tertiaryBelow[1], c.tertiaryEmployed[1]),
  },
  {
    name: 'overqualification_tertiary_host',
    unit: 'share',
    better: 0,
    description: "Eurostat's over-qualification rate of hosts: share of employed adults with tertiary education whose job is below tertiary level.",
    value: (c) => ratio(c.tertiaryBelow[0], c.tertiaryEmployed[0]),
  },
  {
    name: 'diplomas_recognised',
    unit: 'share',
    better: 1,
    description: 'Share of migrant adults with a foreign diploma whose diploma is recognised.',
    value: (c) => ratio(c.diplomasRecognised, c.diplomaHolders),
  },
  {
    name: 'outgroup_ties_host',
    unit: 'share',
    better: 1,
    description: 'Share of host residents with at least one out-group tie.',
    value: (c) => ratio(c.outTied[0], hostOf(c, c.residents)),
  },
  {
    name: 'outgroup_ties_migrant',
    unit: 'share',
    better: 1,
    description: 'Share of migrants with at least one out-group tie.',
    value: (c) => ratio(c.outTied[1], c.migrants(c.residents)),
  },
  {
    name: 'trust_host',
    unit: 'scale 0..1',
    better: 1,
    description: 'Mean trust of host residents in institutions.',
    value: (c) => ratio(hostOf(c, c.trust), hostOf(c, c.residents)),
  },
  {
    name: 'participation_migrant',
    unit: 'share',
    better: 1,
    description: 'Share of migrant adults taking part in civic life (registered, voting, in associations).',
    value: (c) => ratio(c.participants, c.migrantAdults),
  },
  {
    name: 'school_success_migrant',
    unit: 'scale 0..1',
    better: 1,
    description: 'School success of migrant children, measured as the mean of their host-language proficiency and belonging (a proxy).',
    value: (c) => ratio(c.schoolSuccess, c.migrantChildren),
  },
  { name: 'class_participants', unit: 'residents', better: 0, description: 'Residents enrolled in language classes.', value: (c) => c.enrolled },
  { name: 'arrivals', unit: 'residents per day', better: 0, description: 'Residents who arrived and settled that day.', value: (c) => c.demography.arrived },
  {
    name: 'arrivals_turned_away',
    unit: 'residents per day',
    better: 0,
    description: 'Arriving residents who found no vacant dwelling that day.',
    value: (c) => c.demography.turnedAway,
  },
  {
    name: 'departures',
    unit: 'residents per day',
    better: 0,
    description: 'Residents whose household left the city that day.',
    value: (c) => c.demography.departed,
  },
  { name: 'births', unit: 'residents per day', better: 0, description: 'Births that day.', value: (c) => c.demography.births },
  { name: 'deaths', unit: 'residents per day', better: 0, description: 'Deaths that day.', value: (c) => c.demography.deaths },
  { name: 'ties_formed', unit: 'ties per day', better: 1, description: 'Out-group ties formed that day.', value: (c) => c.stats[SpaceStat.ties] },
  {
    name: 'incidents',
    unit: 'incidents per day',
    better: -1,
    description: 'Negative out-group encounters that escalated into incidents that day.',
    value: (c) => c.stats[SpaceStat.incidents],
  },
  {
    name: 'incidents_mediated',
    unit: 'incidents per day',
    better: 1,
    description: 'Incidents that a mediator defused that day.',
    value: (c) => c.stats[SpaceStat.mediated],
  },
  { name: 'spending', unit: 'currency per day', better: 0, description: 'Programme spending that day, all policies.', value: (c) => c.spending },
  ...STRATEGIES.map(
    (s, k): Named<`strategy_${typeof s}`> => ({
      name: `strategy_${s}`,
      unit: 'share',
      better: 0,
      description: `Share of migrants whose acculturation strategy is ${s} (Berry).`,
      value: (c) => ratio(c.strategies[k], c.migrants(c.residents)),
    }),
  ),
  {
    name: 'percent_similar',
    unit: '%',
    better: 0,
    description: "Like neighbours as a percentage of all occupied Moore neighbours, summed over households (NetLogo Segregation's percent-similar).",
    value: (c) => 100 * ratio(c.like, c.occupied),
  },
  {
    name: 'unhappy_share',
    unit: 'share',
    better: -1,
    description: 'Share of households with fewer like neighbours than they want.',
    value: (c) => ratio(c.unhappyHouseholds, c.households),
  },
] as const satisfies readonly Indicator[];

export const INDICATORS: readonly Indicator[] = DECLARED;

/** The names of the indicators, as a type, so that a misspelt name (`prejudise_host`) is a compile error. */
export type IndicatorName = (typeof DECLARED)[number]['name'];
export const INDICATOR_NAMES: readonly IndicatorName[] = DECLARED.map((i) => i.name);

/** The indicators of one day by name, with `spending_<policy>` for each policy of the scenario. */
export type IndicatorValues = Record<IndicatorName, number> & Record<`spending_${string}`, number>;

/** One spending column per policy of a scenario: `spending_<name>`. */
export function policySpendingIndicators(names: readonly string[]): Indicator[] {
  return names.map((name) => ({
    name: `spending_${name}`,
    unit: 'currency per day',
    better: 0,
    description: `Spending of the policy ${name} that day.`,
    value: (c: Census) => c.policySpending[name] ?? 0,
  }));
}

/** Per-district aggregates stored in the frames, for the viewer's district map. */
export const DISTRICT_INDICATORS: readonly { name: string; unit: string; description: string; value(c: Census, d: number): number }[] = [
  { name: 'residents', unit: 'residents', description: 'Residents of the district.', value: (c, d) => c.districtResidents[d] },
  {
    name: 'migrant_share',
    unit: 'share',
    description: 'Share of residents in a migrant group.',
    value: (c, d) => ratio(c.districtMigrants[d], c.districtResidents[d]),
  },
  {
    name: 'prejudice_host',
    unit: 'scale 0..1',
    description: 'Mean prejudice of host residents.',
    value: (c, d) => ratio(c.districtPrejudice[d], c.districtResidents[d] - c.districtMigrants[d]),
  },
  {
    name: 'language_mean',
    unit: 'proficiency 0..1',
    description: 'Mean host-language proficiency of migrants.',
    value: (c, d) => ratio(c.districtLanguage[d], c.districtMigrants[d]),
  },
  { name: 'employment', unit: 'share', description: 'Employment rate of adults.', value: (c, d) => ratio(c.districtEmployed[d], c.districtAdults[d]) },
  {
    name: 'percent_similar',
    unit: '%',
    description: 'Like neighbours as a percentage of occupied neighbours.',
    value: (c, d) => 100 * ratio(c.districtLike[d], c.districtOccupied[d]),
  },
  {
    name: 'outgroup_encounter_share',
    unit: 'share',
    description: "Share of the day's encounters in the district's spaces that were between groups.",
    value: (c, d) => ratio(c.districtOutgroup[d], c.districtEncounters[d]),
  },
];
