import path from 'node:path';
import { loadScenario } from '../../sim/engine/loadScenario.ts';
import { parallelFor } from '../../sim/engine/parallel/parallelFor.ts';
import { Simulation } from '../../sim/engine/simulation.ts';
import { Phase, type ParallelFor } from '../../sim/model/phases.ts';
import { NONE } from '../../sim/model/spaceTypes.ts';
import { Count, type World } from '../../sim/model/world.ts';
import { recountNeighbours } from '../../sim/model/keptNeighbourCounts.ts';
import { recountResidents } from '../../sim/model/dwellingBook.ts';
import type { SchellingParams, SchellingResult, SchellingRunner } from './contract.ts';
import { EMPTY, makeLayout, type Layout } from './layout.ts';
import { buildResult } from './report.ts';
import { seconds, timeSteps } from './timing.ts';

/**
 * Our engine as a Schelling peer: the classic-schelling scenario (housing alone, one resident
 * per household, every unhappy household moves to a random vacancy each day) sized so that the
 * grid is the peers' W x H, one day per step, started from the shared layout like every peer.
 */

export const CLASSIC_SCENARIO = path.resolve(import.meta.dirname, '..', '..', 'scenarios', 'classic-schelling.json');

export interface EngineOptions {
  /** Threads sharing each day (1: all on the calling thread). */
  workers: number;
  /** Retake the census (every indicator) after each day, as `icity run` does; false times the stepping alone. */
  census: boolean;
}

/** The `--set` overrides that make classic-schelling the benchmark's W x H city. */
export function engineOverrides(params: SchellingParams): string[] {
  return [
    `population.residents=${Math.round(params.density * params.width * params.height)}`,
    `city.density=${params.density}`,
    `housing.similarityThreshold=${params.threshold}`,
    `days=${params.steps}`,
    `seed=${params.seed}`,
  ];
}

/**
 * Puts the households on the shared layout's cells: household h takes the h-th occupied cell
 * and its group, so the engine starts from the same city as the other peers. Needs one
 * resident per household and exactly the layout's number of households.
 */
export function placeLayout(world: World, layout: Layout): void {
  const hh = world.households;
  const dw = world.dwellings;
  const households = world.counts[Count.households];
  if (households !== layout.residents || world.counts[Count.residents] !== layout.residents) {
    throw new Error(
      `engine Schelling peer: the scenario made ${households} households of ${world.counts[Count.residents]} residents, the layout has ${layout.residents}`,
    );
  }
  dw.occupant.fill(NONE);
  dw.cell.fill(0);
  let h = 0;
  let vacancies = 0;
  for (let i = 0; i < layout.cells.length; i++) {
    const code = layout.cells[i];
    if (code === EMPTY) {
      dw.vacancyIndex[i] = vacancies;
      dw.vacancies[vacancies++] = i;
      continue;
    }
    if (hh.size[h] !== 1) throw new Error(`engine Schelling peer: household ${h} has ${hh.size[h]} residents, not 1`);
    hh.dwelling[h] = i;
    hh.district[h] = dw.district[i];
    hh.group[h] = code - 1;
    world.residents.group[hh.first[h]] = code - 1;
    dw.occupant[i] = h;
    dw.cell[i] = code;
    dw.vacancyIndex[i] = NONE;
    h++;
  }
  world.counts[Count.vacancies] = vacancies;
  recountNeighbours(world);
  recountResidents(world);
}

export interface EngineResult extends SchellingResult {
  /** The dwelling grid the engine built (checked to equal the requested W x H). */
  grid: { width: number; height: number };
  /** The engine's own percent_similar indicator after the last step (census variant only). */
  indicatorPercentSimilar?: number;
}

export function runEngine(params: SchellingParams, options: EngineOptions): EngineResult {
  const { width, height, density, seed, steps, maxSeconds } = params;
  const layout = makeLayout(width, height, density, seed);
  const setupStart = seconds();
  const scenario = loadScenario(CLASSIC_SCENARIO, engineOverrides(params));
  let threads: ParallelFor | undefined;
  const sim = new Simulation(scenario, {
    workers: options.workers,
    parallel: (city, workers) => (threads = parallelFor(city, workers)),
  });
  try {
    const grid = { width: sim.world.sizes.width, height: sim.world.sizes.height };
    if (grid.width !== width || grid.height !== height) {
      throw new Error(`engine Schelling peer: asked for a ${width}x${height} grid, the scenario built ${grid.width}x${grid.height}`);
    }
    placeLayout(sim.world, layout);
    sim.census.take();
    // Worker threads load the TypeScript sources when they start (a tenth of a second or more):
    // that is setup, not stepping. One pass of the housing evaluation returns once every thread
    // has started and signed off; it only writes the moods that day 1 recomputes first.
    threads?.run(Phase.housing, sim.world.counts[Count.households], 0, 0);
    const setupSeconds = seconds() - setupStart;
    let moves = 0;
    const timed = timeSteps(
      () => {
        sim.advance(options.census);
        moves += sim.movesToday;
      },
      steps,
      maxSeconds,
    );
    // The shared metric reads layout codes; dwelling cells are group + 1, the same codes.
    const result = buildResult(params, layout, setupSeconds, timed, moves, sim.world.dwellings.cell.slice());
    return { ...result, grid, indicatorPercentSimilar: options.census ? sim.indicators().percent_similar : undefined };
  } finally {
    sim.close();
  }
}

/** A runner with the peers' signature, for one choice of threads and census. */
export function engineRunner(options: EngineOptions): SchellingRunner {
  return (params) => runEngine(params, options);
}
