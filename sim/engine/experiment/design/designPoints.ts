import type { Design } from '../../../../scenarios/schema/design.ts';
import { designRandom } from './designRandom.ts';
import { fullFactorial } from './fullFactorial.ts';
import { latinHypercube } from './latinHypercube.ts';
import { morrisStep, morrisTrajectories } from './morrisTrajectories.ts';

/** One point of a design: the arm it becomes and the value of each parameter, in the design's order. */
export interface DesignPoint {
  arm: string;
  values: unknown[];
  /** Where the point lies in the unit cube of the ranges (Latin hypercube and Morris). */
  unit?: number[];
  /** The Morris trajectory the point belongs to (0-based); its points follow each other. */
  trajectory?: number;
}

/** A design after defaults with its points, as the experiment's manifest records it. */
export type DesignRecord = Design & { points: DesignPoint[]; delta?: number };

/** Point names: p001, p002, ...; wider when there are more than 999 points, so they sort. */
export function pointName(index: number, count: number): string {
  return `p${String(index + 1).padStart(Math.max(3, String(count).length), '0')}`;
}

/** Arm names a design may use; hand-written arms may not take them. */
export const POINT_NAME = /^p\d+$/;

/** The value at fraction u of a range: rounded to 6 decimals (what the CSV files can hold) or to a whole number. */
export function valueAt(u: number, p: { min: number; max: number; integer: boolean }): number {
  const v = Math.min(p.max, Math.max(p.min, p.min + u * (p.max - p.min)));
  return p.integer ? Math.round(v) : Math.round(v * 1e6) / 1e6;
}

/** The values a grid parameter takes: as listed, or evenly spaced from min to max. */
export function gridValues(p: { values?: unknown[]; min?: number; max?: number; levels?: number; integer: boolean }): unknown[] {
  if (p.values) return p.values;
  const { min = 0, max = 0, levels = 2 } = p;
  return Array.from({ length: levels }, (_, j) => valueAt(j / (levels - 1), { min, max, integer: p.integer }));
}

/** The points of a design, in a fixed order: the same design always gives the same points and names. */
export function designPoints(design: Design): DesignRecord {
  switch (design.type) {
    case 'grid': {
      const lists = design.parameters.map(gridValues);
      const combos = fullFactorial(lists.map((l) => l.length));
      return { ...design, points: combos.map((c, i) => ({ arm: pointName(i, combos.length), values: c.map((j, k) => lists[k][j]) })) };
    }
    case 'latinHypercube': {
      const unit = latinHypercube(design.n, design.parameters.length, designRandom(design.seed, 'latinHypercube'));
      return {
        ...design,
        points: unit.map((u, i) => ({ arm: pointName(i, unit.length), values: u.map((x, k) => valueAt(x, design.parameters[k])), unit: u })),
      };
    }
    case 'morris': {
      const k = design.parameters.length;
      const trajectories = morrisTrajectories(k, design.trajectories, design.levels, designRandom(design.seed, 'morris'), design.candidates);
      const count = trajectories.length * (k + 1);
      const points: DesignPoint[] = [];
      trajectories.forEach((t, ti) => {
        for (const u of t)
          points.push({ arm: pointName(points.length, count), values: u.map((x, j) => valueAt(x, design.parameters[j])), unit: u, trajectory: ti });
      });
      return { ...design, delta: morrisStep(design.levels), points };
    }
  }
}
