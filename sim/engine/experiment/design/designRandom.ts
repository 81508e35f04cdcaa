import seedrandom from 'seedrandom';

/**
 * The random draws of a design (which points it samples), seeded by the design's own seed
 * and kept apart from the runs' streams: the same design seed gives the same points on any
 * machine, and changing it never changes how a run draws its numbers.
 */
export function designRandom(seed: number, purpose: string): () => number {
  const rng = seedrandom(`interethnic-city:design:${purpose}:${seed}`);
  return () => rng.double();
}
