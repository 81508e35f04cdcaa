import type { Scenario } from '../../scenarios/schema/scenario.ts';

/**
 * Room in the state arrays for residents or households who join during the run (arrivals
 * and births), so that arrays are allocated once and never grow while the run's threads hold them.
 * Scaled from the initial count by the scenario's expected inflow, with a margin.
 */
export function capacityFor(scenario: Scenario, initial: number): number {
  return Math.ceil(initial * (1 + 1.2 * growthShare(scenario)) + 64);
}

/**
 * Room for households: every arriving resident may come alone (small flows arrive a person
 * at a time), so each expected newcomer gets a household slot; births join households.
 */
export function householdCapacityFor(scenario: Scenario, households: number): number {
  return Math.ceil(households + 1.2 * growthShare(scenario) * scenario.population.residents + 64);
}

/** Expected arrivals and births over the run, as a share of the initial population. */
export function growthShare(scenario: Scenario): number {
  return growthShareOver(scenario, scenario.days / 365);
}

/**
 * Households the grid has room for: the initial ones and those expected over the scenario's
 * `city.growthYears`, which does not depend on `days`, so that the city is the same whatever
 * the length of the run.
 */
export function gridHouseholds(scenario: Scenario, households: number): number {
  return households * (1 + growthShareOver(scenario, scenario.city.growthYears));
}

function growthShareOver(scenario: Scenario, years: number): number {
  if (!scenario.submodels.demography) return 0;
  const residents = scenario.population.residents;
  let inflow = 0;
  for (const g of scenario.population.groups) if (!g.host) inflow += g.arrivalRate * residents * years;
  for (const e of scenario.timeline) if (e.type === 'arrivalWave') inflow += e.arrivals;
  inflow += residents * scenario.demography.birthsPerYear * years;
  return residents > 0 ? inflow / residents : 0;
}
