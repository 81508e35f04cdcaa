import { LEVEL } from './meet.ts';

/** CEFR-like levels of host-language proficiency: each level is 0.2 (about 200 guided hours). */
export const LEVELS = ['pre_a1', 'a1', 'a2', 'b1', 'b2', 'c1'] as const;

export function levelIndex(proficiency: number): number {
  return Math.min(LEVELS.length - 1, Math.floor(proficiency / LEVEL + 1e-9));
}
