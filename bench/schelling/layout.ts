import { sfc32 } from './prng.ts';

/**
 * The initial placement, shared by every peer: each peer builds its own world (patches, pixels,
 * typed arrays) from this one grid, so at a given seed they all start from the same city and
 * differences in the outcome come from the dynamics alone.
 */

/** Cell codes of a layout grid: row-major, index = x + y * width. */
export const EMPTY = 0;
export const GROUP_A = 1;
export const GROUP_B = 2;

export interface Layout {
  width: number;
  height: number;
  /** EMPTY, GROUP_A or GROUP_B per cell. */
  cells: Uint8Array;
  residents: number;
}

/**
 * Exactly round(density * cells) residents (a fixed count rather than a coin flip per cell, so
 * all peers and all seeds have the same population), split into two groups of equal size
 * (group A gets the extra one when the count is odd), on uniformly random cells.
 */
export function makeLayout(width: number, height: number, density: number, seed: number): Layout {
  const size = width * height;
  const residents = Math.round(density * size);
  if (residents >= size) throw new Error('Schelling layout: density leaves no vacant cell, so nobody could move');
  const cells = new Uint8Array(size);
  const half = Math.ceil(residents / 2);
  for (let i = 0; i < residents; i++) cells[i] = i < half ? GROUP_A : GROUP_B;
  // Fisher-Yates over all cells: a uniform random placement of the fixed population.
  const random = sfc32(seed);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = cells[i];
    cells[i] = cells[j];
    cells[j] = t;
  }
  return { width, height, cells, residents };
}
