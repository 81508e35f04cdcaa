import { latinHypercube } from '../experiment/design/latinHypercube.ts';
import { designRandom } from '../experiment/design/designRandom.ts';

/** A box in unit coordinates: per parameter the lowest and highest value a wave samples. */
export interface UnitBox {
  low: number[];
  high: number[];
}

/** How much a refocused box is widened beyond the plausible points on each side, as a share of its width (and at least MIN_PAD of the prior). */
export const PAD_SHARE = 0.1;
export const MIN_PAD = 0.02;

/** The prior's box: the whole unit cube. */
export function priorBox(k: number): UnitBox {
  return { low: new Array<number>(k).fill(0), high: new Array<number>(k).fill(1) };
}

/**
 * The box the next wave samples: the smallest box holding the points not ruled out so far
 * (in unit coordinates), widened a little on each side (the region's edge lies between a
 * plausible point and the nearest implausible one) and clipped to the prior.
 */
export function refocusedBox(points: readonly number[][], k: number): UnitBox {
  const box: UnitBox = { low: new Array<number>(k).fill(1), high: new Array<number>(k).fill(0) };
  for (const u of points)
    for (let j = 0; j < k; j++) {
      box.low[j] = Math.min(box.low[j], u[j]);
      box.high[j] = Math.max(box.high[j], u[j]);
    }
  for (let j = 0; j < k; j++) {
    const pad = Math.max(MIN_PAD, PAD_SHARE * (box.high[j] - box.low[j]));
    box.low[j] = Math.max(0, box.low[j] - pad);
    box.high[j] = Math.min(1, box.high[j] + pad);
  }
  return box;
}

/**
 * A wave's points: a Latin hypercube of n points inside the box (McKay, Beckman & Conover
 * 1979), drawn from the calibration's seed and the wave's number, so the same file gives the
 * same points on any machine.
 */
export function wavePoints(n: number, box: UnitBox, seed: number, wave: number): number[][] {
  const k = box.low.length;
  const unit = latinHypercube(n, k, designRandom(seed, `calibration-wave-${wave}`));
  return unit.map((u) => u.map((v, j) => box.low[j] + v * (box.high[j] - box.low[j])));
}
