// Must come first: lets agentscript's bundle load without a browser canvas (see the module).
import './headless-canvas.ts';
import { AgentList, Model, util, type AgentArray, type Patch, type Turtle, type WorldOptions } from 'agentscript';
import type { SchellingParams, SchellingResult } from './contract.ts';
import { EMPTY, makeLayout, type Layout } from './layout.ts';
import { buildResult } from './report.ts';
import { isHappy } from './rule.ts';
import { seconds, timeSteps } from './timing.ts';

/**
 * agentscript ships no Schelling model (its models/ folder has Life, Fire, Ants, ... but no
 * Segregation), so this is NetLogo's "Segregation" written in agentscript's NetLogo idioms:
 * a Model subclass with setup()/step(), one turtle per resident sprouted on its patch,
 * `turtles.ask`, `turtles.with`, `patch.neighbors` and `patch.turtlesHere` for NetLogo's
 * `turtles-on neighbors`, `patches.oneOf()` and `turtle.moveTo(patch)` to move.
 * Runs headless: the model classes only, no view, loaded with a null canvas (headless-canvas.ts).
 * Deviations, each to make it run the shared rules:
 * - agentscript's patch neighbours stop at the world's edge (it has no wrapping world), so
 *   setup gives every patch its 8 wrapped neighbours, stored where agentscript's own lazy
 *   `neighbors` getter caches its list (an own `neighbors` property of the patch);
 * - NetLogo's find-new-spot jumps a random distance until it lands on a vacant patch; the
 *   shared rule is a uniformly random vacant cell, drawn here with `patches.oneOf()` until the
 *   patch has no turtles;
 * - the random order comes from agentscript's `shuffle()`, which swaps with an index in [0, i)
 *   rather than [0, i] (Sattolo's variant: a random cyclic permutation, not a uniform one).
 */

interface Resident extends Turtle {
  group: number;
  happy: boolean;
}

class SegregationModel extends Model {
  moves = 0;

  constructor(
    worldOptions: WorldOptions,
    private readonly layout: Layout,
    private readonly threshold: number,
  ) {
    super(worldOptions);
  }

  /** The turtles are all residents; agentscript types them loosely, so name what they carry. */
  get residents(): AgentArray<Resident> {
    return this.turtles as AgentArray<Resident>;
  }

  override setup(): void {
    this.wrapNeighbors();
    const { cells } = this.layout;
    // Patch ids run row by row like layout indices, so layout cell i is patch i.
    for (let i = 0; i < cells.length; i++) {
      const group = cells[i];
      if (group === EMPTY) continue;
      this.patches[i].sprout(1, this.turtles, (turtle) => {
        (turtle as Resident).group = group;
      });
    }
    // First use of turtlesHere builds every patch's turtle list; later moves keep them current.
    void this.patches[0].turtlesHere;
  }

  private wrapNeighbors(): void {
    const { minX, maxX, minY, maxY } = this.world;
    const wrap = (v: number, min: number, max: number) => (v < min ? max : v > max ? min : v);
    this.patches.ask((patch) => {
      const neighbors = new AgentList<Patch>(this, 8);
      let k = 0;
      for (const dy of [1, 0, -1]) {
        for (const dx of [-1, 0, 1]) {
          if (dx === 0 && dy === 0) continue;
          neighbors[k++] = this.patches.patchXY(wrap(patch.x + dx, minX, maxX), wrap(patch.y + dy, minY, maxY));
        }
      }
      Object.defineProperty(patch, 'neighbors', { value: neighbors, enumerable: true });
    });
  }

  override step(): void {
    // NetLogo's update-turtles: similar and total among the turtles on the neighbouring patches.
    this.residents.ask((t) => {
      let similar = 0;
      let total = 0;
      t.patch.neighbors.ask((n) => {
        n.turtlesHere.ask((other) => {
          total++;
          if ((other as Resident).group === t.group) similar++;
        });
      });
      t.happy = isHappy(similar, total, this.threshold);
    });
    // NetLogo's move-unhappy-turtles: ask turtles with [not happy?] [find-new-spot],
    // in random order as NetLogo's ask is.
    this.residents
      .with((t) => !t.happy)
      .shuffle()
      .ask((t) => this.findNewSpot(t));
  }

  private findNewSpot(turtle: Resident): void {
    let patch: Patch;
    do {
      patch = this.patches.oneOf();
    } while (patch.turtlesHere.length > 0);
    turtle.moveTo(patch);
    this.moves++;
  }

  /** The city as layout cell codes, for the shared metric (after timing). */
  exportCells(): Uint8Array {
    const cells = new Uint8Array(this.layout.cells.length);
    this.residents.ask((t) => {
      cells[t.patch.id] = t.group;
    });
    return cells;
  }
}

export function runAgentscript(params: SchellingParams): SchellingResult {
  const { width, height, density, threshold, steps, seed, maxSeconds } = params;
  const layout = makeLayout(width, height, density, seed);
  // util.randomSeed replaces Math.random for the whole process: put it back for the next peer.
  const processRandom = Math.random;
  try {
    const setupStart = seconds();
    // Park-Miller needs a seed in 1..2^31-2; 0 would stick at 0.
    util.randomSeed(((seed >>> 0) % 2147483646) + 1);
    const model = new SegregationModel({ minX: 0, maxX: width - 1, minY: 0, maxY: height - 1, minZ: 0, maxZ: 0 }, layout, threshold);
    model.setup();
    const setupSeconds = seconds() - setupStart;
    const timed = timeSteps(() => model.step(), steps, maxSeconds);
    return buildResult(params, layout, setupSeconds, timed, model.moves, model.exportCells());
  } finally {
    Math.random = processRandom;
  }
}
