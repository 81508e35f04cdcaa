/**
 * The tables of an experiment folder, by column: summary.csv (one row per arm, metric and
 * reported day, with the effect against the baseline and its cost) and series.csv (one row
 * per arm, metric and recorded day). Written by sim/engine/experiment/summarise.ts, read by
 * the viewer. An empty cell is a value that does not exist (the baseline's effect, a
 * confidence interval of one replication).
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
] as const;
export const SERIES_COLUMNS = ['arm', 'metric', 'day', 'n', 'mean', 'ci_low', 'ci_high'] as const;
/** sensitivity.csv of a Morris design: each parameter's elementary effects per metric and day. */
export const SENSITIVITY_COLUMNS = ['metric', 'day', 'parameter', 'mu', 'mu_star', 'sigma', 'r'] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

/** One row of summary.csv; a field left out is an empty cell. */
export interface SummaryRow {
  arm: string;
  metric: string;
  day: number;
  n: number;
  mean: number;
  sd?: number;
  ciLow?: number;
  ciHigh?: number;
  /** Arm minus baseline, paired by replication; left out for the baseline. */
  diff?: number;
  diffLow?: number;
  diffHigh?: number;
  /** Mean over replications of the spending up to the day. */
  cost: number;
  /** Extra cost over the baseline per unit of improvement, when the arm improves the metric. */
  costPerUnit?: number;
}
