import type { ThreadContext } from './context.ts';
import { NONE } from './spaceTypes.ts';
import { Count, type World } from './world.ts';
import { visitorBlocks } from './visitorBlocks.ts';

/**
 * The visitor lists of a slot as CSR arrays (a counting sort by space, residents in index
 * order), reusing the same arrays every slot, in two parallel phases over fixed blocks of
 * residents with a short serial pass between: each block counts its residents per space
 * (countVisitors); the serial pass turns the counts into where each block's residents go in
 * each space's list, space by space and blocks in order (startVisitorLists); each block then
 * writes its residents there (placeVisitors). A space's list is its residents in index order,
 * whatever the blocks and threads.
 */

/** Phase over blocks [start, end): each block's residents per space, into its own row of counts. */
export function countVisitors(ctx: ThreadContext, _day: number, _slot: number, start: number, end: number): void {
  const w = ctx.world;
  const { location } = w.residents;
  const counts = w.spaces.visitorCounts;
  const S = w.sizes.spaces;
  const R = w.counts[Count.residents];
  const { residentsPerBlock } = visitorBlocks(w.sizes);
  for (let b = start; b < end; b++) {
    const row = b * S;
    counts.fill(0, row, row + S);
    const last = Math.min(R, (b + 1) * residentsPerBlock);
    for (let i = b * residentsPerBlock; i < last; i++) {
      const s = location[i];
      if (s !== NONE) counts[row + s]++;
    }
  }
}

/** Serial: each space's start in the lists, and each block's first place in each space's list (in place of its count). */
export function startVisitorLists(world: World): void {
  const { visitorStart, visitorCounts: counts } = world.spaces;
  const S = world.sizes.spaces;
  const { blocks } = visitorBlocks(world.sizes);
  let at = 0;
  for (let s = 0; s < S; s++) {
    visitorStart[s] = at;
    for (let k = s; k < blocks * S; k += S) {
      const n = counts[k];
      counts[k] = at;
      at += n;
    }
  }
  visitorStart[S] = at;
}

/** Phase over blocks [start, end): each block writes its residents into the lists, in index order. */
export function placeVisitors(ctx: ThreadContext, _day: number, _slot: number, start: number, end: number): void {
  const w = ctx.world;
  const { location } = w.residents;
  const { visitors, visitorCounts: next } = w.spaces;
  const S = w.sizes.spaces;
  const R = w.counts[Count.residents];
  const { residentsPerBlock } = visitorBlocks(w.sizes);
  for (let b = start; b < end; b++) {
    const row = b * S;
    const last = Math.min(R, (b + 1) * residentsPerBlock);
    for (let i = b * residentsPerBlock; i < last; i++) {
      const s = location[i];
      if (s !== NONE) visitors[next[row + s]++] = i;
    }
  }
}
