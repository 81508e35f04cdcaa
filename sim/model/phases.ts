import type { ThreadContext } from './context.ts';
import { planSlot } from './schedule.ts';
import { meetSpaces } from './meet.ts';
import { dailyResidents } from './daily.ts';
import { evaluateHouseholds } from './housing.ts';
import { countCensusBlocks } from './censusBlock.ts';
import { countVisitors, placeVisitors } from './gather.ts';
import { settleHouseholds } from './settleResidents.ts';

/**
 * The parallel phases of a day, and the one of building the city (settle: the initial
 * residents). Each runs over an index range [start, end) of residents,
 * spaces or households, reads what it needs, writes only what that range owns, and draws
 * from streams keyed by the index, so any split of the range among threads gives the same
 * result. Helper run threads call them by number. The census phase takes, in place of a
 * slot, the mask of sections to count (censusSections.ts).
 */
export type PhaseFn = (ctx: ThreadContext, day: number, slot: number, start: number, end: number) => void;

export const Phase = { plan: 0, meet: 1, daily: 2, housing: 3, census: 4, countVisitors: 5, placeVisitors: 6, settle: 7 } as const;
export const PHASES: readonly PhaseFn[] = [
  planSlot,
  meetSpaces,
  dailyResidents,
  evaluateHouseholds,
  countCensusBlocks,
  countVisitors,
  placeVisitors,
  settleHouseholds,
];
/** Indices per chunk at the least: the indices of the census and gathering phases are whole blocks of the city. */
export const MIN_CHUNK: readonly number[] = [256, 256, 256, 256, 1, 1, 1, 256];

/** Runs a phase over [0, total), on one thread or split among several. */
export interface ParallelFor {
  readonly threads: number;
  run(phase: number, total: number, day: number, slot: number): void;
}
