/**
 * Berry's acculturation strategies from two axes, heritage-culture maintenance and
 * host-culture adoption (Berry 1997), each split at the midpoint of its 0..1 scale.
 */
export const STRATEGIES = ['integration', 'assimilation', 'separation', 'marginalisation'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export function strategyIndex(heritage: number, adoption: number): number {
  const keeps = heritage >= 0.5;
  const adopts = adoption >= 0.5;
  return keeps ? (adopts ? 0 : 2) : adopts ? 1 : 3;
}
