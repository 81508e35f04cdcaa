import { numberColumn, parseCsv, textColumn } from './csvTable.ts';
import { SERIES_COLUMNS, SUMMARY_COLUMNS, signRobust, type SummaryRow as SummaryWritten } from '../../../sim/formats/experimentTables.ts';

/** One arm's indicator over time: mean of the replications and its 95% CI (series.csv). */
export interface ArmSeries {
  days: Float64Array;
  mean: Float64Array;
  ciLow: Float64Array;
  ciHigh: Float64Array;
}

/** The columns every summary.csv has had; later ones are read when present. */
const FIRST_SUMMARY_COLUMNS = SUMMARY_COLUMNS.slice(0, SUMMARY_COLUMNS.indexOf('cost_per_unit') + 1);

type FirstFields = 'arm' | 'metric' | 'day' | 'n' | 'mean' | 'sd' | 'ciLow' | 'ciHigh' | 'diff' | 'diffLow' | 'diffHigh' | 'cost' | 'costPerUnit';
/** Columns of an experiment over a posterior: NaN when it has none (empty cells) or the file predates them. */
type PosteriorFields = 'draws' | 'parameterShare' | 'signShare' | 'posteriorLow' | 'posteriorHigh';
/** One row of summary.csv as read: an empty number cell is NaN; a column the file lacks is undefined. */
export type SummaryRow = Required<Pick<SummaryWritten, FirstFields>> &
  Pick<SummaryWritten, 'costUnit' | 'currency' | 'costed'> & { [K in PosteriorFields]: number };

export { SERIES_COLUMNS, SUMMARY_COLUMNS, signRobust };

/** series.csv by arm, then metric. Confidence bounds are NaN where there was one replication. */
export function readSeries(file: string, text: string): Map<string, Map<string, ArmSeries>> {
  const t = parseCsv(file, text, SERIES_COLUMNS);
  const arm = textColumn(t, 'arm');
  const metric = textColumn(t, 'metric');
  const day = numberColumn(t, 'day');
  const mean = numberColumn(t, 'mean');
  const low = numberColumn(t, 'ci_low', true);
  const high = numberColumn(t, 'ci_high', true);
  const rows = new Map<string, Map<string, number[]>>();
  arm.forEach((a, i) => {
    let byMetric = rows.get(a);
    if (!byMetric) rows.set(a, (byMetric = new Map()));
    let list = byMetric.get(metric[i]);
    if (!list) byMetric.set(metric[i], (list = []));
    list.push(i);
  });
  const pick = (col: Float64Array, idx: number[]) => Float64Array.from(idx, (i) => col[i]);
  return new Map(
    [...rows].map(([a, byMetric]) => [
      a,
      new Map(
        [...byMetric].map(([m, idx]) => {
          idx.sort((i, j) => day[i] - day[j]);
          return [m, { days: pick(day, idx), mean: pick(mean, idx), ciLow: pick(low, idx), ciHigh: pick(high, idx) }];
        }),
      ),
    ]),
  );
}

/** summary.csv as rows; empty cells (the baseline's effect, a missing cost per unit) are NaN. */
export function readSummary(file: string, text: string): SummaryRow[] {
  const t = parseCsv(file, text, FIRST_SUMMARY_COLUMNS);
  const arm = textColumn(t, 'arm');
  const metric = textColumn(t, 'metric');
  const num = (c: string, empty = false) => numberColumn(t, c, empty);
  const [day, n, mean, cost] = [num('day'), num('n'), num('mean'), num('cost')];
  const [sd, low, high, diff, diffLow, diffHigh, costPerUnit] = ['sd', 'ci_low', 'ci_high', 'diff', 'diff_ci_low', 'diff_ci_high', 'cost_per_unit'].map((c) =>
    num(c, true),
  );
  const optionalText = (c: string) => (t.header.includes(c) ? textColumn(t, c) : undefined);
  const optionalNumber = (c: string) => (t.header.includes(c) ? num(c, true) : new Float64Array(arm.length).fill(NaN));
  const [draws, parameterShare, signShare, posteriorLow, posteriorHigh] = ['draws', 'parameter_share', 'sign_share', 'posterior_low', 'posterior_high'].map(
    optionalNumber,
  );
  const [costUnit, currency, costed] = ['cost_unit', 'currency', 'costed'].map(optionalText);
  return arm.map((a, i) => ({
    arm: a,
    metric: metric[i],
    day: day[i],
    n: n[i],
    mean: mean[i],
    sd: sd[i],
    ciLow: low[i],
    ciHigh: high[i],
    diff: diff[i],
    diffLow: diffLow[i],
    diffHigh: diffHigh[i],
    cost: cost[i],
    costPerUnit: costPerUnit[i],
    costUnit: costUnit?.[i] || undefined,
    currency: currency?.[i] || undefined,
    costed: costed ? costed[i] !== 'false' : undefined,
    draws: draws[i],
    parameterShare: parameterShare[i],
    signShare: signShare[i],
    posteriorLow: posteriorLow[i],
    posteriorHigh: posteriorHigh[i],
  }));
}
