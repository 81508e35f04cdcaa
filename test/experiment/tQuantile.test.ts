import { describe, expect, it } from 'vitest';
import { tCdf, tQuantile } from '../../sim/engine/experiment/tQuantile.ts';

// Student's t table (two-sided 95% unless noted), e.g. Abramowitz & Stegun table 26.10.
const TABLE: [number, number, number][] = [
  [0.975, 1, 12.7062],
  [0.975, 2, 4.3027],
  [0.975, 3, 3.1824],
  [0.975, 4, 2.7764],
  [0.975, 5, 2.5706],
  [0.975, 7, 2.3646],
  [0.975, 10, 2.2281],
  [0.975, 19, 2.093],
  [0.975, 30, 2.0423],
  [0.975, 60, 2.0003],
  [0.975, 120, 1.9799],
  [0.95, 4, 2.1318],
  [0.95, 1, 6.3138],
  [0.995, 5, 4.0321],
  [0.995, 1, 63.6567],
  [0.9, 8, 1.3968],
];

describe('tQuantile', () => {
  it.each(TABLE)('tQuantile(%s, %s) matches the table value %s to 4 decimals', (p, df, expected) => {
    expect(tQuantile(p, df)).toBeCloseTo(expected, 4);
  });

  it('is symmetric: tQuantile(1 − p, df) = −tQuantile(p, df), and the median is 0', () => {
    for (const df of [1, 2, 3, 9, 50]) {
      expect(tQuantile(0.025, df)).toBeCloseTo(-tQuantile(0.975, df), 12);
      expect(tQuantile(0.5, df)).toBe(0);
    }
  });

  it('approaches the normal quantile 1.959964 as df grows', () => {
    expect(tQuantile(0.975, 100_000)).toBeCloseTo(1.959964, 4);
    expect(tQuantile(0.975, 1000)).toBeGreaterThan(1.959964);
  });

  it('inverts tCdf', () => {
    for (const df of [1, 2, 5, 13, 40]) {
      for (const p of [0.6, 0.9, 0.975, 0.999]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
    }
  });

  it('tCdf is the Cauchy distribution for df = 1 and matches a closed form for df = 2', () => {
    for (const t of [-3, -0.5, 0, 0.7, 4]) {
      expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    }
  });

  it('refuses degrees of freedom that are not whole and positive, and probabilities outside (0, 1)', () => {
    expect(() => tQuantile(0.975, 0)).toThrow(/degrees of freedom/);
    expect(() => tQuantile(0.975, 2.5)).toThrow(/degrees of freedom/);
    expect(() => tQuantile(1, 3)).toThrow(/probability/);
    expect(() => tQuantile(0, 3)).toThrow(/probability/);
  });
});
