import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../inputError.ts';
import { INDICATORS } from '../../model/indicators.ts';
import { ParquetTable, type ParquetColumn } from '../tables/parquetTable.ts';
import { RowBuffer } from '../tables/rowBuffer.ts';
import { metricColumns } from '../tables/metricColumns.ts';
import { MANIFEST, runDirName, type ExperimentManifest } from './experimentFolder.ts';

export const SERIES_PARQUET = 'series.parquet';
export const SERIES_PARQUET_DESCRIPTION =
  'Every day of every run in one table: arm, replication, seed, day (and for a design its point: trajectory and parameter values), then every column of metrics.csv.';

interface RunColumn {
  name: string;
  unit: string;
  description: string;
}

/**
 * series.parquet: the metrics of every run of the experiment stacked into one long table,
 * so one query covers them all (`SELECT arm, day, avg(prejudice_host) FROM 'series.parquet'
 * GROUP BY ALL`). Rows follow the arms in manifest order, then replications, then days.
 * A column some runs lack (a policy's spending in arms without it) is null there. Runs are
 * read one at a time and the file is renamed into place when complete.
 */
export function writeSeriesParquet(dir: string, m: ExperimentManifest, arms: readonly string[], reps: readonly number[]): string {
  const runs = arms.flatMap((arm) => reps.map((r) => ({ arm, replication: r + 1, seed: m.seeds[r], dir: path.join(dir, runDirName(arm, r + 1)) })));
  const union = new Map<string, RunColumn & { runs: number }>();
  for (const run of runs) {
    for (const c of runColumns(run.dir)) {
      if (c.name === 'day') continue;
      const seen = union.get(c.name);
      if (seen) seen.runs++;
      else union.set(c.name, { ...c, runs: 1 });
    }
  }
  const metrics = metricColumns([...union.values()])
    .slice(1)
    .map((c) => ({ ...c, nullable: union.get(c.name)!.runs < runs.length }));
  const design = designColumns(m);
  const columns: ParquetColumn[] = [
    { name: 'arm', type: 'STRING', unit: 'name', description: 'The arm: "baseline", a policy arm, or a design point (p001, ...).' },
    { name: 'replication', type: 'INT32', unit: 'index', description: 'Replication, from 1; replication r of every arm uses the same seed.' },
    { name: 'seed', type: 'INT64', unit: 'seed', description: "The run's seed." },
    { name: 'day', type: 'INT32', unit: 'day', description: 'Day of the run; 0 is the initial state.' },
    ...design.columns,
    ...metrics,
  ];
  const file = path.join(dir, SERIES_PARQUET);
  const tmp = `${file}.partial-${process.pid}`;
  const table = new ParquetTable(tmp, columns, { 'icity.table': 'series', 'icity.experiment': m.name, 'icity.experiment_hash': m.experimentHash });
  try {
    const rows = new RowBuffer(table, columns.length, 65_536);
    for (const run of runs) {
      const prefix = [run.arm, run.replication, run.seed];
      const point = design.values(run.arm);
      readMetrics(run.dir, metrics, m.days, (day, values) => rows.push([...prefix, day, ...point, ...values]));
    }
    rows.close();
  } catch (err) {
    table.abandon();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.renameSync(tmp, file);
  return SERIES_PARQUET;
}

/** A run's columns with their units: from its manifest, or else its metrics.csv header and the declared indicators. */
function runColumns(runDir: string): RunColumn[] {
  const m = JSON.parse(fs.readFileSync(path.join(runDir, MANIFEST), 'utf8')) as { columns?: RunColumn[] };
  if (Array.isArray(m.columns)) return m.columns;
  const text = fs.readFileSync(path.join(runDir, 'metrics.csv'), 'utf8');
  const declared = new Map(INDICATORS.map((i) => [i.name, i]));
  return text
    .slice(0, text.indexOf('\n'))
    .split(',')
    .map((name) => ({ name, unit: declared.get(name)?.unit ?? '', description: declared.get(name)?.description ?? '' }));
}

/** Calls `row` with each day's values of `metrics` (null where the run has no such column). */
function readMetrics(runDir: string, metrics: readonly ParquetColumn[], days: number, row: (day: number, values: (number | null)[]) => void): void {
  const file = path.join(runDir, 'metrics.csv');
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const cols = metrics.map((c) => header.indexOf(c.name));
  const dayCol = header.indexOf('day');
  if (lines.length - 1 !== days + 1) throw new InputError([`${file}: has ${lines.length - 1} rows; expected ${days + 1} (days 0 to ${days})`]);
  for (let d = 0; d <= days; d++) {
    const cells = lines[d + 1].split(',');
    if (Number(cells[dayCol]) !== d) throw new InputError([`${file}: row ${d + 2}: found day ${cells[dayCol]}; expected ${d}`]);
    row(
      d,
      cols.map((k) => (k < 0 ? null : Number(cells[k]))),
    );
  }
}

/** For a design: the Morris trajectory and one column per parameter path, null for arms that are not points. */
function designColumns(m: ExperimentManifest): { columns: ParquetColumn[]; values: (arm: string) => (number | string | null)[] } {
  const d = m.design;
  if (!d) return { columns: [], values: () => [] };
  const morris = d.type === 'morris';
  const numeric = d.parameters.map((_, k) => d.points.every((p) => typeof p.values[k] === 'number'));
  const columns: ParquetColumn[] = [
    ...(morris ? [{ name: 'trajectory', type: 'INT32' as const, unit: 'index', description: 'Morris trajectory of the point, from 1.', nullable: true }] : []),
    ...d.parameters.map((p, k) => ({
      name: p.path,
      type: numeric[k] ? ('DOUBLE' as const) : ('STRING' as const),
      unit: 'parameter value',
      description: `The value of ${p.path} at this design point (null for arms that are not points).`,
      nullable: true,
    })),
  ];
  const byArm = new Map(d.points.map((p) => [p.arm, p]));
  const none = columns.map(() => null);
  return {
    columns,
    values: (arm) => {
      const p = byArm.get(arm);
      if (!p) return none;
      const values = p.values.map((v, k) => (numeric[k] ? (v as number) : typeof v === 'string' ? v : JSON.stringify(v)));
      return morris ? [p.trajectory! + 1, ...values] : values;
    },
  };
}
