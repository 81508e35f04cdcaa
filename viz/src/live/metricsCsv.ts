import { csvLine } from '../../../sim/engine/csv.ts';

/** A live town's metrics as metrics.csv writes them: a day column, then one per indicator, row d for day d. */
export function metricsCsv(columns: readonly string[], rows: readonly ArrayLike<number>[]): string {
  return [csvLine(['day', ...columns]), ...rows.map((r, d) => csvLine([d, ...Array.from(r)]))].join('');
}
