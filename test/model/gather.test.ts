import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { threadContext } from '../../sim/model/context.ts';
import { countVisitors, placeVisitors, startVisitorLists } from '../../sim/model/gather.ts';
import { visitorBlocks } from '../../sim/model/visitorBlocks.ts';
import { Count, type World } from '../../sim/model/world.ts';
import { smallCity } from '../helpers.ts';

/** Gathers with the blocks taken in the order given, as threads might take them. */
function gather(w: World, order: number[]): { starts: number[]; visitors: number[] } {
  const ctx = threadContext(w);
  for (const b of order) countVisitors(ctx, 0, 0, b, b + 1);
  startVisitorLists(w);
  for (const b of order) placeVisitors(ctx, 0, 0, b, b + 1);
  const { visitorStart, visitors } = w.spaces;
  return { starts: Array.from(visitorStart), visitors: Array.from(visitors.subarray(0, visitorStart[w.sizes.spaces])) };
}

describe('visitor lists', () => {
  it.each([
    ['one block', 3000],
    ['several blocks', 150_000],
  ])('list every resident who is in a space, once, in index order (%s), whatever order the blocks are taken in', (_, residents) => {
    const sim = new Simulation(smallCity({ 'population.residents': residents }));
    const w = sim.world;
    const R = w.counts[Count.residents];
    const { blocks } = visitorBlocks(w.sizes);
    expect(blocks).toBe(residents > 100_000 ? 3 : 1);
    for (let i = 0; i < R; i++) w.residents.location[i] = i % 3 === 0 ? -1 : (i * 7919) % w.sizes.spaces;
    const ascending = Array.from({ length: blocks }, (_, b) => b);
    const inOrder = gather(w, ascending);
    const { starts, visitors } = inOrder;
    let seen = 0;
    for (let s = 0; s < w.sizes.spaces; s++) {
      for (let k = starts[s]; k < starts[s + 1]; k++) {
        expect(w.residents.location[visitors[k]]).toBe(s);
        if (k > starts[s]) expect(visitors[k]).toBeGreaterThan(visitors[k - 1]);
        seen++;
      }
    }
    expect(seen).toBe(Array.from({ length: R }, (_, i) => i).filter((i) => i % 3 !== 0).length);
    expect(gather(w, ascending.reverse())).toEqual(inOrder);
    sim.close();
  });
});
