import { EMPTY } from './layout.ts';
import { isHappy } from './rule.ts';

/**
 * Outcome measures, computed the same way for every peer on a grid of cell codes (see
 * layout.ts) that each peer exports from its own world after the timed steps.
 */
export interface Segregation {
  /**
   * NetLogo's percent-similar: 100 * (sum over residents of similar occupied neighbours)
   * / (sum over residents of occupied neighbours), Moore neighbourhood on the torus.
   */
  percentSimilar: number;
  /** Share of residents unhappy under the rule, in [0, 1]. */
  unhappyShare: number;
  residents: number;
}

export function measureSegregation(cells: Uint8Array, width: number, height: number, threshold: number): Segregation {
  let similarSum = 0;
  let totalSum = 0;
  let unhappy = 0;
  let residents = 0;
  for (let y = 0; y < height; y++) {
    const up = ((y + height - 1) % height) * width;
    const row = y * width;
    const down = ((y + 1) % height) * width;
    for (let x = 0; x < width; x++) {
      const me = cells[row + x];
      if (me === EMPTY) continue;
      residents++;
      const left = (x + width - 1) % width;
      const right = (x + 1) % width;
      let similar = 0;
      let total = 0;
      for (const n of [up + left, up + x, up + right, row + left, row + right, down + left, down + x, down + right]) {
        const other = cells[n];
        if (other === EMPTY) continue;
        total++;
        if (other === me) similar++;
      }
      similarSum += similar;
      totalSum += total;
      if (!isHappy(similar, total, threshold)) unhappy++;
    }
  }
  return {
    percentSimilar: totalSum === 0 ? 100 : (100 * similarSum) / totalSum,
    unhappyShare: residents === 0 ? 0 : unhappy / residents,
    residents,
  };
}
