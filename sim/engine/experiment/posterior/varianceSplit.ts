import { tQuantile } from '../tQuantile.ts';

/** What a posterior experiment says about one effect, from its paired differences by draw and seed. */
export interface VarianceSplit {
  /** G: the posterior draws. */
  draws: number;
  /** k: the seeds (replications) of each draw. */
  seedsPerDraw: number;
  /** The mean effect over draws and seeds. */
  mean: number;
  /** 95% interval of the mean effect over the posterior (t with G − 1 degrees of freedom on the draws' means). */
  low: number;
  high: number;
  /** Square root of the between-draw variance component (the parameter part); undefined when k = 1. */
  sdParameter?: number;
  /** Square root of the within-draw variance (the stochastic part: seeds of one parameter set); undefined when k = 1. */
  sdStochastic?: number;
  /** Parameter part / (parameter + stochastic part), of the variance of one run's effect; undefined when k = 1 or both are 0. */
  parameterShare?: number;
  /** The share of draws whose mean effect has the sign of the overall mean (0 counts as a sign). */
  signShare: number;
  /** 5% and 95% quantiles of the draws' mean effects. */
  posteriorLow: number;
  posteriorHigh: number;
}

/**
 * Splits the uncertainty of an effect by the law of total variance, Var(d) = Var_θ(E[d | θ])
 * + E_θ[Var(d | θ)]: the part that comes from not knowing the parameters θ (Kennedy &
 * O'Hagan 2001, J. R. Stat. Soc. B 63:425) and the part that comes from the seeds of a run.
 * `d` holds the paired differences replication by replication, draw by draw (G draws × k
 * seeds, d[i·k + j]). The estimate is the balanced one-way random-effects ANOVA (Searle,
 * Casella & McCulloch 1992, Variance Components, ch. 3): with MSW the mean square within draws
 * and MSB between them, the stochastic variance is MSW and the parameter variance
 * max(0, (MSB − MSW) / k). With k = 1 the two parts cannot be told apart and are undefined.
 * The mean's interval is mean ± t(0.975, G − 1) · √(MSB / (G k)), which for k = 1 is the
 * paired t interval. Sums run in index order, so the same values give the same bits.
 */
export function varianceSplit(d: ArrayLike<number>, seedsPerDraw: number): VarianceSplit {
  const k = seedsPerDraw;
  const G = Math.floor(d.length / k);
  if (G < 2 || G * k !== d.length) throw new RangeError(`expected draws × seeds differences with at least 2 draws; found ${d.length} for ${k} seeds per draw`);
  const drawMeans = new Float64Array(G);
  let total = 0;
  for (let i = 0; i < G; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += d[i * k + j];
    drawMeans[i] = s / k;
    total += s;
  }
  const mean = total / (G * k);
  let between = 0;
  let within = 0;
  for (let i = 0; i < G; i++) {
    between += (drawMeans[i] - mean) ** 2;
    for (let j = 0; j < k; j++) within += (d[i * k + j] - drawMeans[i]) ** 2;
  }
  const msb = (k * between) / (G - 1);
  const half = tQuantile(0.975, G - 1) * Math.sqrt(msb / (G * k));
  const sign = Math.sign(mean);
  let agree = 0;
  for (let i = 0; i < G; i++) if (Math.sign(drawMeans[i]) === sign) agree++;
  const sorted = Float64Array.from(drawMeans).sort();
  const split: VarianceSplit = {
    draws: G,
    seedsPerDraw: k,
    mean,
    low: mean - half,
    high: mean + half,
    signShare: agree / G,
    posteriorLow: quantile(sorted, 0.05),
    posteriorHigh: quantile(sorted, 0.95),
  };
  if (k >= 2) {
    const msw = within / (G * (k - 1));
    const parameter = Math.max(0, (msb - msw) / k);
    split.sdParameter = Math.sqrt(parameter);
    split.sdStochastic = Math.sqrt(msw);
    if (parameter + msw > 0) split.parameterShare = parameter / (parameter + msw);
  }
  return split;
}

/** The p-quantile of sorted values, interpolating between order statistics (Hyndman & Fan 1996, type 7, R's default). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
