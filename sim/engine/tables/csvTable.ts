import fs from 'node:fs';
import { csvLine } from '../csv.ts';
import type { ColumnValues, ParquetColumn } from './parquetTable.ts';

/** The CSV twin of ParquetTable: the same row groups, written as lines under a header. */
export class CsvTable {
  private readonly fd: number;
  constructor(
    file: string,
    readonly columns: readonly Pick<ParquetColumn, 'name'>[],
  ) {
    this.fd = fs.openSync(file, 'w');
    fs.writeSync(this.fd, csvLine(columns.map((c) => c.name)));
  }

  writeRowGroup(data: readonly ColumnValues[]): void {
    const n = data[0]?.length ?? 0;
    const row = new Array<string | number>(data.length);
    let chunk = '';
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < data.length; k++) row[k] = data[k][i] ?? '';
      chunk += csvLine(row);
      if (chunk.length > 1 << 20) {
        fs.writeSync(this.fd, chunk);
        chunk = '';
      }
    }
    if (chunk) fs.writeSync(this.fd, chunk);
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  abandon(): void {
    fs.closeSync(this.fd);
  }
}
