import type { Indicator } from '../../model/indicators.ts';
import type { ParquetColumn } from './parquetTable.ts';

// Indicators in these units count whole things, so they are integer columns; every other
// indicator (shares, means, indices, money) is a double.
const COUNT_UNITS = new Set(['residents', 'residents per day', 'encounters per day', 'incidents per day', 'ties per day']);

export const DAY_COLUMN: ParquetColumn = { name: 'day', type: 'INT32', unit: 'day', description: 'Day of the run; 0 is the initial state.' };

/** The typed columns of a metrics table: day, then each indicator. */
export function metricColumns(indicators: readonly Pick<Indicator, 'name' | 'unit' | 'description'>[]): ParquetColumn[] {
  return [
    DAY_COLUMN,
    ...indicators.map(({ name, unit, description }) => ({ name, unit, description, type: COUNT_UNITS.has(unit) ? ('INT64' as const) : ('DOUBLE' as const) })),
  ];
}
