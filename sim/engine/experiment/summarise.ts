import fs from 'node:fs';
import path from 'node:path';
import { INDICATORS } from '../../model/indicators.ts';
import { csvLine } from '../csv.ts';
import { InputError } from '../inputError.ts';
import { writeFileAtomic } from '../runFolder.ts';
import { estimate } from './estimate.ts';
import { armNames, readExperimentManifest, runDirName, runFinished, type ExperimentManifest } from './experimentFolder.ts';
import { renderReport } from './report.ts';
import { effectUnit, windowStart, type ReportWindow } from './effectUnit.ts';
import { writeDesignOutputs } from './design/designOutputs.ts';
import { writeSeriesParquet } from './seriesParquet.ts';
import { varianceSplit } from './posterior/varianceSplit.ts';

import { SERIES_COLUMNS, SUMMARY_COLUMNS, type SummaryRow } from '../../formats/experimentTables.ts';

export { SERIES_COLUMNS, SUMMARY_COLUMNS };
export const OUTPUT_FILES = ['summary.csv', 'series.csv', 'series.parquet', 'report.md'] as const;

export type { SummaryRow };

export interface Summary {
  dir: string;
  manifest: ExperimentManifest;
  rows: SummaryRow[];
  files: string[];
}

/** Runs an experiment folder lacks: summarise() writes nothing until they are there. */
export class MissingRunsError extends InputError {
  constructor(
    readonly missing: { arm: string; replication: number; seed: number; dir: string }[],
    dir: string,
  ) {
    super(
      missing.map((r) => `${dir}: ${r.dir} is missing (arm ${r.arm}, replication ${r.replication}, seed ${r.seed}); run the experiment again to finish it`),
    );
  }
}

/** A run's metrics: per metric the value of each day, and the spending summed up to each day. */
interface RunData {
  values: Float64Array[];
  cost: Float64Array;
}

/**
 * Builds summary.csv, series.csv, series.parquet and report.md of an experiment folder
 * from the finished runs on disk, so a resumed experiment summarises to the same bytes as
 * an uninterrupted one. Writes nothing, and throws MissingRunsError naming them, while runs are missing;
 * with `partial` (after runs failed twice) it summarises the replications that every arm
 * finished, so the differences stay paired, and the report names the runs left out.
 */
export function summarise(dir: string, options: { partial?: boolean } = {}): Summary {
  const m = readExperimentManifest(dir);
  const arms = armNames(m);
  const hashes = new Map(m.runs.map((r) => [r.dir, r.scenarioHash]));
  const missing: MissingRunsError['missing'] = [];
  for (let r = 0; r < m.seeds.length; r++) {
    for (const arm of arms) {
      const run = { arm, replication: r + 1, seed: m.seeds[r], dir: runDirName(arm, r + 1) };
      if (!runFinished(dir, { dir: run.dir, scenarioHash: hashes.get(run.dir) ?? '' })) missing.push(run);
    }
  }
  // With a posterior a draw counts only with all its seeds, so the variance split stays balanced.
  const group = (r: number) => (m.posterior ? Math.floor(r / m.posterior.seedsPerDraw) : r);
  const brokenGroups = new Set(missing.map((x) => group(x.replication - 1)));
  const reps = m.seeds.map((_, r) => r).filter((r) => !brokenGroups.has(group(r)));
  if (m.posterior && reps.length && reps.length < 2 * m.posterior.seedsPerDraw) reps.length = 0;
  if (missing.length && (!options.partial || m.design || reps.length === 0)) throw new MissingRunsError(missing, dir);

  const data = arms.map((arm) => reps.map((r) => readRun(path.join(dir, runDirName(arm, r + 1)), m.metrics, m.days)));
  const used: ExperimentManifest = { ...m, seeds: reps.map((r) => m.seeds[r]) };
  if (m.posterior) used.posterior = { ...m.posterior, draws: [...new Set(reps.map(group))].map((g) => m.posterior!.draws[g]) };
  const rows = summaryRows(used, arms, data);
  const summary = SUMMARY_COLUMNS.join(',') + '\n' + rows.map(summaryLine).join('');
  const series = seriesText(used, arms, data);
  writeFileAtomic(path.join(dir, 'summary.csv'), summary);
  writeFileAtomic(path.join(dir, 'series.csv'), series);
  writeSeriesParquet(dir, m, arms, reps);
  writeFileAtomic(path.join(dir, 'report.md'), renderReport(used, rows) + leftOut(m, missing, reps));
  const armIndex = new Map(arms.map((a, k) => [a, k]));
  const designFiles = writeDesignOutputs(dir, m, (arm, rep, metric, day) => data[armIndex.get(arm)!][rep].values[metric][day]);
  return { dir: path.resolve(dir), manifest: m, rows, files: [...OUTPUT_FILES, ...designFiles] };
}

/** The report's note on runs that failed and the replications left out because of them. */
function leftOut(m: ExperimentManifest, missing: MissingRunsError['missing'], kept: number[]): string {
  if (!missing.length) return '';
  const errors = new Map(m.runs.map((r) => [r.dir, r.error]));
  // With a posterior a draw is left out whole: the replications of its other seeds too.
  const reps = m.seeds.map((_, r) => r + 1).filter((r) => !kept.includes(r - 1));
  return [
    '',
    '## Failed runs',
    '',
    `These runs failed twice and are missing, so replication${reps.length > 1 ? 's' : ''} ${reps.join(', ')} ${reps.length > 1 ? 'are' : 'is'} left out of every arm (the differences stay paired by replication${m.posterior ? ', and a posterior draw counts only with all its seeds' : ''}):`,
    '',
    ...missing.map((x) => `- ${x.dir} (seed ${x.seed})${errors.get(x.dir) ? `: ${errors.get(x.dir)}` : ''}`),
    '',
  ].join('\n');
}

/** A number cell as the run writer writes it: decimal, finite, never empty (an empty or hex cell means a damaged file). */
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function readRun(runDir: string, metrics: string[], days: number): RunData {
  const file = path.join(runDir, 'metrics.csv');
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const col = (name: string) => {
    const k = header.indexOf(name);
    if (k < 0) throw new InputError([`${file}: has no column "${name}"`]);
    return k;
  };
  const dayCol = col('day');
  const metricCols = metrics.map(col);
  const spendCol = col('spending');
  if (lines.length - 1 !== days + 1)
    throw new InputError([`${file}: has ${lines.length - 1} rows; expected ${days + 1} (days 0 to ${days}); run the experiment again to redo the run`]);
  const values = metrics.map(() => new Float64Array(days + 1));
  const cost = new Float64Array(days + 1);
  let spent = 0;
  for (let d = 0; d <= days; d++) {
    const cells = lines[d + 1].split(',');
    const at = (k: number) => {
      const c = cells[k];
      const v = Number(c);
      if (c === undefined || !NUMBER.test(c) || !Number.isFinite(v)) {
        throw new InputError([
          `${file}: line ${d + 2}, column "${header[k]}": found ${JSON.stringify(c ?? '')}; expected a finite decimal number (the file is damaged; remove the run folder and run the experiment again)`,
        ]);
      }
      return v;
    };
    if (cells.length !== header.length) throw new InputError([`${file}: line ${d + 2}: has ${cells.length} cells; the header has ${header.length}`]);
    if (at(dayCol) !== d) throw new InputError([`${file}: line ${d + 2}: found day ${cells[dayCol]}; expected ${d}`]);
    metricCols.forEach((k, i) => {
      values[i][d] = at(k);
    });
    spent += at(spendCol);
    cost[d] = spent;
  }
  return { values, cost };
}

function summaryRows(m: ExperimentManifest, arms: string[], data: RunData[][]): SummaryRow[] {
  const n = m.seeds.length;
  const perDraw = m.posterior?.seedsPerDraw;
  const rows: SummaryRow[] = [];
  const x = new Float64Array(n);
  const d = new Float64Array(n);
  const better = new Map(INDICATORS.map((i) => [i.name, i.better]));
  const window = ((m.experiment as { reportWindow?: ReportWindow }).reportWindow ?? 'since-previous') as ReportWindow;
  const currency = String((m.scenario as { currency?: unknown }).currency ?? 'EUR');
  const meanCost = (a: number, day: number) => estimate(data[a].map((run) => run.cost[day])).mean;
  const spendsLikeBaseline = (a: number) => data[a].every((run, r) => run.cost[m.days] === data[0][r].cost[m.days]);
  arms.forEach((arm, a) => {
    const record = m.arms[a];
    const costed = a === 0 ? data[0].some((run) => run.cost[m.days] > 0) : record.policies.length > 0 || !spendsLikeBaseline(a);
    m.metrics.forEach((metric, i) => {
      const unit = effectUnit(metric);
      m.reportDays.forEach((day, k) => {
        const from = unit.count ? windowStart(window, m.reportDays, k) : day;
        const value = (run: RunData) => {
          if (!unit.count) return run.values[i][day];
          let total = 0;
          for (let t = from; t <= day; t++) total += run.values[i][t];
          return total;
        };
        for (let r = 0; r < n; r++) {
          x[r] = value(data[a][r]);
          d[r] = x[r] - value(data[0][r]);
        }
        const e = estimate(x);
        const cost = meanCost(a, day);
        const row: SummaryRow = {
          arm,
          metric,
          day,
          n,
          mean: e.mean,
          sd: e.sd,
          ciLow: e.low,
          ciHigh: e.high,
          cost,
          measure: unit.count ? 'total' : 'value',
          fromDay: from,
          costed,
          currency,
        };
        if (perDraw !== undefined) {
          row.draws = n / perDraw;
          row.seedsPerDraw = perDraw;
        }
        if (a > 0) {
          const diff = estimate(d);
          if (perDraw !== undefined) {
            const split = varianceSplit(d, perDraw);
            // Seeds of one draw share its parameters: the mean's interval rests on the draws' means.
            if (perDraw > 1) [diff.low, diff.high] = [split.low, split.high];
            row.diffSdParameter = split.sdParameter;
            row.diffSdStochastic = split.sdStochastic;
            row.parameterShare = split.parameterShare;
            row.signShare = split.signShare;
            row.posteriorLow = split.posteriorLow;
            row.posteriorHigh = split.posteriorHigh;
          }
          row.diff = diff.mean;
          row.diffLow = diff.low;
          row.diffHigh = diff.high;
          const dir = better.get(metric) ?? 0;
          const clear = diff.low !== undefined && diff.high !== undefined && (diff.low > 0 || diff.high < 0);
          const extra = cost - meanCost(0, day);
          if (costed && clear && dir !== 0 && diff.mean * dir > 0 && extra > 0) {
            const per = (effect: number) => extra / (Math.abs(effect) / unit.size);
            const [near, far] = Math.abs(diff.low!) < Math.abs(diff.high!) ? [diff.low!, diff.high!] : [diff.high!, diff.low!];
            row.costPerUnit = per(diff.mean);
            row.costPerUnitLow = per(far);
            row.costPerUnitHigh = per(near);
            row.costUnit = unit.unit;
          }
        }
        rows.push(row);
      });
    });
  });
  return rows;
}

const cell = (v: number | string | boolean | undefined) => (v === undefined ? '' : typeof v === 'boolean' ? String(v) : v);

function summaryLine(r: SummaryRow): string {
  return csvLine([
    r.arm,
    r.metric,
    r.day,
    r.n,
    r.mean,
    cell(r.sd),
    cell(r.ciLow),
    cell(r.ciHigh),
    cell(r.diff),
    cell(r.diffLow),
    cell(r.diffHigh),
    r.cost,
    cell(r.costPerUnit),
    cell(r.measure),
    cell(r.fromDay),
    cell(r.costPerUnitLow),
    cell(r.costPerUnitHigh),
    cell(r.costUnit),
    cell(r.costed),
    cell(r.currency),
    cell(r.draws),
    cell(r.seedsPerDraw),
    cell(r.diffSdParameter),
    cell(r.diffSdStochastic),
    cell(r.parameterShare),
    cell(r.signShare),
    cell(r.posteriorLow),
    cell(r.posteriorHigh),
  ]);
}

function seriesText(m: ExperimentManifest, arms: string[], data: RunData[][]): string {
  const n = m.seeds.length;
  const x = new Float64Array(n);
  let out = SERIES_COLUMNS.join(',') + '\n';
  arms.forEach((arm, a) => {
    m.metrics.forEach((metric, i) => {
      for (let day = 0; day <= m.days; day++) {
        for (let r = 0; r < n; r++) x[r] = data[a][r].values[i][day];
        const e = estimate(x);
        out += csvLine([arm, metric, day, n, e.mean, cell(e.low), cell(e.high)]);
      }
    });
  });
  return out;
}
