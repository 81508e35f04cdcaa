import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { quantile, varianceSplit } from '../../sim/engine/experiment/posterior/varianceSplit.ts';

/** A standard normal from a seeded uniform (Box-Muller), so the synthetic cases are the same every time. */
function normals(seed: string): () => number {
  const rng = seedrandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - rng.double())) * Math.cos(2 * Math.PI * rng.double());
}

/** G draws × k seeds of d = scale · θ_i + noise · ε_ij, θ and ε standard normal. */
function synthetic(G: number, k: number, scale: number, noise: number, seed: string): Float64Array {
  const z = normals(seed);
  const d = new Float64Array(G * k);
  for (let i = 0; i < G; i++) {
    const theta = z();
    for (let j = 0; j < k; j++) d[i * k + j] = scale * theta + noise * z();
  }
  return d;
}

describe('varianceSplit (one-way random-effects ANOVA over draws × seeds)', () => {
  it('puts all the spread between draws when the seeds of a draw agree', () => {
    const s = varianceSplit([1, 1, 3, 3], 2);
    expect(s.mean).toBe(2);
    expect(s.sdStochastic).toBe(0);
    expect(s.sdParameter).toBeCloseTo(Math.SQRT2, 12); // MSB = 2 · (1 + 1) / 1 = 4; (4 − 0) / 2 = 2
    expect(s.parameterShare).toBe(1);
  });

  it('puts all the spread within draws when the draws have the same mean', () => {
    const s = varianceSplit([1, 3, 1, 3], 2);
    expect(s.sdParameter).toBe(0);
    expect(s.sdStochastic).toBeCloseTo(Math.SQRT2, 12); // MSW = 4 · 1 / (2 · 1) = 2
    expect(s.parameterShare).toBe(0);
    expect([s.low, s.high]).toEqual([2, 2]); // MSB = 0: the draws' means do not differ
  });

  it('recovers a known split: a parameter that scales the effect, and seeds that add noise', () => {
    const parameterMostly = varianceSplit(synthetic(400, 4, 1, 0.2, 'a'), 4);
    expect(parameterMostly.sdParameter).toBeCloseTo(1, 1);
    expect(parameterMostly.sdStochastic).toBeCloseTo(0.2, 1);
    expect(parameterMostly.parameterShare).toBeGreaterThan(0.93); // truth 1 / 1.04 = 0.96
    const noiseMostly = varianceSplit(synthetic(400, 4, 0.2, 1, 'b'), 4);
    expect(noiseMostly.sdParameter).toBeCloseTo(0.2, 1);
    expect(noiseMostly.sdStochastic).toBeCloseTo(1, 1);
    expect(noiseMostly.parameterShare).toBeLessThan(0.08); // truth 0.04 / 1.04 = 0.04
  });

  it('gives no split with one seed per draw, and then the paired t interval', () => {
    const s = varianceSplit([1, 2, 4], 1);
    expect(s.sdParameter).toBeUndefined();
    expect(s.sdStochastic).toBeUndefined();
    expect(s.parameterShare).toBeUndefined();
    // sd = √(7/3); t(0.975, 2) = 4.302653
    expect(s.high - s.mean).toBeCloseTo(4.302653 * Math.sqrt(7 / 3 / 3), 5);
  });

  it('counts the draws whose mean effect has the sign of the overall mean', () => {
    // Draws' means −1, 2, 3: the mean 4/3 is positive, as two of the three are.
    expect(varianceSplit([-1, -1, 2, 2, 3, 3], 2).signShare).toBeCloseTo(2 / 3, 12);
    expect(varianceSplit([-1, -2, -3, 0.5], 1).signShare).toBe(0.75);
    expect(varianceSplit([0, 0, 0, 0], 2).signShare).toBe(1);
  });

  it("gives the 5% and 95% quantiles of the draws' means (type 7)", () => {
    const s = varianceSplit([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 1);
    expect(s.posteriorLow).toBeCloseTo(5, 12);
    expect(s.posteriorHigh).toBeCloseTo(95, 12);
    expect(quantile([3], 0.05)).toBe(3);
  });

  it('refuses fewer than two draws, or a count that is not draws × seeds', () => {
    expect(() => varianceSplit([1, 2], 2)).toThrow(RangeError);
    expect(() => varianceSplit([1, 2, 3], 2)).toThrow(RangeError);
  });
});
