import type { World } from './world.ts';

/**
 * A space's Allport score: a weighted mean of its four conditions. Institutional support
 * weighs most (Pettigrew & Tropp 2006); the other three share the rest equally.
 */
export function allportScore(conditions: Float32Array, space: number, institutionalWeight: number): number {
  const o = space * 4;
  const rest = (1 - institutionalWeight) / 3;
  return rest * (conditions[o] + conditions[o + 1] + conditions[o + 2]) + institutionalWeight * conditions[o + 3];
}

/** Today's Allport scores, from each space's base conditions plus the policies' raises. */
export function refreshAllport(world: World): void {
  const { conditions, allport } = world.spaces;
  const raise = world.levers.conditionRaise;
  const weight = world.scenario.contact.institutionalWeight;
  const tmp = new Float32Array(4);
  for (let s = 0; s < world.sizes.spaces; s++) {
    for (let k = 0; k < 4; k++) tmp[k] = Math.min(1, conditions[s * 4 + k] + raise[s * 4 + k]);
    allport[s] = allportScore(tmp, 0, weight);
  }
}
