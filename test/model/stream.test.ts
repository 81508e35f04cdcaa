import { describe, expect, it } from 'vitest';
import { Stream } from '../../sim/model/stream.ts';
import { rootKey } from '../../sim/model/seed.ts';

const draw = (s: Stream, n: number) => Array.from({ length: n }, () => s.next());

describe('random streams keyed by what they serve', () => {
  it('the same key gives the same numbers, whatever was drawn before', () => {
    const a = new Stream(rootKey(7));
    const b = new Stream(rootKey(7));
    draw(b.reset(3, 10, 1, 99), 50);
    expect(draw(a.reset(3, 10, 2, 5), 20)).toEqual(draw(b.reset(3, 10, 2, 5), 20));
  });

  it('changing any part of the key or the seed changes the numbers', () => {
    const s = new Stream(rootKey(7));
    const base = draw(s.reset(3, 10, 2, 5), 5);
    for (const [p, d, sl, e] of [
      [4, 10, 2, 5],
      [3, 11, 2, 5],
      [3, 10, 1, 5],
      [3, 10, 2, 6],
    ]) {
      expect(draw(s.reset(p, d, sl, e), 5)).not.toEqual(base);
    }
    expect(draw(new Stream(rootKey(8)).reset(3, 10, 2, 5), 5)).not.toEqual(base);
  });

  it('numbers are uniform in [0, 1) and adjacent keys are uncorrelated', () => {
    const s = new Stream(rootKey(1));
    const bins = new Array(10).fill(0);
    let firstSum = 0;
    const n = 20000;
    for (let e = 0; e < n; e++) {
      const x = s.reset(2, 0, 0, e).next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      bins[Math.floor(x * 10)]++;
      firstSum += x;
    }
    // First draws of consecutive entities: each decile within 10% of n/10, mean near 0.5.
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(n / 100);
    expect(firstSum / n).toBeCloseTo(0.5, 1);
  });

  it('count(mean) has the requested mean', () => {
    const s = new Stream(rootKey(2)).reset(1, 0, 0, 0);
    let total = 0;
    for (let k = 0; k < 20000; k++) total += s.count(1.3);
    expect(total / 20000).toBeCloseTo(1.3, 1);
  });
});
