import os from 'node:os';
import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { layoutWorld, type Sizes } from '../model/world.ts';
import { capacityFor, gridHouseholds, householdCapacityFor } from '../model/capacity.ts';
import { SCENARIO_SPACE_TYPES, SPACE_TYPES } from '../model/spaceTypes.ts';
import type { Kind, TypedArray } from '../model/shared.ts';

const BYTES: Record<Kind, number> = { u8: 1, u16: 2, i32: 4, u32: 4, f32: 4, f64: 8 };
/** Node itself, the code and the small per-run structures. */
export const BASE_BYTES = 120 * 1024 * 1024;
/** Each extra run thread's own heap and code. */
export const PER_THREAD_BYTES = 48 * 1024 * 1024;

/**
 * Memory a run will need, estimated before anything is allocated: the shared state (laid out
 * by the same function that allocates it, at the sizes the scenario implies), the
 * temporaries of city generation and of the census, and the heap of each thread.
 */
export function estimateRunBytes(scenario: Scenario, threads: number): number {
  const R = scenario.population.residents;
  const H = Math.ceil(R / Math.max(1, scenario.population.householdSize));
  const dwellings = Math.ceil(gridHouseholds(scenario, H) / scenario.city.density);
  const side = Math.ceil(Math.sqrt(dwellings));
  const D = scenario.city.districtsX * scenario.city.districtsY;
  let spaces = D * SPACE_TYPES.length;
  for (const t of SCENARIO_SPACE_TYPES) spaces += Math.ceil(R / scenario.spaces[t].perSpace);
  const sizes: Sizes = {
    width: side,
    height: side,
    districts: D,
    districtsX: scenario.city.districtsX,
    tracts: Math.ceil(side / scenario.city.tractSize) ** 2,
    groups: scenario.population.groups.length,
    residentCapacity: capacityFor(scenario, R),
    householdCapacity: householdCapacityFor(scenario, H),
    spaces,
  };
  let shared = 0;
  layoutWorld(scenario, sizes, 0, (_name, kind, length) => {
    shared += BYTES[kind] * Math.max(1, length);
    return new Uint8Array(0) as TypedArray;
  });
  // City generation keeps a few arrays per resident and per dwelling; the census two per household.
  const temporaries = 10 * R + 16 * side * side + 8 * sizes.householdCapacity;
  return shared + temporaries + BASE_BYTES + Math.max(0, threads - 1) * PER_THREAD_BYTES;
}

/** The memory a run may use: most of the machine's, leaving room for the system. */
export function memoryLimitBytes(): number {
  return Math.floor(os.totalmem() * 0.85);
}

export function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${Math.round(n / 1024 ** 2)} MB`;
}

/**
 * Why a run, or `parallel` runs at once, would not fit in `limit` bytes, naming what
 * takes the memory (the city's size, or the threads), or undefined when they fit. Runs at
 * once share one process, so its base is counted once.
 */
export function memoryProblem(scenario: Scenario, threadsPerRun: number, parallel: number, limit: number, limitSource: string): string | undefined {
  const one = estimateRunBytes(scenario, threadsPerRun);
  const need = BASE_BYTES + parallel * (one - BASE_BYTES + (parallel > 1 ? PER_THREAD_BYTES : 0));
  if (need <= limit) return undefined;
  const threads = parallel * threadsPerRun;
  const threadBytes = (threads - 1) * PER_THREAD_BYTES;
  const head = `this ${parallel > 1 ? 'experiment' : 'run'} needs about ${formatBytes(need)} of memory and the limit is ${formatBytes(limit)} (${limitSource})`;
  if (threadBytes > need / 2) {
    const fit = Math.max(1, Math.floor((limit - (need - threadBytes)) / PER_THREAD_BYTES) + 1);
    return `--workers: ${threads} threads${parallel > 1 ? ` (${parallel} runs at once)` : ''}: ${head}, mostly for the threads' own memory (about ${formatBytes(PER_THREAD_BYTES)} each); use --workers ${Math.min(fit, threads - 1)} or fewer`;
  }
  return `population.residents: found ${scenario.population.residents}${parallel > 1 ? ` with ${parallel} runs at once` : ''}; ${head}; run a smaller city${parallel > 1 ? ' or fewer runs at once (--workers)' : ''}, or raise the limit with --memory-limit <MB>`;
}
