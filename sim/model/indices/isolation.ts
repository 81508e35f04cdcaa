import { checkPair, sum, type Counts } from './totals.ts';

/**
 * Isolation index xPx = sum_i (x_i/X)(x_i/t_i): the minority share of the area of the
 * average minority member (Lieberson 1981). 0..1; 0 when the minority is empty.
 */
export function isolation(minority: Counts, majority: Counts): number {
  checkPair(minority, majority);
  const X = sum(minority);
  if (X === 0) return 0;
  let p = 0;
  for (let i = 0; i < minority.length; i++) {
    const t = minority[i] + majority[i];
    if (t > 0) p += (minority[i] / X) * (minority[i] / t);
  }
  return p;
}
