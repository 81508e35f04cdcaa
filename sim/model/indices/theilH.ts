import { entropy } from './entropy.ts';
import { flatMatrix, groupTotals, mutualInformationFlat } from './mutualInformation.ts';

/**
 * Theil's information theory index H = sum_i t_i (E - E_i) / (T E) = M / E (Theil 1972;
 * Reardon & Firebaugh 2002). counts[area][group], any number of groups. 0..1: 0 when every
 * area has the city's mix, 1 when every area holds one group only; 0 when E = 0.
 */
export function theilH(counts: ArrayLike<number>[]): number {
  const { flat, groups } = flatMatrix(counts);
  return theilHFlat(flat, groups);
}

/** The same H over one flat, area-major array: counts[area * groups + group] (see mutualInformationFlat). */
export function theilHFlat(counts: Float64Array, groups: number): number {
  const totals = groupTotals(counts, groups);
  const E = entropy(totals);
  if (E === 0) return 0;
  return Math.min(1, mutualInformationFlat(counts, groups, totals) / E);
}
