import type { Trajectory } from './morrisTrajectories.ts';

/** Morris's screening measures of one factor for one output. */
export interface MorrisIndex {
  /** Mean of the elementary effects: the overall direction and size of the influence. */
  mu: number;
  /** Mean of their absolute values (Campolongo et al. 2007): the size, even when effects of both signs cancel in mu. */
  muStar: number;
  /** Their standard deviation (n − 1): interactions with other factors or a non-linear effect; undefined with fewer than 2. */
  sigma?: number;
  /** How many elementary effects (one per trajectory). */
  r: number;
}

/**
 * The elementary effects of each factor along trajectories and their Morris measures.
 * `trajectories[t][s]` is point s of trajectory t in the unit cube (consecutive points
 * differ in one coordinate) and `outputs[t][s]` the model's output there. The effect of
 * the step from point s − 1 to s, which moves factor i, is
 *   EE_i = (y_s − y_{s−1}) / (x_s,i − x_{s−1},i),
 * so with coordinates as fractions of each factor's range an effect is the change of the
 * output over the whole range of the factor, comparable across factors of any unit.
 * Needs no simulation: any function's outputs will do.
 */
export function morrisIndices(k: number, trajectories: readonly Trajectory[], outputs: readonly (readonly number[])[]): MorrisIndex[] {
  const effects: number[][] = Array.from({ length: k }, () => []);
  trajectories.forEach((points, t) => {
    const y = outputs[t];
    if (y.length !== points.length) throw new RangeError(`trajectory ${t} has ${points.length} points but ${y.length} outputs`);
    for (let s = 1; s < points.length; s++) {
      let moved = -1;
      let step = 0;
      for (let i = 0; i < k; i++) {
        const d = points[s][i] - points[s - 1][i];
        if (Math.abs(d) > Math.abs(step)) {
          moved = i;
          step = d;
        }
      }
      if (moved < 0) throw new RangeError(`trajectory ${t}: points ${s - 1} and ${s} are the same`);
      effects[moved].push((y[s] - y[s - 1]) / step);
    }
  });
  return effects.map((ee) => {
    const r = ee.length;
    if (r === 0) return { mu: NaN, muStar: NaN, r };
    let sum = 0;
    let abs = 0;
    for (const e of ee) {
      sum += e;
      abs += Math.abs(e);
    }
    const mu = sum / r;
    if (r < 2) return { mu, muStar: abs / r, r };
    let ss = 0;
    for (const e of ee) ss += (e - mu) ** 2;
    return { mu, muStar: abs / r, sigma: Math.sqrt(ss / (r - 1)), r };
  });
}
