/**
 * Pearson's r of two equally long columns; NaN when either does not vary (or there are
 * fewer than 2 values). The calibration's correlation targets and the validation's contact
 * check both measure with it, so a target and its check agree to the last digit.
 */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError(`pearson: ${n} x values but ${ys.length} y values`);
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}
