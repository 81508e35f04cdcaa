/**
 * Morris's one-at-a-time trajectories in the unit cube (Morris 1991; the construction of
 * Saltelli et al., Global Sensitivity Analysis: The Primer, 2008, §3.3). Each range is
 * cut into p levels 0, 1/(p−1), ..., 1, and the step is Δ = p / (2 (p − 1)). A trajectory
 * starts at a random base point, then moves the k factors one at a time, in random order,
 * each by +Δ or −Δ: k + 1 points and one elementary effect per factor.
 *
 * Levels are kept as whole-number indices while building, so the points are exact
 * multiples of 1/(p − 1) and never leave [0, 1].
 */
export type Trajectory = number[][];

/** The step Δ of p levels, as a fraction of the range. */
export function morrisStep(levels: number): number {
  return levels / (2 * (levels - 1));
}

function permutation(k: number, random: () => number): number[] {
  const p = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const s = Math.floor(random() * (i + 1));
    [p[i], p[s]] = [p[s], p[i]];
  }
  return p;
}

/** One trajectory of k factors on p (even) levels. */
export function morrisTrajectory(k: number, levels: number, random: () => number): Trajectory {
  const half = levels / 2;
  // Base levels 0 .. p/2 − 1, so that base + p/2 (one step) is still a level.
  const base = Array.from({ length: k }, () => Math.floor(random() * half));
  const up = Array.from({ length: k }, () => random() < 0.5);
  const order = permutation(k, random);
  const at = base.map((b, i) => (up[i] ? b : b + half));
  const unit = () => at.map((l) => l / (levels - 1));
  const points = [unit()];
  for (const i of order) {
    at[i] = up[i] ? base[i] + half : base[i];
    points.push(unit());
  }
  return points;
}

/**
 * Campolongo, Cariboni & Saltelli's (2007) distance between two trajectories: the sum over
 * all pairs of their points of the Euclidean distance.
 */
export function trajectoryDistance(a: Trajectory, b: Trajectory): number {
  let sum = 0;
  for (const x of a) {
    for (const y of b) {
      let s = 0;
      for (let z = 0; z < x.length; z++) s += (x[z] - y[z]) ** 2;
      sum += Math.sqrt(s);
    }
  }
  return sum;
}

/**
 * Keeps the r of the candidates that are most spread out: Campolongo et al. (2007) maximise
 * the sum of squared pairwise distances over all r-subsets; with many candidates that is out
 * of reach, so the trajectory that adds least to the sum is dropped until r remain (the
 * greedy search of Ruano, Ragot & Huerta 2012). Ties go to the earlier candidate, so the
 * choice is reproducible.
 */
export function spreadOut(candidates: Trajectory[], r: number): Trajectory[] {
  const m = candidates.length;
  if (r >= m) return candidates;
  const d2 = candidates.map((a, i) => candidates.map((b, j) => (i === j ? 0 : trajectoryDistance(a, b) ** 2)));
  const kept = new Set(candidates.keys());
  const contribution = d2.map((row) => row.reduce((s, v) => s + v, 0));
  while (kept.size > r) {
    let worst = -1;
    for (const i of kept) if (worst < 0 || contribution[i] < contribution[worst]) worst = i;
    kept.delete(worst);
    for (const i of kept) contribution[i] -= d2[i][worst];
  }
  return [...kept].sort((a, b) => a - b).map((i) => candidates[i]);
}

/** r trajectories of k factors on p levels; with `candidates` > r, the r most spread out of that many. */
export function morrisTrajectories(k: number, r: number, levels: number, random: () => number, candidates = r): Trajectory[] {
  const drawn = Array.from({ length: Math.max(r, candidates) }, () => morrisTrajectory(k, levels, random));
  return spreadOut(drawn, r);
}
