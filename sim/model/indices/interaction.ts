import { checkPair, sum, type Counts } from './totals.ts';

/**
 * sum_i (x_i/X)(w_i/t_i): the share of group w in the area of the average minority member
 * (Lieberson 1981). With w the minority it is isolation, with w the majority exposure.
 */
export function interaction(minority: Counts, majority: Counts, other: Counts): number {
  checkPair(minority, majority);
  const X = sum(minority);
  if (X === 0) return 0;
  let p = 0;
  for (let i = 0; i < minority.length; i++) {
    const t = minority[i] + majority[i];
    if (t > 0) p += (minority[i] / X) * (other[i] / t);
  }
  return p;
}
