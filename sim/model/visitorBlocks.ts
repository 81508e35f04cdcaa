import type { Sizes } from './world.ts';

/** Residents per block at the least: more, smaller blocks would only lengthen gathering's serial pass. */
const BLOCK = 1 << 16;
/** At most this many counts (blocks × spaces), so the serial pass stays short and the counts small. */
const MAX_COUNTS = 1 << 22;

/** How the city's residents are cut into blocks for gathering: fixed by its capacity, never by the threads. */
export function visitorBlocks(sizes: Sizes): { blocks: number; residentsPerBlock: number } {
  const most = Math.max(1, Math.floor(MAX_COUNTS / Math.max(1, sizes.spaces)));
  const blocks = Math.max(1, Math.min(most, Math.ceil(sizes.residentCapacity / BLOCK)));
  return { blocks, residentsPerBlock: Math.ceil(sizes.residentCapacity / blocks) };
}
