import fs from 'node:fs';
import { ByteWriter, ParquetWriter, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import { packageInfo } from '../packageInfo.ts';

/** The column types this project writes; docs/outputs-parquet.md says what DuckDB, pandas and R read each as. */
export type ParquetType = 'INT32' | 'INT64' | 'FLOAT' | 'DOUBLE' | 'STRING';

export interface ParquetColumn {
  name: string;
  type: ParquetType;
  unit?: string;
  description?: string;
  /** Whether the column may hold nulls (e.g. a policy's spending in an arm without it). */
  nullable?: boolean;
}

/** Values of one column for a batch of rows; INT64 columns take numbers and are converted here. */
export type ColumnValues = ArrayLike<number | string | null>;

// Past about this many bytes the buffer goes to disk, so a table of any size costs a few MB
// of memory beyond the batch being written.
const FLUSH_BYTES = 1 << 20;

/**
 * A Parquet file written in row groups as they come (hyparquet-writer), so no more than one
 * batch of rows is held in memory. Units and descriptions go in the key-value metadata as
 * `<column>.unit` and `<column>.description`, next to the file-level `meta` entries.
 * Nothing in the bytes depends on the clock or the machine: the same rows give the same file.
 */
export class ParquetTable {
  private readonly fd: number;
  private readonly sink: ByteWriter;
  private readonly writer: ParquetWriter;
  constructor(
    file: string,
    readonly columns: readonly ParquetColumn[],
    meta: Record<string, string> = {},
  ) {
    this.fd = fs.openSync(file, 'w');
    this.sink = fileSink(this.fd);
    const schema: SchemaElement[] = [{ name: 'schema', num_children: columns.length }, ...columns.map(schemaElement)];
    const kv = [
      ...Object.entries(meta).map(([key, value]) => ({ key, value })),
      ...columns.flatMap((c) => [
        ...(c.unit !== undefined ? [{ key: `${c.name}.unit`, value: c.unit }] : []),
        ...(c.description !== undefined ? [{ key: `${c.name}.description`, value: c.description }] : []),
      ]),
    ];
    const pkg = packageInfo();
    this.writer = new ParquetWriter({ writer: this.sink, schema, codec: 'SNAPPY', kvMetadata: kv, createdBy: `${pkg.name} version ${pkg.version}` });
  }

  /** Writes one row group: `data[k]` holds the values of column k, all of the same length. */
  writeRowGroup(data: readonly ColumnValues[]): void {
    if (data.length !== this.columns.length) throw new Error(`parquet: ${data.length} columns given; the table has ${this.columns.length}`);
    const n = data[0]?.length ?? 0;
    if (n === 0) return;
    const columnData = this.columns.map((c, k) => ({ name: c.name, data: physical(c, data[k]) }));
    void this.writer.write({ columnData, rowGroupSize: n });
  }

  /** Writes the footer and closes the file. */
  close(): void {
    void this.writer.finish();
    fs.closeSync(this.fd);
  }

  /** Closes the file without a footer (after an error): what is left is not a readable Parquet file. */
  abandon(): void {
    fs.closeSync(this.fd);
  }
}

function schemaElement(c: ParquetColumn): SchemaElement {
  const repetition_type = c.nullable ? 'OPTIONAL' : 'REQUIRED';
  if (c.type === 'STRING') return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type };
  return { name: c.name, type: c.type, repetition_type };
}

type DecodedArray = ColumnSource['data'];

function physical(c: ParquetColumn, values: ColumnValues): DecodedArray {
  if (c.type === 'INT64') {
    if (c.nullable) return Array.from(values, (v) => (v === null ? null : BigInt(v as number)));
    const out = new BigInt64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = BigInt(values[i] as number);
    return out;
  }
  if (ArrayBuffer.isView(values) || Array.isArray(values)) return values as DecodedArray;
  return Array.from(values) as DecodedArray;
}

/** A ByteWriter that empties itself into a file descriptor as it fills. */
function fileSink(fd: number): ByteWriter {
  const sink = new ByteWriter(FLUSH_BYTES * 2);
  const flush = () => {
    if (sink.index > 0) fs.writeSync(fd, new Uint8Array(sink.buffer, 0, sink.index));
    sink.index = 0;
  };
  const grow = sink.ensure.bind(sink);
  sink.ensure = (size: number) => {
    if (sink.index > FLUSH_BYTES) flush();
    grow(size);
  };
  sink.finish = flush;
  return sink;
}
