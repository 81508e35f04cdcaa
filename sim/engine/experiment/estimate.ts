import { tQuantile } from './tQuantile.ts';

/** Mean of replications with its standard deviation and a t confidence interval. */
export interface Estimate {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); undefined for fewer than 2 values. */
  sd?: number;
  low?: number;
  high?: number;
}

/**
 * The mean of independent replications and its two-sided confidence interval from the t
 * distribution with n − 1 degrees of freedom: mean ± t(1 − α/2, n − 1) · sd / √n. Applied to
 * paired differences (arm minus baseline, replication by replication) it is the paired-t
 * interval. Sums run in index order, so the same values give the same bits.
 */
export function estimate(values: ArrayLike<number>, level = 0.95): Estimate {
  const n = values.length;
  if (n === 0) throw new RangeError('cannot estimate a mean from no values');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  if (n < 2) return { n, mean };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, low: mean - half, high: mean + half };
}
