/**
 * The tables of an experiment folder, by column: summary.csv (one row per arm, metric and
 * reported day, with the effect against the baseline and its cost) and series.csv (one row
 * per arm, metric and recorded day). Written by sim/engine/experiment/summarise.ts, read by
 * the viewer. An empty cell is a value that does not exist (the baseline's effect, a
 * confidence interval of one replication). Columns after cost_per_unit were added later, so
 * readers of the first thirteen keep working. The columns from draws on are filled only when
 * the experiment draws its parameters from a calibration's posterior.
 */
export const SUMMARY_COLUMNS = [
  'arm',
  'metric',
  'day',
  'n',
  'mean',
  'sd',
  'ci_low',
  'ci_high',
  'diff',
  'diff_ci_low',
  'diff_ci_high',
  'cost',
  'cost_per_unit',
  'measure',
  'from_day',
  'cost_per_unit_low',
  'cost_per_unit_high',
  'cost_unit',
  'costed',
  'currency',
  'draws',
  'seeds_per_draw',
  'diff_sd_parameter',
  'diff_sd_stochastic',
  'parameter_share',
  'sign_share',
  'posterior_low',
  'posterior_high',
] as const;
export const SERIES_COLUMNS = ['arm', 'metric', 'day', 'n', 'mean', 'ci_low', 'ci_high'] as const;
/** Below this share of posterior draws agreeing with the mean's sign, an effect's sign is not robust to the parameters. */
export const ROBUST_SIGN_SHARE = 0.9;

/**
 * Whether an effect keeps its sign over a posterior (summary.csv's sign_share, posterior_low,
 * posterior_high): at least ROBUST_SIGN_SHARE of the draws share the mean's sign and the
 * 5-95% range of the draws' effects does not cross zero. The report and the viewer both judge by it.
 */
export function signRobust(signShare: number, posteriorLow: number, posteriorHigh: number): boolean {
  return signShare >= ROBUST_SIGN_SHARE && !(posteriorLow < 0 && posteriorHigh > 0);
}

/** sensitivity.csv of a Morris design: each parameter's elementary effects per metric and day. */
export const SENSITIVITY_COLUMNS = ['metric', 'day', 'parameter', 'mu', 'mu_star', 'sigma', 'r'] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

/** One row of summary.csv; undefined fields are written as empty cells. */
export interface SummaryRow {
  arm: string;
  metric: string;
  day: number;
  n: number;
  /** "value": the indicator on the day; "total": a count summed over days from_day to day. */
  measure?: 'value' | 'total';
  /** The first day a total counts (equal to `day` for a value). */
  fromDay?: number;
  mean: number;
  sd?: number;
  ciLow?: number;
  ciHigh?: number;
  /** Arm minus baseline, paired by replication; undefined for the baseline. */
  diff?: number;
  diffLow?: number;
  diffHigh?: number;
  /** Mean over replications of the spending up to the day. */
  cost: number;
  /** Whether the arm's cost is modelled: false for an arm that changes settings without a policy. */
  costed?: boolean;
  /**
   * Extra cost over the baseline per `costUnit` of improvement, given only when the effect
   * is an improvement whose interval excludes zero; low and high come from the effect's interval.
   */
  costPerUnit?: number;
  costPerUnitLow?: number;
  costPerUnitHigh?: number;
  /** What one unit of effect is, e.g. "percentage point" or "incident". */
  costUnit?: string;
  /** The scenario's currency, e.g. "EUR". */
  currency?: string;
  /** With a posterior: the parameter sets drawn (G) and the replications of each (k); n = G · k. */
  draws?: number;
  seedsPerDraw?: number;
  /** With a posterior and k ≥ 2: the effect's standard deviation over parameter sets (between draws) and over seeds of one set (within draws). */
  diffSdParameter?: number;
  diffSdStochastic?: number;
  /** The parameter part's share of the variance of one run's effect (0 to 1). */
  parameterShare?: number;
  /** The share of draws whose mean effect has the sign of the overall mean effect. */
  signShare?: number;
  /** 5% and 95% quantiles of the draws' mean effects: where the effect lies over the posterior. */
  posteriorLow?: number;
  posteriorHigh?: number;
}
