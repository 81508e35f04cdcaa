/**
 * The happiness rule, written once so every peer decides with the same arithmetic:
 * `similar / total >= threshold` among occupied Moore neighbours, and happy with no neighbours.
 * (NetLogo writes `similar >= threshold% * total / 100`; in floating point `0.3 * 10` is
 * 3.0000000000000004, so the multiplied form would call 3 of 10 unhappy at threshold 0.3.
 * Dividing two small integers is exact enough to agree with the rational comparison.)
 */
export function isHappy(similar: number, total: number, threshold: number): boolean {
  return total === 0 || similar / total >= threshold;
}

/**
 * For each possible count of occupied neighbours (0..8), the fewest similar ones that make a
 * resident happy: the same rule as `isHappy` turned into a lookup, for the hand-written loop.
 */
export function minimumSimilar(threshold: number): Uint8Array {
  const table = new Uint8Array(9);
  for (let total = 0; total <= 8; total++) {
    let similar = 0;
    while (similar <= total && !isHappy(similar, total, threshold)) similar++;
    table[total] = similar; // total + 1 means "never happy", only for thresholds above 1
  }
  return table;
}
