import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvObjects, icity, tempDir } from '../helpers.ts';
import { writeExperiment } from './fixtures.ts';
import { columnTypes, kvMetadata, sql } from '../duckdb.ts';

const dir = tempDir('icity-series-parquet-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DAYS = 8;
const REPS = 2;

// A baseline, the Allport arm, and an arm with language classes: only that arm has the
// spending_language_classes column.
const file = writeExperiment(dir, 'series.json', (e) => {
  e.set['population.residents'] = 1500;
  e.days = DAYS;
  e.replications = REPS;
  e.reportDays = ['end'];
  e.arms.push({ name: 'classes', description: 'Language classes from day 1.', policies: [{ type: 'languageClasses', start: 1, seats: 100 }] });
});
const out = path.join(dir, 'out');
const run = icity(['experiment', file, '--out', out, '--workers', '2', '--json']);
const series = path.join(out, 'series.parquet');

describe('series.parquet of an experiment', () => {
  it('is written with the summary and listed in the manifest', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fs.existsSync(series)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).files['series.parquet']).toMatch(/arm, replication, seed, day/);
  });

  it('has typed arm, replication, seed and day columns, then every metric', async () => {
    const types = await columnTypes(series);
    expect(Object.keys(types).slice(0, 4)).toEqual(['arm', 'replication', 'seed', 'day']);
    expect(types).toMatchObject({
      arm: 'VARCHAR',
      replication: 'INTEGER',
      seed: 'BIGINT',
      day: 'INTEGER',
      population: 'BIGINT',
      prejudice_host: 'DOUBLE',
      spending_language_classes: 'DOUBLE',
    });
    const runColumns = Object.keys(csvObjects(path.join(out, 'runs', 'classes', '1', 'metrics.csv'))[0]);
    expect(Object.keys(types).slice(4)).toEqual(runColumns.filter((c) => c !== 'day'));
    const kv = await kvMetadata(series);
    expect(kv['prejudice_host.unit']).toBe('scale 0..1');
    expect(kv['icity.table']).toBe('series');
  });

  it('holds one row per arm, replication and day, with the seeds of the manifest', async () => {
    const rows = await sql(`SELECT arm, replication, seed, count(*) AS days FROM '${series}' GROUP BY ALL ORDER BY arm, replication`);
    const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(rows.map((r) => [r.arm, r.replication, Number(r.seed), Number(r.days)])).toEqual(
      ['allport', 'baseline', 'classes'].flatMap((arm) => [1, 2].map((rep) => [arm, rep, m.seeds[rep - 1], DAYS + 1])),
    );
  });

  it('answers the one-line query with the means of series.csv', async () => {
    const rows = await sql(`SELECT arm, day, avg(prejudice_host) AS mean FROM '${series}' GROUP BY ALL ORDER BY arm, day`);
    const csv = csvObjects(path.join(out, 'series.csv')).filter((r) => r.metric === 'prejudice_host');
    expect(rows).toHaveLength(csv.length);
    for (const c of csv) {
      const row = rows.find((r) => r.arm === c.arm && r.day === c.day)!;
      expect(Math.abs((row.mean as number) - (c.mean as number)), `${c.arm} day ${c.day}`).toBeLessThanOrEqual(5.01e-7);
    }
  });

  it('holds each run exactly as its metrics.csv, and null where a run has no such column', async () => {
    for (const [arm, rep] of [
      ['classes', 2],
      ['baseline', 1],
    ] as const) {
      const rows = await sql(`SELECT * EXCLUDE (arm, replication, seed) FROM '${series}' WHERE arm = '${arm}' AND replication = ${rep} ORDER BY day`);
      const csv = csvObjects(path.join(out, 'runs', arm, String(rep), 'metrics.csv'));
      rows.forEach((row, d) => {
        for (const [k, v] of Object.entries(row)) {
          if (!(k in csv[d])) {
            expect(v, k).toBeNull();
            continue;
          }
          expect(Math.abs(Number(v) - (csv[d][k] as number)), `${arm}/${rep} day ${d} ${k}`).toBeLessThanOrEqual(5.01e-7);
        }
      });
    }
    const spent = await sql(
      `SELECT arm, count(spending_language_classes) AS n, sum(spending_language_classes) AS total FROM '${series}' GROUP BY arm ORDER BY arm`,
    );
    expect(spent.map((r) => [r.arm, Number(r.n)])).toEqual([
      ['allport', 0],
      ['baseline', 0],
      ['classes', REPS * (DAYS + 1)],
    ]);
    expect(spent[2].total as number).toBeGreaterThan(0);
  });

  it('is rebuilt to the same bytes by icity summarise', () => {
    const before = fs.readFileSync(series);
    fs.rmSync(series);
    const r = icity(['summarise', out, '--json']);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(series).equals(before)).toBe(true);
    expect(fs.readdirSync(out).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});

describe('series.parquet of a sweep', () => {
  const sweep = writeExperiment(dir, 'grid.json', (e) => {
    e.set['population.residents'] = 1500;
    e.days = 4;
    e.replications = 1;
    e.arms = [];
    e.design = { type: 'grid', parameters: [{ path: 'housing.similarityThreshold', values: [0.2, 0.5] }] };
    e.reportDays = ['end'];
  });
  const sweepOut = path.join(dir, 'grid');
  const r = icity(['experiment', sweep, '--out', sweepOut, '--workers', '2', '--json']);

  it('gives each point its parameter values in a column named by the path, null for the baseline', async () => {
    expect(r.status).toBe(0);
    const file = path.join(sweepOut, 'series.parquet');
    expect((await columnTypes(file))['housing.similarityThreshold']).toBe('DOUBLE');
    const rows = await sql(`SELECT DISTINCT arm, "housing.similarityThreshold" AS t FROM '${file}' ORDER BY arm`);
    expect(rows).toEqual([
      { arm: 'baseline', t: null },
      { arm: 'p001', t: 0.2 },
      { arm: 'p002', t: 0.5 },
    ]);
  });
});
