import { ROBUST_SIGN_SHARE, signRobust, type SummaryRow } from '../../../formats/experimentTables.ts';

export { ROBUST_SIGN_SHARE };

/** Whether an effect keeps its sign over the posterior (see signRobust); true for an experiment without one. */
export function robustSign(r: Pick<SummaryRow, 'signShare' | 'posteriorLow' | 'posteriorHigh'>): boolean {
  if (r.signShare === undefined || r.posteriorLow === undefined || r.posteriorHigh === undefined) return true;
  return signRobust(r.signShare, r.posteriorLow, r.posteriorHigh);
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * One sentence on an effect over the posterior: its range over the draws, the split of its
 * variance into a parameter and a stochastic part, and whether its sign is robust, e.g. "the
 * sign of this effect depends on parameters the calibration leaves uncertain: it is negative
 * in 62% of posterior draws". `fixed` formats a number as the rest of the line does.
 */
export function posteriorSentence(r: SummaryRow, fixed: (x: number) => string): string {
  if (r.signShare === undefined || r.posteriorLow === undefined || r.posteriorHigh === undefined) return '';
  const diff = r.diff ?? 0;
  const draws = r.draws ?? 0;
  if (diff === 0 && r.posteriorLow === 0 && r.posteriorHigh === 0) return `${r.metric}: unchanged under every one of the ${draws} posterior draws.`;
  const sign = diff > 0 ? 'positive' : diff < 0 ? 'negative' : 'zero';
  const parts = [
    `${r.metric}: over the posterior the effect lies from ${fixed(r.posteriorLow)} to ${fixed(r.posteriorHigh)} (5% to 95% of the ${draws} draws' mean effects)`,
  ];
  if (r.parameterShare !== undefined && r.diffSdParameter !== undefined && r.diffSdStochastic !== undefined) {
    const p = r.parameterShare;
    parts.push(
      `${percent(p)} of the variance of one run's effect comes from the parameters (sd ${fixed(r.diffSdParameter)}) and ${percent(1 - p)} from the seeds (sd ${fixed(r.diffSdStochastic)})${p >= 0.5 ? ' (more draws, not more seeds per draw, would narrow its interval)' : ''}`,
    );
  } else if (r.seedsPerDraw === 1) {
    parts.push('with one seed per draw the parameter and the stochastic parts cannot be told apart (parameters.seedsPerDraw 2 or more splits them)');
  } else {
    parts.push('no run varies, by parameters or by seeds');
  }
  const crosses = r.posteriorLow < 0 && r.posteriorHigh > 0 ? ', and the range over draws crosses zero' : '';
  const share = `${sign} in ${percent(r.signShare)} of posterior draws`;
  if (robustSign(r)) parts.push(`its sign is robust: ${share}.`);
  else if (parameterDriven(r)) parts.push(`the sign of this effect depends on parameters the calibration leaves uncertain: it is ${share}${crosses}.`);
  else if (r.parameterShare !== undefined)
    parts.push(
      `its sign is not robust over the posterior (${share}${crosses}), but the seeds make most of that spread, not the parameters: more seeds per draw would tell whether the parameters can reverse it.`,
    );
  else
    parts.push(
      `its sign is not robust over the posterior (${share}${crosses}); with one seed per draw the parameters' part cannot be told from simulation noise.`,
    );
  return parts.join('; ');
}

/** A sign that is not robust mainly because of the parameters: they make at least half of the effect's variance. */
export function parameterDriven(r: Pick<SummaryRow, 'signShare' | 'posteriorLow' | 'posteriorHigh' | 'parameterShare'>): boolean {
  return !robustSign(r) && r.parameterShare !== undefined && r.parameterShare >= 0.5;
}
