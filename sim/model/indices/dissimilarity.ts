import { checkPair, sum, type Counts } from './totals.ts';

/**
 * Index of dissimilarity D = 1/2 * sum_i |x_i/X - y_i/Y| (Duncan & Duncan 1955): the share
 * of the minority that would have to move for every area to have the city's mix. 0..1;
 * 0 when either group is empty.
 */
export function dissimilarity(minority: Counts, majority: Counts): number {
  checkPair(minority, majority);
  const X = sum(minority);
  const Y = sum(majority);
  if (X === 0 || Y === 0) return 0;
  let d = 0;
  for (let i = 0; i < minority.length; i++) d += Math.abs(minority[i] / X - majority[i] / Y);
  return d / 2;
}
