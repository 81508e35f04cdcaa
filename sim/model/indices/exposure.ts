import type { Counts } from './totals.ts';
import { interaction } from './interaction.ts';

/**
 * Exposure index xPy = sum_i (x_i/X)(y_i/t_i): the majority share of the area of the
 * average minority member. With two groups, isolation + exposure = 1.
 */
export function exposure(minority: Counts, majority: Counts): number {
  return interaction(minority, majority, majority);
}
