import { interpolateCividis } from 'd3';
import type { GroupInfo } from '../data/runManifest.ts';

/**
 * Okabe & Ito's colour-blind-safe palette (2008), reordered so that the first colours keep
 * good contrast against white and grey; yellow and black come last.
 */
export const OKABE_ITO = ['#E69F00', '#0072B2', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'];

export const VACANT_COLOUR = '#ffffff';
/** A host group that is the majority is drawn in a quiet grey so the minorities stand out. */
export const MAJORITY_COLOUR = '#bdbdbd';

/** Colours of the groups, in the order of the frames' group codes (code k is group k-1). */
export function groupColours(groups: readonly GroupInfo[]): string[] {
  let k = 0;
  return groups.map((g) => (g.host && g.share > 0.5 ? MAJORITY_COLOUR : OKABE_ITO[k++ % OKABE_ITO.length]));
}

/** Arm colours: the baseline black, the others from Okabe-Ito. */
export function armColours(arms: readonly string[], baseline: string): Map<string, string> {
  let k = 0;
  return new Map(arms.map((a) => [a, a === baseline ? '#000000' : OKABE_ITO[k++ % (OKABE_ITO.length - 1)]]));
}

/** Sequential scale for district values: cividis, readable with any colour vision. */
export const sequentialInterpolator = interpolateCividis;

/** "#rrggbb" as a little-endian RGBA word for a Uint32Array view of ImageData. */
export function rgbaWord(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return (0xff << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}
