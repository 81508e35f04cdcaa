import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import { buildCity } from '../../policies/spaceRequests.ts';
import { Count } from '../../model/world.ts';

/** What adaptation rules need to know about a target city, from its initial state. */
export interface CityProfile {
  residents: number;
  /** Residents of migrant groups, by the groups' initial shares. */
  migrants: number;
  groups: { name: string; host: boolean; share: number; language: number; arrives: boolean }[];
  districts: number;
  /** Migrants and hosts living in each district at day 0 of replication 1. */
  districtMigrants: number[];
  districtHosts: number[];
}

/** Builds the city of the scenario (as replication 1 starts it) and counts who lives where. */
export function cityProfile(scenario: Scenario): CityProfile {
  const { world } = buildCity(scenario);
  const host = scenario.population.groups.findIndex((g) => g.host);
  const D = world.sizes.districts;
  const districtMigrants = new Array<number>(D).fill(0);
  const districtHosts = new Array<number>(D).fill(0);
  const hh = world.households;
  for (let h = 0; h < world.counts[Count.households]; h++) {
    if (hh.size[h] === 0) continue;
    const d = world.dwellings.district[hh.dwelling[h]];
    if (hh.group[h] === host) districtHosts[d] += hh.size[h];
    else districtMigrants[d] += hh.size[h];
  }
  const waves = new Set(scenario.timeline.flatMap((e) => (e.type === 'arrivalWave' ? [e.group] : [])));
  const groups = scenario.population.groups.map((g) => ({
    name: g.name,
    host: g.host,
    share: g.share,
    language: g.host ? 1 : g.language,
    arrives: !g.host && (g.arrivalRate > 0 || waves.has(g.name)),
  }));
  const residents = scenario.population.residents;
  const migrants = residents * groups.filter((g) => !g.host).reduce((s, g) => s + g.share, 0);
  return { residents, migrants, groups, districts: D, districtMigrants, districtHosts };
}
