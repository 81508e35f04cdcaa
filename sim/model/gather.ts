import { NONE } from './spaceTypes.ts';
import { Count, type World } from './world.ts';

/**
 * Builds the visitor lists of a slot as CSR arrays (counting sort by space, residents in
 * index order), reusing the same arrays every slot. Serial: it is one pass over residents.
 */
export function gatherVisitors(world: World): void {
  const { location } = world.residents;
  const { visitorStart, visitors } = world.spaces;
  const S = world.sizes.spaces;
  const R = world.counts[Count.residents];
  visitorStart.fill(0);
  for (let i = 0; i < R; i++) {
    const s = location[i];
    if (s !== NONE) visitorStart[s + 1]++;
  }
  for (let s = 0; s < S; s++) visitorStart[s + 1] += visitorStart[s];
  const total = visitorStart[S];
  // Fill from the back, decrementing each space's end offset: members come out in index
  // order and each end offset turns into its space's start, one place to the right.
  for (let i = R - 1; i >= 0; i--) {
    const s = location[i];
    if (s !== NONE) visitors[--visitorStart[s + 1]] = i;
  }
  visitorStart.copyWithin(0, 1, S + 1);
  visitorStart[S] = total;
}
