import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../sim/engine/experiment/design/latinHypercube.ts';
import { fullFactorial } from '../../sim/engine/experiment/design/fullFactorial.ts';
import { designRandom } from '../../sim/engine/experiment/design/designRandom.ts';
import { designPoints, gridValues, pointName, valueAt } from '../../sim/engine/experiment/design/designPoints.ts';
import { designSchema } from '../../scenarios/schema/design.ts';

describe('latinHypercube', () => {
  it('puts exactly one point in each of the n strata of every axis', () => {
    for (const [n, k] of [
      [1, 1],
      [7, 3],
      [50, 5],
    ]) {
      const points = latinHypercube(n, k, designRandom(n, 'lhs'));
      expect(points).toHaveLength(n);
      for (let j = 0; j < k; j++) {
        const strata = points.map((p) => Math.floor(p[j] * n)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });

  it('is reproducible from the seed and differs between seeds', () => {
    expect(latinHypercube(10, 2, designRandom(1, 'lhs'))).toEqual(latinHypercube(10, 2, designRandom(1, 'lhs')));
    expect(latinHypercube(10, 2, designRandom(1, 'lhs'))).not.toEqual(latinHypercube(10, 2, designRandom(2, 'lhs')));
  });
});

describe('fullFactorial', () => {
  it('lists every combination, the last factor fastest', () => {
    expect(fullFactorial([2, 3])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    expect(fullFactorial([1, 1, 2])).toEqual([
      [0, 0, 0],
      [0, 0, 1],
    ]);
    expect(fullFactorial([3, 0])).toEqual([]);
    expect(fullFactorial([4, 5, 6])).toHaveLength(120);
  });
});

describe('design points', () => {
  it('name points p001, p002, ... and widen the number past 999 points so names sort', () => {
    expect(pointName(0, 20)).toBe('p001');
    expect(pointName(19, 20)).toBe('p020');
    expect(pointName(0, 1500)).toBe('p0001');
  });

  it('map a fraction of a range to a value rounded to 6 decimals, or to a whole number', () => {
    expect(valueAt(1 / 3, { min: 0, max: 1, integer: false })).toBe(0.333333);
    expect(valueAt(0.5, { min: 1000, max: 2001, integer: true })).toBe(1501);
    expect(valueAt(1, { min: 0.1, max: 0.7, integer: false })).toBe(0.7);
    expect(gridValues({ min: 0.2, max: 0.5, levels: 4, integer: false })).toEqual([0.2, 0.3, 0.4, 0.5]);
  });

  it('a grid crosses the listed and the evenly spaced values', () => {
    const d = designPoints(
      designSchema.parse({
        type: 'grid',
        parameters: [
          { path: 'a', values: [true, false] },
          { path: 'b', min: 0, max: 1, levels: 3 },
        ],
      }),
    );
    expect(d.points.map((p) => [p.arm, ...p.values])).toEqual([
      ['p001', true, 0],
      ['p002', true, 0.5],
      ['p003', true, 1],
      ['p004', false, 0],
      ['p005', false, 0.5],
      ['p006', false, 1],
    ]);
  });

  it('a Latin hypercube sample keeps each value inside its range, from the seed', () => {
    const design = designSchema.parse({
      type: 'latinHypercube',
      n: 8,
      seed: 4,
      parameters: [
        { path: 'a', min: 0.1, max: 0.5 },
        { path: 'b', min: 1000, max: 5000, integer: true },
      ],
    });
    const d = designPoints(design);
    expect(d.points).toHaveLength(8);
    for (const p of d.points) {
      expect(p.values[0]).toBeGreaterThanOrEqual(0.1);
      expect(p.values[0]).toBeLessThanOrEqual(0.5);
      expect(Number.isInteger(p.values[1])).toBe(true);
    }
    expect(designPoints(design)).toEqual(d);
  });

  it('Morris points come trajectory by trajectory, k + 1 each', () => {
    const d = designPoints(
      designSchema.parse({
        type: 'morris',
        trajectories: 3,
        parameters: [
          { path: 'a', min: 0, max: 1 },
          { path: 'b', min: 0, max: 2 },
        ],
      }),
    );
    expect(d.points.map((p) => p.trajectory)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(d.delta).toBeCloseTo(2 / 3, 12);
    for (const p of d.points) expect(p.values[1]).toBeCloseTo(2 * p.unit![1], 5);
  });

  it('the design schema refuses odd Morris levels, unequal ranges and a grid given two ways', () => {
    const issues = (d: unknown) => designSchema.safeParse(d).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ type: 'morris', trajectories: 4, levels: 5, parameters: [{ path: 'a', min: 0, max: 1 }] })).toEqual([
      'levels: must be even (the step is p / (2 (p − 1)) of the range)',
    ]);
    expect(issues({ type: 'latinHypercube', n: 4, parameters: [{ path: 'a', min: 1, max: 1 }] })).toEqual(['parameters.0.max: max must be greater than min']);
    expect(issues({ type: 'grid', parameters: [{ path: 'a', values: [1], min: 0, max: 1, levels: 2 }] })).toEqual([
      'parameters.0.values: give values, or min, max and levels, not both',
    ]);
    expect(
      issues({
        type: 'grid',
        parameters: [
          { path: 'a', values: [1] },
          { path: 'a', values: [2] },
        ],
      }),
    ).toEqual(['parameters.1.path: another parameter of the design has this path']);
  });
});
