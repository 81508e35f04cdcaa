/** Shannon entropy (natural log) of a vector of counts; 0 for an empty vector. */
export function entropy(counts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total === 0) return 0;
  let e = 0;
  for (let i = 0; i < counts.length; i++) {
    const p = counts[i] / total;
    if (p > 0) e -= p * Math.log(p);
  }
  return e;
}
