import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

let connection: Promise<DuckDBConnection> | undefined;

/** Runs SQL in an in-memory DuckDB, as a researcher would over the output files; rows as plain objects. */
export async function sql(query: string): Promise<Record<string, unknown>[]> {
  connection ??= DuckDBInstance.create(':memory:').then((db) => db.connect());
  const reader = await (await connection).runAndReadAll(query);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

/** Column name → DuckDB type of a Parquet file. */
export async function columnTypes(file: string): Promise<Record<string, string>> {
  const rows = await sql(`DESCRIBE SELECT * FROM '${file}'`);
  return Object.fromEntries(rows.map((r) => [r.column_name as string, r.column_type as string]));
}

/** The key-value metadata of a Parquet file. */
export async function kvMetadata(file: string): Promise<Record<string, string>> {
  const rows = await sql(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`);
  return Object.fromEntries(rows.map((r) => [r.key as string, r.value as string]));
}
