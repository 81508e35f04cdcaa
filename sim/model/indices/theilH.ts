import { entropy } from './entropy.ts';
import { checkMatrix, mutualInformation } from './mutualInformation.ts';

/**
 * Theil's information theory index H = sum_i t_i (E - E_i) / (T E) = M / E (Theil 1972;
 * Reardon & Firebaugh 2002). counts[area][group], any number of groups. 0..1: 0 when every
 * area has the city's mix, 1 when every area holds one group only; 0 when E = 0.
 */
export function theilH(counts: ArrayLike<number>[]): number {
  const groups = checkMatrix(counts);
  const totals = new Float64Array(groups);
  for (const row of counts) for (let g = 0; g < groups; g++) totals[g] += row[g];
  const E = entropy(totals);
  if (E === 0) return 0;
  return Math.min(1, mutualInformation(counts) / E);
}
