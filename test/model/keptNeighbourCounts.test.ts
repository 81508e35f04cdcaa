import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { neighbourCounts } from '../../sim/model/housing.ts';
import { keptCounts, recountNeighbours, setCell } from '../../sim/model/keptNeighbourCounts.ts';
import { NONE } from '../../sim/model/spaceTypes.ts';
import type { World } from '../../sim/model/world.ts';
import { scenarioFrom } from '../helpers.ts';

/** Just what the neighbour counts read of a city: the grid, the groups and the map. */
function gridWorld(width: number, height: number, groups: number, wrap: boolean): World {
  return {
    sizes: { width, height, groups },
    scenario: { city: { wrap } },
    dwellings: { cell: new Uint8Array(width * height), neighbours: new Uint8Array(width * height * (groups + 1)) },
  } as unknown as World;
}

/** Every dwelling's kept counts for every group against a recount of its eight cells. */
function expectKeptEqualsRecount(world: World): void {
  const { width, height, groups } = world.sizes;
  const kept: number[] = [];
  const recounted: number[] = [];
  for (let d = 0; d < width * height; d++) {
    for (let g1 = 1; g1 <= groups; g1++) {
      kept.push(keptCounts(world.dwellings.neighbours, groups + 1, d, g1));
      recounted.push(neighbourCounts(world, d, g1, NONE));
    }
  }
  expect(kept).toEqual(recounted);
}

describe('neighbour counts kept up to date on moves', () => {
  it('equal a recount after any sequence of moves, arrivals and departures, on any grid (wrapping or not, down to 1 x 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 120 }),
        (width, height, groups, wrap, changes) => {
          const world = gridWorld(width, height, groups, wrap);
          for (const [at, value] of changes) setCell(world, at % (width * height), value % (groups + 1));
          expectKeptEqualsRecount(world);
          // And a fresh count of the same map gives the same counts.
          const kept = world.dwellings.neighbours.slice();
          recountNeighbours(world);
          expect(world.dwellings.neighbours).toEqual(kept);
        },
      ),
      { numRuns: 400, seed: 14 },
    );
  });

  it('a move counted wrongly would be seen: a cell written behind the counts is caught', () => {
    const world = gridWorld(5, 5, 2, false);
    setCell(world, 12, 1);
    world.dwellings.cell[6] = 2;
    expect(() => expectKeptEqualsRecount(world)).toThrow();
  });

  it.each([
    ['classic-schelling.json', {}, false],
    ['default.json', { 'population.residents': 3000 }, true],
  ])('equal a recount in %s after 40 days of moves (and births, deaths, arrivals and departures: %s)', (file, sets, demography) => {
    const sim = new Simulation(scenarioFrom(file, sets));
    expectKeptEqualsRecount(sim.world);
    let moves = 0;
    let comings = 0;
    for (let d = 0; d < 40; d++) {
      sim.advance(false);
      moves += sim.movesToday;
      const today = sim.census.demography;
      comings += today.arrived + today.departed + today.births + today.deaths;
    }
    expect(moves).toBeGreaterThan(0);
    expect(comings > 0).toBe(demography);
    expectKeptEqualsRecount(sim.world);
    sim.close();
  });
});
