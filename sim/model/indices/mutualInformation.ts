import { entropy } from './entropy.ts';

/**
 * Mutual information index M between areas and groups (Theil & Finizza 1971; Mora & Ruiz-
 * Castillo 2011): M = E - sum_i (t_i/T) E_i, in nats. counts[area][group], any number of
 * groups. 0 when every area has the city's mix. The R package `segregation` reports the same
 * quantity as `mutual_total` (with base = exp(1)).
 */
export function mutualInformation(counts: ArrayLike<number>[]): number {
  const groups = checkMatrix(counts);
  const totals = new Float64Array(groups);
  let T = 0;
  for (const row of counts)
    for (let g = 0; g < groups; g++) {
      totals[g] += row[g];
      T += row[g];
    }
  if (T === 0) return 0;
  let within = 0;
  for (const row of counts) {
    let t = 0;
    for (let g = 0; g < groups; g++) t += row[g];
    if (t > 0) within += (t / T) * entropy(row);
  }
  return Math.max(0, entropy(totals) - within);
}

export function checkMatrix(counts: ArrayLike<number>[]): number {
  const groups = counts.length > 0 ? counts[0].length : 0;
  counts.forEach((row, i) => {
    if (row.length !== groups) throw new RangeError(`counts[${i}] has ${row.length} groups, counts[0] has ${groups}`);
  });
  return groups;
}
