import path from 'node:path';
import { loadScenario } from '../../sim/engine/loadScenario.ts';
import { buildCity } from '../../sim/policies/spaceRequests.ts';
import { FULL_SCENARIO, ROOT } from './runConfiguration.ts';

/** Shared-memory state of a compiled city, against the design budget of 64 bytes per resident. */
export interface StateBytes {
  residents: number;
  residentCapacity: number;
  /** Bytes of the per-resident arrays (`resident.*`). */
  residentBytes: number;
  /** residentBytes / residentCapacity. */
  residentBytesPerResident: number;
  /** Bytes of every shared array: residents, households, dwellings, spaces, lookups. */
  sharedBytes: number;
  /** sharedBytes / residents. */
  sharedBytesPerResident: number;
}

/** Builds the default city at a size (no day is run) and measures its shared arrays. */
export function stateBytes(residents: number): StateBytes {
  const scenario = loadScenario(path.join(ROOT, FULL_SCENARIO), [`population.residents=${residents}`]);
  const { arrays, world } = buildCity(scenario);
  const residentBytes = arrays.bytes('resident.');
  const sharedBytes = arrays.bytes();
  return {
    residents,
    residentCapacity: world.sizes.residentCapacity,
    residentBytes,
    residentBytesPerResident: residentBytes / world.sizes.residentCapacity,
    sharedBytes,
    sharedBytesPerResident: sharedBytes / residents,
  };
}
