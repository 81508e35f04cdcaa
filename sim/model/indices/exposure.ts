import { checkPair, sum, type Counts } from './totals.ts';

/**
 * Exposure index xPy = sum_i (x_i/X)(y_i/t_i): the majority share of the area of the
 * average minority member. With two groups, isolation + exposure = 1.
 */
export function exposure(minority: Counts, majority: Counts): number {
  checkPair(minority, majority);
  const X = sum(minority);
  if (X === 0) return 0;
  let p = 0;
  for (let i = 0; i < minority.length; i++) {
    const t = minority[i] + majority[i];
    if (t > 0) p += (minority[i] / X) * (majority[i] / t);
  }
  return p;
}
