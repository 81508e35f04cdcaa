import seedrandom from 'seedrandom';

/** The 32-bit root key of all random streams of a run, derived from its seed by seedrandom. */
export function rootKey(seed: number): number {
  return seedrandom(`interethnic-city:${seed}`).int32() >>> 0;
}
