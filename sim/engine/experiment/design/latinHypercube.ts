/**
 * A Latin hypercube sample of n points in the unit cube [0, 1)^k (McKay, Beckman & Conover
 * 1979): each axis is cut into n equal strata and each stratum holds exactly one point, at a
 * uniform position inside it; the strata are matched across axes by independent random
 * permutations. `random` returns numbers in [0, 1).
 */
export function latinHypercube(n: number, k: number, random: () => number): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(k));
  const perm = new Array<number>(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const s = Math.floor(random() * (i + 1));
      [perm[i], perm[s]] = [perm[s], perm[i]];
    }
    for (let i = 0; i < n; i++) points[i][j] = (perm[i] + random()) / n;
  }
  return points;
}
