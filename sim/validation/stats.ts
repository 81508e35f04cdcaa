/** Small statistics for the validation checks (sample sd with n - 1; Pearson's r). */
export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length > 0 ? s / xs.length : NaN;
}

export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

export { pearson } from '../engine/pearson.ts';

/** "m ± sd" with the given decimals ("m" alone for one value). */
export function meanSd(xs: readonly number[], digits: number): string {
  return xs.length > 1 ? `${mean(xs).toFixed(digits)} ± ${sd(xs).toFixed(digits)}` : mean(xs).toFixed(digits);
}

/**
 * The correlation a survey would observe when both scales are measured with error: the true r
 * attenuated by the square root of the two reliabilities (Spearman 1904). Surveys of contact
 * and prejudice report reliabilities (Cronbach's alpha) of about 0.7 to 0.9, and meta-analytic
 * correlations such as Pettigrew & Tropp's (2006) are observed, not corrected, correlations.
 */
export function surveyCorrelation(r: number, reliabilityX: number, reliabilityY: number): number {
  return r * Math.sqrt(reliabilityX * reliabilityY);
}
