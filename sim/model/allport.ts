/**
 * A space's Allport score: a weighted mean of its four conditions. Institutional support
 * weighs most (Pettigrew & Tropp 2006); the other three share the rest equally.
 */
export function allportScore(conditions: Float32Array, space: number, institutionalWeight: number): number {
  const o = space * 4;
  const rest = (1 - institutionalWeight) / 3;
  return rest * (conditions[o] + conditions[o + 1] + conditions[o + 2]) + institutionalWeight * conditions[o + 3];
}
