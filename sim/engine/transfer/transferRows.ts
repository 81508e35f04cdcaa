import { INDICATORS } from '../../model/indicators.ts';
import { csvLine } from '../csv.ts';
import type { SummaryRow } from '../experiment/summarise.ts';
import type { TransferManifest } from './transferFolder.ts';

export const TRANSFER_COLUMNS = ['practice', 'city', 'variant', 'metric', 'day', 'effect', 'low', 'high', 'cost', 'cost_per_unit'] as const;

/** One row of transfer.csv: the paired effect of one variant of a practice in one city. */
export interface TransferRow {
  practice: string;
  city: string;
  variant: string;
  metric: string;
  day: number;
  effect: number;
  low?: number;
  high?: number;
  /** Extra spending over the city's baseline up to the day, mean over replications. */
  cost: number;
  /** Extra cost per unit of improvement (per percentage point for shares); only when the interval excludes zero and the effect is an improvement. */
  costPerUnit?: number;
}

const UNITS = new Map(INDICATORS.map((i) => [i.name, i]));

/** Whether an indicator is a share, whose effects are told (and costed) in percentage points. */
export function isShare(metric: string): boolean {
  return UNITS.get(metric)?.unit === 'share';
}

/** Whether the interval of an effect leaves zero out. */
export function clear(r: { low?: number; high?: number }): boolean {
  return r.low !== undefined && r.high !== undefined && (r.low > 0 || r.high < 0);
}

/** +1 when the effect is an improvement, −1 when a worsening, 0 when the indicator has no better direction. */
export function direction(metric: string, effect: number): number {
  const better = UNITS.get(metric)?.better ?? 0;
  return Math.sign(better * effect);
}

/** The rows of one city, from its experiment summary (arms paired with the city's baseline). */
export function cityRows(city: TransferManifest['cities'][number], rows: SummaryRow[]): TransferRow[] {
  const baseline = new Map(rows.filter((r) => r.arm === 'baseline').map((r) => [`${r.metric}@${r.day}`, r]));
  const out: TransferRow[] = [];
  for (const arm of city.arms) {
    for (const r of rows.filter((x) => x.arm === arm.arm)) {
      const cost = r.cost - baseline.get(`${r.metric}@${r.day}`)!.cost;
      const row: TransferRow = {
        practice: arm.practice,
        city: city.name,
        variant: arm.variant,
        metric: r.metric,
        day: r.day,
        effect: r.diff!,
        low: r.diffLow,
        high: r.diffHigh,
        cost,
      };
      if (clear(row) && direction(r.metric, row.effect) > 0) row.costPerUnit = cost / (Math.abs(row.effect) * (isShare(r.metric) ? 100 : 1));
      out.push(row);
    }
  }
  return out;
}

const cell = (v: number | undefined) => (v === undefined ? '' : v);

export function transferCsv(rows: TransferRow[]): string {
  return (
    TRANSFER_COLUMNS.join(',') +
    '\n' +
    rows.map((r) => csvLine([r.practice, r.city, r.variant, r.metric, r.day, r.effect, cell(r.low), cell(r.high), r.cost, cell(r.costPerUnit)])).join('')
  );
}
