import type { World } from './world.ts';

/**
 * Each dwelling's occupied Moore neighbours, counted by group and kept up to date whenever a
 * map cell changes, so that the daily housing phase and the census read two numbers per
 * household instead of recounting eight cells scattered over three rows of the grid.
 *
 * `dwellings.neighbours` holds, per dwelling, G + 1 counts: at 0 the occupied neighbours, at
 * g + 1 those of group g. The neighbourhood is exactly the one neighbourCounts (housing.ts)
 * counts: the same cells, the same wrap and edges, and the same multiplicity on grids too
 * small for eight distinct neighbours. A cell lies in d's neighbourhood as often as d lies in
 * its (the offsets are symmetric), so adding a changed cell to each of its own neighbours
 * keeps every count equal to a recount. Writes happen in serial phases only (building the
 * city, demography, moves); the parallel phases only read.
 */

/** Changes a dwelling's map cell (0 vacant, else group + 1) and its neighbours' counts. */
export function setCell(world: World, dwelling: number, value: number): void {
  const cell = world.dwellings.cell;
  const old = cell[dwelling];
  if (old === value) return;
  cell[dwelling] = value;
  if (old !== 0) addToNeighbours(world, dwelling, old, -1);
  if (value !== 0) addToNeighbours(world, dwelling, value, 1);
}

/**
 * Like and occupied neighbours of a dwelling for a group, packed as neighbourCounts packs them
 * (like * 16 + occupied), from `dwellings.neighbours` and its stride (G + 1), which hot loops
 * hold rather than reaching them through the world for every dwelling.
 */
export function keptCounts(neighbours: Uint8Array, stride: number, dwelling: number, groupPlus1: number): number {
  const at = dwelling * stride;
  return neighbours[at + groupPlus1] * 16 + neighbours[at];
}

/** Counts every dwelling's neighbours afresh from the map (for code that writes the cells directly). */
export function recountNeighbours(world: World): void {
  const { cell, neighbours } = world.dwellings;
  neighbours.fill(0);
  for (let d = 0; d < cell.length; d++) if (cell[d] !== 0) addToNeighbours(world, d, cell[d], 1);
}

function addToNeighbours(world: World, dwelling: number, groupPlus1: number, delta: number): void {
  const { width, height } = world.sizes;
  const stride = world.sizes.groups + 1;
  const n = world.dwellings.neighbours;
  const x = dwelling % width;
  const y = (dwelling - x) / width;
  if (x > 0 && y > 0 && x < width - 1 && y < height - 1) {
    // Inside the grid: the eight fixed offsets of neighbourCounts.
    for (let k = 0; k < 8; k++) {
      const j = dwelling + (k < 3 ? k - 1 - width : k < 5 ? (k === 3 ? -1 : 1) : k - 6 + width);
      n[j * stride] += delta;
      n[j * stride + groupPlus1] += delta;
    }
    return;
  }
  const wrap = world.scenario.city.wrap;
  for (let dy = -1; dy <= 1; dy++) {
    let ny = y + dy;
    if (ny < 0 || ny >= height) {
      if (!wrap) continue;
      ny = (ny + height) % height;
    }
    const row = ny * width;
    for (let dx = -1; dx <= 1; dx++) {
      if (dx === 0 && dy === 0) continue;
      let nx = x + dx;
      if (nx < 0 || nx >= width) {
        if (!wrap) continue;
        nx = (nx + width) % width;
      }
      const j = row + nx;
      if (j === dwelling) continue;
      n[j * stride] += delta;
      n[j * stride + groupPlus1] += delta;
    }
  }
}
