import { entropy } from './entropy.ts';

/**
 * Mutual information index M between areas and groups (Theil & Finizza 1971; Mora & Ruiz-
 * Castillo 2011): M = E - sum_i (t_i/T) E_i, in nats. counts[area][group], any number of
 * groups. 0 when every area has the city's mix. The R package `segregation` reports the same
 * quantity as `mutual_total` (with base = exp(1)).
 */
export function mutualInformation(counts: ArrayLike<number>[]): number {
  const { flat, groups } = flatMatrix(counts);
  return mutualInformationFlat(flat, groups);
}

/**
 * The same M over one flat, area-major array: counts[area * groups + group]. The census keeps
 * its tract counts so, and a census of 100,000 tracts is indexed in one monomorphic loop
 * rather than through a view per tract. `totals` are the group totals, for a caller that has
 * them already (Theil's H).
 */
export function mutualInformationFlat(counts: Float64Array, groups: number, totals = groupTotals(counts, groups)): number {
  let T = 0;
  for (let k = 0; k < counts.length; k++) T += counts[k];
  if (T === 0) return 0;
  let within = 0;
  for (let at = 0; at < counts.length; at += groups) {
    let t = 0;
    for (let g = 0; g < groups; g++) t += counts[at + g];
    if (!(t > 0)) continue;
    // The area's entropy, as entropy() computes it; small whole counts (a census tract's)
    // take each term p log p from a table, computed by the same operations.
    const small = t <= SMALL_AREA && t === Math.floor(t);
    let e = 0;
    for (let g = 0; g < groups; g++) {
      const c = counts[at + g];
      if (small && c >= 0 && c <= t && c === Math.floor(c)) e -= P_LOG_P[t * (SMALL_AREA + 1) + c];
      else {
        const p = c / t;
        if (p > 0) e -= p * Math.log(p);
      }
    }
    within += (t / T) * e;
  }
  return Math.max(0, entropy(totals) - within);
}

/** Areas of up to this many residents take their entropy terms from P_LOG_P. */
const SMALL_AREA = 64;
/** [t * (SMALL_AREA + 1) + c]: p log p for p = c / t, 0 for c = 0, exactly as the loop above would compute it. */
const P_LOG_P = (() => {
  const table = new Float64Array((SMALL_AREA + 1) ** 2);
  for (let t = 1; t <= SMALL_AREA; t++)
    for (let c = 1; c <= t; c++) {
      const p = c / t;
      table[t * (SMALL_AREA + 1) + c] = p * Math.log(p);
    }
  return table;
})();

/** Residents of each group over all areas of a flat, area-major array. */
export function groupTotals(counts: Float64Array, groups: number): Float64Array {
  if (groups === 0 ? counts.length !== 0 : !(groups > 0 && counts.length % groups === 0))
    throw new RangeError(`${counts.length} counts do not make rows of ${groups} groups`);
  const totals = new Float64Array(groups);
  for (let at = 0; at < counts.length; at += groups) for (let g = 0; g < groups; g++) totals[g] += counts[at + g];
  return totals;
}

/** counts[area][group] as one flat, area-major array; every row must have as many groups as the first. */
export function flatMatrix(counts: ArrayLike<number>[]): { flat: Float64Array; groups: number } {
  const groups = counts.length > 0 ? counts[0].length : 0;
  const flat = new Float64Array(counts.length * groups);
  counts.forEach((row, i) => {
    if (row.length !== groups) throw new RangeError(`counts[${i}] has ${row.length} groups, counts[0] has ${groups}`);
    for (let g = 0; g < groups; g++) flat[i * groups + g] = row[g];
  });
  return { flat, groups };
}
