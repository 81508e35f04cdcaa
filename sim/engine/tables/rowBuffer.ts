import type { Table } from './outputFormat.ts';

/** Collects rows one at a time and hands them to a table in row groups of `capacity` rows. */
export class RowBuffer {
  private readonly columns: (number | string | null)[][];

  constructor(
    private readonly table: Table,
    width: number,
    private readonly capacity = 8192,
  ) {
    this.columns = Array.from({ length: width }, () => []);
  }

  push(row: readonly (number | string | null)[]): void {
    for (let k = 0; k < row.length; k++) this.columns[k].push(row[k]);
    if (this.columns[0].length >= this.capacity) this.flush();
  }

  flush(): void {
    if (this.columns[0].length === 0) return;
    this.table.writeRowGroup(this.columns);
    for (const c of this.columns) c.length = 0;
  }

  close(): void {
    this.flush();
    this.table.close();
  }
}
