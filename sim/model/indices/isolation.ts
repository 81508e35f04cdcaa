import type { Counts } from './totals.ts';
import { interaction } from './interaction.ts';

/**
 * Isolation index xPx = sum_i (x_i/X)(x_i/t_i): the minority share of the area of the
 * average minority member (Lieberson 1981). 0..1; 0 when the minority is empty.
 */
export function isolation(minority: Counts, majority: Counts): number {
  return interaction(minority, majority, minority);
}
