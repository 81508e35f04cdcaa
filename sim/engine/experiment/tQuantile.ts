/**
 * Student's t distribution for whole degrees of freedom, from the finite series of
 * Abramowitz & Stegun 26.7.3 and 26.7.4 (exact for integer df, no gamma function needed).
 * With θ = atan(t / √ν), A(t|ν) = P(|T| < t) is
 *   ν = 1:    2θ/π
 *   ν odd:    (2/π) (θ + sinθ cosθ [1 + (2/3)cos²θ + ... + (2·4···(ν−3))/(1·3···(ν−2)) cos^(ν−3)θ])
 *   ν even:   sinθ [1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + ... + (1·3···(ν−3))/(2·4···(ν−2)) cos^(ν−2)θ]
 */
function twoSided(theta: number, df: number): number {
  const s = Math.sin(theta);
  const c2 = Math.cos(theta) ** 2;
  if (df % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    return s * sum;
  }
  if (df === 1) return (2 * theta) / Math.PI;
  let term = 1;
  let sum = 1;
  for (let k = 3; k <= df - 2; k += 2) {
    term *= ((k - 1) / k) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * Math.cos(theta) * sum);
}

function checkDf(df: number): void {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a whole number of at least 1, found ${df}`);
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  const a = twoSided(Math.atan(Math.abs(t) / Math.sqrt(df)), df);
  return t >= 0 ? 0.5 + a / 2 : 0.5 - a / 2;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom, e.g. tQuantile(0.975, 7) =
 * 2.3646. Found by bisection on θ in (0, π/2), where the series is monotone, to full
 * double precision.
 */
export function tQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be between 0 and 1 (exclusive), found ${p}`);
  if (p === 0.5) return 0;
  const target = Math.abs(2 * p - 1);
  let lo = 0;
  let hi = Math.PI / 2;
  for (let k = 0; k < 200 && hi - lo > 1e-17; k++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (twoSided(mid, df) < target) lo = mid;
    else hi = mid;
  }
  const t = Math.sqrt(df) * Math.tan((lo + hi) / 2);
  return p > 0.5 ? t : -t;
}
