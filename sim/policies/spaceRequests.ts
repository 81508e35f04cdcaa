import type { Scenario } from '../../scenarios/schema/scenario.ts';
import type { SpaceRequest, SpaceRequests } from '../model/spaceRequest.ts';
import { compile, type City } from '../model/compile.ts';
import type { ParallelFor } from '../model/phases.ts';
import type { SpareMemory } from '../model/spareMemory.ts';
import { policyByType, type PolicyEntry } from './registry.ts';

/** The spaces a scenario's policies ask to be built with the city, in scenario order. */
export function spaceRequests(scenario: Scenario): SpaceRequests {
  return (districts) => {
    const requests: SpaceRequest[] = [];
    for (const raw of scenario.policies) {
      const entry = raw as PolicyEntry;
      const covered = Array.from({ length: districts }, (_, d) => d).filter((d) => !entry.districts || entry.districts.includes(d));
      requests.push(...(policyByType(entry.type).spaces?.(entry, covered) ?? []));
    }
    return requests;
  };
}

/** The initial city of a scenario with the spaces its policies need (`parallel` and `spare`: see compile). */
export function buildCity(scenario: Scenario, seed = scenario.seed, parallel?: (city: City) => ParallelFor, spare?: SpareMemory): City {
  return compile(scenario, spaceRequests(scenario), seed, parallel, spare);
}
