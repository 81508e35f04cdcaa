import { describe, expect, it } from 'vitest';
import { morrisIndices } from '../../sim/engine/experiment/design/morrisIndices.ts';
import {
  morrisStep,
  morrisTrajectories,
  morrisTrajectory,
  spreadOut,
  trajectoryDistance,
  type Trajectory,
} from '../../sim/engine/experiment/design/morrisTrajectories.ts';
import { designRandom } from '../../sim/engine/experiment/design/designRandom.ts';

/** Morris measures of f over [0,1]^k from r trajectories on p levels. */
function screen(f: (x: number[]) => number, k: number, r: number, p = 4, seed = 1) {
  const t = morrisTrajectories(k, r, p, designRandom(seed, 'test'));
  return morrisIndices(
    k,
    t,
    t.map((points) => points.map(f)),
  );
}

describe('morrisTrajectory', () => {
  it('moves one factor at a time by ±Δ = p / (2 (p − 1)), each factor once, on the grid of p levels', () => {
    for (const p of [2, 4, 6, 8]) {
      const random = designRandom(p, 'shape');
      for (let n = 0; n < 20; n++) {
        const t = morrisTrajectory(5, p, random);
        expect(t).toHaveLength(6);
        const moved: number[] = [];
        for (let s = 1; s < t.length; s++) {
          const diff = t[s].map((x, i) => x - t[s - 1][i]);
          const changed = diff.flatMap((d, i) => (d !== 0 ? [i] : []));
          expect(changed).toHaveLength(1);
          expect(Math.abs(diff[changed[0]])).toBeCloseTo(morrisStep(p), 12);
          moved.push(changed[0]);
        }
        expect(moved.sort()).toEqual([0, 1, 2, 3, 4]);
        for (const x of t.flat()) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(Math.abs(x * (p - 1) - Math.round(x * (p - 1)))).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('is reproducible from the seed and differs between seeds', () => {
    expect(morrisTrajectories(4, 5, 4, designRandom(9, 'morris'))).toEqual(morrisTrajectories(4, 5, 4, designRandom(9, 'morris')));
    expect(morrisTrajectories(4, 5, 4, designRandom(9, 'morris'))).not.toEqual(morrisTrajectories(4, 5, 4, designRandom(10, 'morris')));
  });
});

describe('spreadOut (Campolongo et al. 2007 trajectory selection)', () => {
  const spread = (ts: Trajectory[]) => {
    let s = 0;
    for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) s += trajectoryDistance(ts[i], ts[j]) ** 2;
    return s;
  };

  it('keeps r of the candidates, in their order, spread out at least as much as the first r', () => {
    const random = designRandom(3, 'spread');
    const candidates = Array.from({ length: 30 }, () => morrisTrajectory(4, 4, random));
    const kept = spreadOut(candidates, 6);
    expect(kept).toHaveLength(6);
    const at = kept.map((t) => candidates.indexOf(t));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(spread(kept)).toBeGreaterThan(spread(candidates.slice(0, 6)));
  });

  it('finds the best subset when it can be checked by brute force', () => {
    const random = designRandom(4, 'spread');
    const candidates = Array.from({ length: 8 }, () => morrisTrajectory(3, 4, random));
    let best = 0;
    for (let a = 0; a < 8; a++)
      for (let b = a + 1; b < 8; b++) for (let c = b + 1; c < 8; c++) best = Math.max(best, spread([candidates[a], candidates[b], candidates[c]]));
    // The greedy search is not guaranteed optimal; on small sets it comes close.
    expect(spread(spreadOut(candidates, 3))).toBeGreaterThanOrEqual(0.9 * best);
  });

  it('trajectoryDistance is symmetric and zero only for a trajectory with itself', () => {
    const random = designRandom(5, 'distance');
    const [a, b] = [morrisTrajectory(3, 4, random), morrisTrajectory(3, 4, random)];
    expect(trajectoryDistance(a, b)).toBeCloseTo(trajectoryDistance(b, a), 12);
    expect(trajectoryDistance(a, a)).toBeGreaterThan(0); // points of one trajectory differ from each other
  });
});

describe('morrisIndices on functions with known effects', () => {
  it('y = 2·x1 + x2² + 0·x3: mu* ranks x1, x2, x3; x1 is linear (sigma 0), x2 is not, x3 has no effect', () => {
    const [x1, x2, x3] = screen((x) => 2 * x[0] + x[1] ** 2 + 0 * x[2], 3, 20);
    expect(x1.mu).toBeCloseTo(2, 12);
    expect(x1.muStar).toBeCloseTo(2, 12);
    expect(x1.sigma).toBeCloseTo(0, 12);
    // EE of x² from x to x + Δ is 2x + Δ: between Δ = 2/3 and 2 − Δ = 4/3 for p = 4.
    expect(x2.muStar).toBeGreaterThanOrEqual(2 / 3 - 1e-12);
    expect(x2.muStar).toBeLessThanOrEqual(4 / 3 + 1e-12);
    expect(x2.sigma).toBeGreaterThan(0.1);
    expect(x3).toEqual({ mu: 0, muStar: 0, sigma: 0, r: 20 });
    expect(x1.muStar).toBeGreaterThan(x2.muStar);
    expect(x2.muStar).toBeGreaterThan(x3.muStar);
    for (const x of [x1, x2, x3]) expect(x.r).toBe(20);
  });

  it('mu* sees an effect whose signs cancel in mu (Campolongo et al. 2007)', () => {
    // (x − ½)² falls on one half and rises on the other: every effect is ±1/3 with p = 4.
    const [x1, x2] = screen((x) => (x[0] - 0.5) ** 2 + x[1], 2, 40);
    expect(x1.muStar).toBeCloseTo(1 / 3, 12);
    expect(Math.abs(x1.mu)).toBeLessThan(x1.muStar);
    expect(x2.mu).toBeCloseTo(1, 12);
  });

  it('gives the signed mean: a falling effect has mu < 0 and mu* = |mu|', () => {
    const [x1] = screen((x) => -3 * x[0], 1, 5);
    expect(x1.mu).toBeCloseTo(-3, 12);
    expect(x1.muStar).toBeCloseTo(3, 12);
  });

  it('an interaction shows in sigma: y = x1·x2 has sigma > 0 for both', () => {
    const [x1, x2] = screen((x) => x[0] * x[1], 2, 30);
    expect(x1.sigma).toBeGreaterThan(0.1);
    expect(x2.sigma).toBeGreaterThan(0.1);
  });

  it('leaves sigma undefined with one trajectory, and refuses outputs that do not match the points', () => {
    const [x1] = screen((x) => x[0], 2, 1);
    expect(x1.r).toBe(1);
    expect(x1.sigma).toBeUndefined();
    const t = morrisTrajectories(2, 1, 4, designRandom(1, 'x'));
    expect(() => morrisIndices(2, t, [[1, 2]])).toThrow(/3 points but 2 outputs/);
  });
});
