/**
 * Implausibility of a parameter set for one target (Vernon, Goldstein & Bower 2010, eq. 4;
 * Andrianakis et al. 2015, eq. 2): the distance between the published value z and the
 * model's expected output E[f(x)], in standard deviations of everything that separates them:
 *
 *   I(x) = |z − E[f(x)]| / sqrt(Var_obs + Var_disc + Var_ens + Var_ens / R)
 *
 * Var_obs is the observation's variance, Var_disc the model discrepancy's. Var_ens is the
 * ensemble variance, the spread of single runs at x (the real city is one realisation of a
 * stochastic process, Andrianakis et al. 2015, sec. 2.3). E[f(x)] is estimated by the mean of
 * R replications rather than by an emulator, so its own uncertainty, Var_ens / R, takes the
 * place of the emulator's variance.
 */
export interface TargetEvidence {
  value: number;
  sd: number;
  discrepancy: number;
}

export interface PointEstimate {
  mean: number;
  /** Sample variance over replications (n − 1 in the denominator). */
  variance: number;
  replications: number;
}

export function estimate(values: readonly number[]): PointEstimate {
  const n = values.length;
  if (n === 0 || values.some((v) => !Number.isFinite(v))) return { mean: Number.NaN, variance: Number.NaN, replications: n };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, variance: n > 1 ? ss / (n - 1) : 0, replications: n };
}

/** A target's implausibility at a point; Infinity when the runs could not measure the target (e.g. a correlation over no one). */
export function implausibility(t: TargetEvidence, e: PointEstimate): number {
  if (!Number.isFinite(e.mean)) return Number.POSITIVE_INFINITY;
  const variance = t.sd ** 2 + t.discrepancy ** 2 + e.variance * (1 + 1 / e.replications);
  return Math.abs(t.value - e.mean) / Math.sqrt(variance);
}

/** A point's implausibility over all targets: the largest, or the second largest (which forgives one target). */
export function combined(values: readonly number[], rule: 'max' | 'second-max'): number {
  const sorted = [...values].sort((a, b) => b - a);
  return rule === 'second-max' && sorted.length > 1 ? sorted[1] : sorted[0];
}
