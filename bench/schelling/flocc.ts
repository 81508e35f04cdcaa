import { Colors, Environment, Terrain, utils } from 'flocc';
import type { SchellingParams, SchellingResult } from './contract.ts';
import { EMPTY, GROUP_A, GROUP_B, makeLayout } from './layout.ts';
import { buildResult } from './report.ts';
import { isHappy } from './rule.ts';
import { seconds, timeSteps } from './timing.ts';

/**
 * flocc's own Schelling model ("Segregation" on flocc.net, scottpdo/flocc-examples
 * src/content/examples/segregation.ts): residents are red or blue pixels of a `Terrain`
 * attached to an `Environment`, a terrain rule runs per pixel on `environment.tick()`,
 * neighbours come from `terrain.neighbors(x, y, 1, true)` (Moore, wrapping), a mover finds a
 * vacant pixel by sampling random coordinates with `utils.random` and swaps pixels.
 * Kept as written, with three changes so it runs the shared rules:
 * - the example judges each resident when its pixel comes up in a sweep that is already moving
 *   people (so a mover can be judged, and move, twice in one tick); here a first tick marks
 *   who is unhappy at the start of the step and a second tick moves exactly those;
 * - the example draws x in 0..width inclusive (utils.random's max is inclusive), which wraps
 *   onto column 0 and favours it; here 0..width-1;
 * - seeded with `utils.seed` and built from the shared layout instead of Math.random.
 */

interface Pixel {
  r: number;
  g: number;
  b: number;
  a: number;
}

const VACANT: Pixel = Colors.WHITE;
const GROUP_COLORS: Record<number, Pixel> = { [GROUP_A]: Colors.RED, [GROUP_B]: Colors.BLUE };

function areSame(p1: Pixel, p2: Pixel): boolean {
  return p1.r === p2.r && p1.g === p2.g && p1.b === p2.b && p1.a === p2.a;
}

function existsPixel(px: Pixel): boolean {
  return !areSame(px, VACANT);
}

/** Reads the terrain back into layout cell codes for the shared metric (after timing). */
function exportCells(terrain: Terrain, size: number): Uint8Array {
  const cells = new Uint8Array(size);
  const { data } = terrain;
  for (let i = 0; i < size; i++) {
    const r = data[4 * i];
    const b = data[4 * i + 2];
    cells[i] = r === 255 && b === 255 ? EMPTY : r === 255 ? GROUP_A : GROUP_B;
  }
  return cells;
}

export function runFlocc(params: SchellingParams): SchellingResult {
  const { width, height, density, threshold, steps, seed, maxSeconds } = params;
  const layout = makeLayout(width, height, density, seed);

  const setupStart = seconds();
  utils.seed(seed);
  const environment = new Environment({ width, height });
  // async: pixels change in place during the sweep, as in the example (moves must be seen at once).
  const terrain = new Terrain(width, height, { async: true });
  environment.use(terrain);
  terrain.init((x, y) => {
    const code = layout.cells[x + y * width];
    return code === EMPTY ? VACANT : GROUP_COLORS[code];
  });
  // Who is unhappy at the start of the step, by pixel: the one piece of state the terrain's
  // RGBA pixels have no spare room for (a flag in a colour channel would break `areSame`).
  const unhappy = new Uint8Array(width * height);
  const setupSeconds = seconds() - setupStart;

  const sample = (x: number, y: number) => terrain.sample(x, y) as Pixel;

  function judge(x: number, y: number): void {
    const color = sample(x, y);
    if (!existsPixel(color)) return;
    const neighbors = (terrain.neighbors(x, y, 1, true) as Pixel[]).filter(existsPixel);
    const like = neighbors.filter((n) => areSame(color, n)).length;
    unhappy[x + y * width] = isHappy(like, neighbors.length, threshold) ? 0 : 1;
  }

  function findOpenSpace(): { x: number; y: number } {
    let space: { x: number; y: number };
    do {
      space = { x: utils.random(0, width - 1), y: utils.random(0, height - 1) };
    } while (existsPixel(sample(space.x, space.y)));
    return space;
  }

  function swap(x1: number, y1: number, x2: number, y2: number): void {
    const p1 = sample(x1, y1);
    const p2 = sample(x2, y2);
    terrain.set(x2, y2, p1);
    terrain.set(x1, y1, p2);
  }

  let moves = 0;
  function move(x: number, y: number): void {
    const i = x + y * width;
    if (unhappy[i] === 0) return;
    // Cleared so nobody is moved twice: the destination pixel may come up later in this sweep.
    unhappy[i] = 0;
    const open = findOpenSpace();
    swap(x, y, open.x, open.y);
    moves++;
  }

  const timed = timeSteps(
    () => {
      terrain.addRule(judge);
      environment.tick({ randomizeOrder: false });
      terrain.addRule(move);
      environment.tick({ randomizeOrder: true });
    },
    steps,
    maxSeconds,
  );

  return buildResult(params, layout, setupSeconds, timed, moves, exportCells(terrain, width * height));
}
