import type { CalibrationParameter } from '../../../scenarios/schema/calibration.ts';

/**
 * A parameter's prior range as the unit interval: 0 is its min and 1 its max, evenly on its
 * scale (linear, or in the logarithm for a log scale). Waves sample and refocus in unit
 * coordinates, so every parameter counts alike whatever its unit.
 */
export function fromUnit(p: Pick<CalibrationParameter, 'min' | 'max' | 'scale'>, u: number): number {
  if (p.scale === 'log') return Math.exp(Math.log(p.min) + u * (Math.log(p.max) - Math.log(p.min)));
  return p.min + u * (p.max - p.min);
}

export function toUnit(p: Pick<CalibrationParameter, 'min' | 'max' | 'scale'>, x: number): number {
  if (p.scale === 'log') return (Math.log(x) - Math.log(p.min)) / (Math.log(p.max) - Math.log(p.min));
  return (x - p.min) / (p.max - p.min);
}
