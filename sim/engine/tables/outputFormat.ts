import { InputError } from '../inputError.ts';
import { CsvTable } from './csvTable.ts';
import { ParquetTable, type ColumnValues, type ParquetColumn } from './parquetTable.ts';

/** Which files a run writes its tables in: CSV, Parquet or both (the default). */
export type OutputFormat = 'csv' | 'parquet' | 'both';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'parquet', 'both'];
export const DEFAULT_FORMAT: OutputFormat = 'both';

export type TableFile = 'csv' | 'parquet';

/** The file types of a format. */
export function tableFiles(format: OutputFormat): TableFile[] {
  return format === 'both' ? ['csv', 'parquet'] : [format];
}

/** Reads `--format`: bad input names the flag, the value and what is allowed. */
export function parseFormat(value: string | undefined, flag = '--format'): OutputFormat | undefined {
  if (value === undefined) return undefined;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
    throw new InputError([`${flag}: found ${JSON.stringify(value)}; expected one of ${OUTPUT_FORMATS.join(', ')}`]);
  }
  return value as OutputFormat;
}

export interface Table {
  writeRowGroup(data: readonly ColumnValues[]): void;
  close(): void;
  abandon(): void;
}

/** One table written to `<base>.csv` and/or `<base>.parquet`, the same rows in each. */
export class Tables implements Table {
  private readonly tables: Table[];

  constructor(base: string, files: readonly TableFile[], columns: readonly ParquetColumn[], meta: Record<string, string> = {}) {
    this.tables = [];
    try {
      for (const f of files) this.tables.push(f === 'csv' ? new CsvTable(`${base}.csv`, columns) : new ParquetTable(`${base}.parquet`, columns, meta));
    } catch (err) {
      this.abandon();
      throw err;
    }
  }

  writeRowGroup(data: readonly ColumnValues[]): void {
    for (const t of this.tables) t.writeRowGroup(data);
  }

  close(): void {
    for (const t of this.tables) t.close();
  }

  abandon(): void {
    for (const t of this.tables) t.abandon();
  }
}
