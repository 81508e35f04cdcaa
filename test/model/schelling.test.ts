import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { neighbourCounts } from '../../sim/model/housing.ts';
import { scenarioFrom } from '../helpers.ts';

function schelling(threshold: number, days = 30, seed = 1) {
  const sim = new Simulation(scenarioFrom('classic-schelling.json', { 'housing.similarityThreshold': threshold, seed }));
  for (let d = 0; d < days; d++) sim.advance();
  const out = sim.indicators();
  sim.close();
  return { out, sim };
}

describe('the classic Schelling model as a special case of housing', () => {
  it('builds a 51x51 grid at NetLogo density 0.95 with one resident per dwelling', () => {
    const { sim } = schelling(0.3, 0);
    expect(sim.world.sizes.width).toBe(51);
    expect(sim.world.sizes.height).toBe(51);
    expect(sim.census.households).toBe(2471);
  });

  it('segregates more as the threshold rises', () => {
    const similar = [0.2, 0.4, 0.6].map((t) => schelling(t).out.percent_similar);
    expect(similar[1]).toBeGreaterThan(similar[0]);
    expect(similar[2]).toBeGreaterThan(similar[1]);
  });

  it('a threshold of 0 moves nobody and keeps the random mix near 50%', () => {
    const { out } = schelling(0);
    expect(out.unhappy_share).toBe(0);
    expect(out.percent_similar).toBeGreaterThan(45);
    expect(out.percent_similar).toBeLessThan(55);
  });

  it('stops changing once everyone is happy', () => {
    const sim = new Simulation(scenarioFrom('classic-schelling.json', { 'housing.similarityThreshold': 0.3 }));
    let day = 0;
    while (sim.indicators().unhappy_share > 0 && day < 500) {
      sim.advance();
      day++;
    }
    expect(sim.indicators().unhappy_share).toBe(0);
    const grid = sim.world.dwellings.cell.slice();
    for (let k = 0; k < 5; k++) sim.advance();
    expect(sim.movesToday).toBe(0);
    expect(sim.world.dwellings.cell).toEqual(grid);
  });
});

describe('neighbour counts', () => {
  it.each([true, false])('match a direct count of the Moore neighbours on every dwelling (wrap %s)', (wrap) => {
    const sim = new Simulation(scenarioFrom('classic-schelling.json', { 'city.wrap': wrap }));
    const w = sim.world;
    const { width, height } = w.sizes;
    const cell = w.dwellings.cell;
    for (let i = 0; i < width * height; i++) {
      const x = i % width;
      const y = Math.floor(i / width);
      for (const g1 of [1, 2]) {
        let like = 0;
        let occupied = 0;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            if (!dx && !dy) continue;
            let nx = x + dx;
            let ny = y + dy;
            if (wrap) [nx, ny] = [(nx + width) % width, (ny + height) % height];
            else if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
            const c = cell[ny * width + nx];
            if (c) {
              occupied++;
              if (c === g1) like++;
            }
          }
        expect(neighbourCounts(w, i, g1, -1)).toBe(like * 16 + occupied);
      }
    }
    sim.close();
  });
});
