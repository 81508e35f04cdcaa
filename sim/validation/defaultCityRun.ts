import { Simulation } from '../engine/simulation.ts';
import { present } from '../policies/reach.ts';
import { Count } from '../model/world.ts';
import { projectScenario } from './projectScenario.ts';

/**
 * The default scenario at a reduced size, run for some days: what the contact and the
 * employment checks read from it. Runs are kept per (residents, days, seed) so the two
 * checks share them within one validation run.
 */
export interface CityRun {
  residents: number;
  days: number;
  seed: number;
  sets: Record<string, unknown>;
  /** Indicators on day 0 and on the last day. */
  first: Record<string, number>;
  last: Record<string, number>;
  /** Host residents living in the city on the last day: out-group encounters, out-group ties, prejudice, age class. */
  hosts: { contacts: Float64Array; ties: Float64Array; prejudice: Float64Array; age: Uint8Array };
}

const runs = new Map<string, CityRun>();

export function defaultCityRun(residents: number, days: number, seed: number): CityRun {
  const key = `${residents}:${days}:${seed}`;
  const kept = runs.get(key);
  if (kept) return kept;
  const sets = { 'population.residents': residents, seed };
  const sim = new Simulation(projectScenario('default.json', sets));
  const first = sim.indicators();
  for (let d = 0; d < days; d++) sim.advance();
  const last = sim.indicators();
  const w = sim.world;
  const r = w.residents;
  const host = w.scenario.population.groups.findIndex((g) => g.host);
  const ids: number[] = [];
  for (let i = 0; i < w.counts[Count.residents]; i++) if (present(w, i) && r.group[i] === host) ids.push(i);
  const hosts = {
    contacts: Float64Array.from(ids, (i) => r.outgroupContacts[i]),
    ties: Float64Array.from(ids, (i) => r.outgroupTies[i]),
    prejudice: Float64Array.from(ids, (i) => r.prejudice[i]),
    age: Uint8Array.from(ids, (i) => r.age[i]),
  };
  sim.close();
  const run = { residents, days, seed, sets, first, last, hosts };
  runs.set(key, run);
  return run;
}
