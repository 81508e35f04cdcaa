import type { SchellingParams, SchellingResult } from './contract.ts';
import { EMPTY, makeLayout, type Layout } from './layout.ts';
import { sfc32, type Random } from './prng.ts';
import { buildResult } from './report.ts';
import { minimumSimilar } from './rule.ts';
import { seconds, timeSteps } from './timing.ts';

/**
 * The speed-of-light reference: the same Schelling rules as the library peers, written as a
 * flat loop over typed arrays with every buffer allocated once, so the gap to it is the cost of
 * a library's (or our engine's) abstractions rather than of the model.
 */
interface ReferenceWorld {
  width: number;
  height: number;
  /** Cell codes (layout.ts): the whole state of the city. */
  cells: Uint8Array;
  /** Every vacant cell, in no order: picking a uniform vacant cell is one random index. */
  vacant: Int32Array;
  vacantCount: number;
  /** Scratch list of the cells whose resident is unhappy at the start of a step. */
  movers: Int32Array;
  /** Fewest similar neighbours that make a resident happy, by occupied-neighbour count. */
  minSimilar: Uint8Array;
}

function createWorld(layout: Layout, threshold: number): ReferenceWorld {
  const cells = layout.cells.slice();
  const vacant = new Int32Array(cells.length - layout.residents);
  let vacantCount = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i] === EMPTY) vacant[vacantCount++] = i;
  return {
    width: layout.width,
    height: layout.height,
    cells,
    vacant,
    vacantCount,
    movers: new Int32Array(layout.residents),
    minSimilar: minimumSimilar(threshold),
  };
}

/** Marks every resident unhappy at the start of the step; returns how many there are. */
function collectUnhappy(world: ReferenceWorld): number {
  const { width, height, cells, movers, minSimilar } = world;
  let count = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const up = (y === 0 ? height - 1 : y - 1) * width;
    const down = (y === height - 1 ? 0 : y + 1) * width;
    for (let x = 0; x < width; x++) {
      const me = cells[row + x];
      if (me === EMPTY) continue;
      const left = x === 0 ? width - 1 : x - 1;
      const right = x === width - 1 ? 0 : x + 1;
      const n0 = cells[up + left],
        n1 = cells[up + x],
        n2 = cells[up + right],
        n3 = cells[row + left];
      const n4 = cells[row + right],
        n5 = cells[down + left],
        n6 = cells[down + x],
        n7 = cells[down + right];
      const total =
        (n0 !== EMPTY ? 1 : 0) +
        (n1 !== EMPTY ? 1 : 0) +
        (n2 !== EMPTY ? 1 : 0) +
        (n3 !== EMPTY ? 1 : 0) +
        (n4 !== EMPTY ? 1 : 0) +
        (n5 !== EMPTY ? 1 : 0) +
        (n6 !== EMPTY ? 1 : 0) +
        (n7 !== EMPTY ? 1 : 0);
      const similar =
        (n0 === me ? 1 : 0) +
        (n1 === me ? 1 : 0) +
        (n2 === me ? 1 : 0) +
        (n3 === me ? 1 : 0) +
        (n4 === me ? 1 : 0) +
        (n5 === me ? 1 : 0) +
        (n6 === me ? 1 : 0) +
        (n7 === me ? 1 : 0);
      if (similar < minSimilar[total]) movers[count++] = row + x;
    }
  }
  return count;
}

/**
 * One step: everyone unhappy at the start moves, one after another in a uniformly random order,
 * to a uniformly random vacant cell (which may be one vacated earlier in the same step).
 * Returns the number of moves.
 */
function step(world: ReferenceWorld, random: Random): number {
  const { cells, movers, vacant } = world;
  const count = collectUnhappy(world);
  // Fisher-Yates: a uniform random order of the movers.
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = movers[i];
    movers[i] = movers[j];
    movers[j] = t;
  }
  const vacantCount = world.vacantCount;
  for (let i = 0; i < count; i++) {
    const from = movers[i];
    const k = Math.floor(random() * vacantCount);
    const to = vacant[k];
    cells[to] = cells[from];
    cells[from] = EMPTY;
    // Swap-remove of `to` and append of `from` collapse into one write: the count never changes.
    vacant[k] = from;
  }
  return count;
}

export function runReference(params: SchellingParams): SchellingResult {
  const { width, height, density, threshold, steps, seed, maxSeconds } = params;
  const layout = makeLayout(width, height, density, seed);
  const setupStart = seconds();
  const world = createWorld(layout, threshold);
  // Its own stream, not the layout's: the layout is shared, the dynamics are each peer's own.
  const random = sfc32(seed ^ 0x5eed);
  const setupSeconds = seconds() - setupStart;
  let moves = 0;
  const timed = timeSteps(
    () => {
      moves += step(world, random);
    },
    steps,
    maxSeconds,
  );
  return buildResult(params, layout, setupSeconds, timed, moves, world.cells);
}
