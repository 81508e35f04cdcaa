import { nice } from 'd3';
import type { FrameStore } from '../data/frameStore.ts';

/**
 * The colour domain of a district aggregate: its range over every loaded frame of every run
 * shown, so one colour means one value across days and across maps side by side; the
 * legend gives the numbers.
 */
export function districtDomain(stores: readonly FrameStore[], m: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of stores) {
    const [a, b] = s.districtExtent(m);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) return [lo, lo + (lo === 0 ? 1 : Math.abs(lo) * 0.1)];
  const [a, b] = nice(lo, hi, 5);
  return [a, b];
}
