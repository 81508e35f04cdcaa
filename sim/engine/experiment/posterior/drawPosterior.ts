import seedrandom from 'seedrandom';

/**
 * The rows a posterior experiment runs with, in draw order: successive weighted sampling
 * without replacement (each draw picks a row not drawn yet with probability proportional to
 * its weight), done as in Efraimidis & Spirakis 2006 (Inf. Process. Lett. 97:181-185): each
 * row gets the key ln(u) / weight with u uniform on (0, 1], and the rows are taken by
 * decreasing key. Rows of weight 0 are never drawn. The keys come from a stream of their own,
 * keyed by the experiment's seed and the row, so the draws are the same on any machine, and
 * more draws keep the earlier ones (the first n are a prefix of the first n + m), which lets
 * a resumed experiment with more replications reuse its runs.
 */
export function drawPosterior(weights: readonly number[], draws: number, seed: number): number[] {
  const rng = seedrandom(`interethnic-city:posterior:${seed}`);
  const keys = weights.map((w) => {
    const u = 1 - rng.double();
    return w > 0 ? Math.log(u) / w : -Infinity;
  });
  const order = weights.map((_, i) => i).filter((i) => weights[i] > 0);
  order.sort((a, b) => keys[b] - keys[a] || a - b);
  return order.slice(0, draws);
}

/** How many rows can be drawn: those with a positive weight. */
export function drawableRows(weights: readonly number[]): number {
  return weights.filter((w) => w > 0).length;
}
