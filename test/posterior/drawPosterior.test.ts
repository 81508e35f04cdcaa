import { describe, expect, it } from 'vitest';
import { drawPosterior } from '../../sim/engine/experiment/posterior/drawPosterior.ts';

describe('drawPosterior (weighted sampling without replacement)', () => {
  it('is the same for the same seed, differs with the seed, and never repeats a row', () => {
    const w = Array.from({ length: 50 }, (_, i) => 1 + (i % 5));
    const a = drawPosterior(w, 20, 3);
    expect(drawPosterior(w, 20, 3)).toEqual(a);
    expect(drawPosterior(w, 20, 4)).not.toEqual(a);
    expect(new Set(a).size).toBe(20);
  });

  it('keeps the earlier draws when more are asked for', () => {
    const w = Array.from({ length: 30 }, (_, i) => (i % 3) + 0.5);
    expect(drawPosterior(w, 25, 9).slice(0, 10)).toEqual(drawPosterior(w, 10, 9));
  });

  it('never draws a row of weight 0, and draws every other row when asked for all', () => {
    const w = [1, 0, 2, 0, 3];
    expect(drawPosterior(w, 5, 1).sort()).toEqual([0, 2, 4]);
  });

  it('draws first a row with probability proportional to its weight', () => {
    const w = [1, 3, 6];
    const first = [0, 0, 0];
    const seeds = 3000;
    for (let s = 1; s <= seeds; s++) first[drawPosterior(w, 1, s)[0]]++;
    // Binomial sd at 3,000 trials is at most 0.009: 4 sd of room.
    expect(first[0] / seeds).toBeCloseTo(0.1, 1);
    expect(Math.abs(first[1] / seeds - 0.3)).toBeLessThan(0.036);
    expect(Math.abs(first[2] / seeds - 0.6)).toBeLessThan(0.036);
  });
});
