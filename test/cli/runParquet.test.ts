import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvObjects, icity, tempDir } from '../helpers.ts';
import { columnTypes, kvMetadata, sql } from '../duckdb.ts';
import { AGENT_COLUMNS } from '../../sim/engine/agents.ts';

const dir = tempDir('icity-parquet-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SMALL = ['--days', '7', '--set', 'population.residents=3000', '--json'];

/**
 * A Parquet value next to its CSV cell: CSV numbers are rounded to 6 decimals, so they match to
 * within half of 1e-6; an empty CSV cell is a null (e.g. years since arrival of those born here).
 */
function expectSame(parquet: Record<string, unknown>, csv: Record<string, string | number>) {
  expect(Object.keys(parquet)).toEqual(Object.keys(csv));
  for (const [k, v] of Object.entries(csv)) {
    const p = typeof parquet[k] === 'bigint' ? Number(parquet[k]) : parquet[k];
    if (typeof v === 'number') expect(Math.abs((p as number) - v), `${k}: parquet ${p}, csv ${v}`).toBeLessThanOrEqual(5.01e-7);
    else expect(p).toBe(v === '' ? null : v);
  }
}

describe('icity run --format both (the default) with --agents and --agents-every 3', () => {
  const out = path.join(dir, 'both');
  const r = icity(['run', 'scenarios/default.json', ...SMALL, '--workers', '2', '--out', out, '--agents', '--agents-every', '3']);
  const file = (f: string) => path.join(out, f);

  it('writes every table as CSV and as Parquet, and the panel as Parquet only', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['metrics.csv', 'metrics.parquet', 'agents.csv', 'agents.parquet', 'panel.parquet', 'frames.bin'])
      expect(fs.existsSync(file(f)), f).toBe(true);
    expect(fs.existsSync(file('panel.csv'))).toBe(false);
    const m = JSON.parse(fs.readFileSync(file('manifest.json'), 'utf8'));
    expect(Object.keys(m.files)).toEqual(expect.arrayContaining(['metrics.parquet', 'agents.parquet', 'panel.parquet']));
    expect(m.outputs).toEqual({ format: 'both', agents: true, agentsEvery: 3 });
  });

  it('gives metrics.parquet real column types: integer counts, double shares and means', async () => {
    const types = await columnTypes(file('metrics.parquet'));
    expect(types.day).toBe('INTEGER');
    expect(types.population).toBe('BIGINT');
    expect(types.arrivals).toBe('BIGINT');
    expect(types.prejudice_host).toBe('DOUBLE');
    expect(types.spending).toBe('DOUBLE');
    expect(Object.values(types).filter((t) => t === 'VARCHAR')).toEqual([]);
  });

  it('holds in metrics.parquet the same rows as metrics.csv', async () => {
    const rows = await sql(`SELECT * FROM '${file('metrics.parquet')}' ORDER BY day`);
    const csv = csvObjects(file('metrics.csv'));
    expect(rows).toHaveLength(8);
    rows.forEach((row, k) => {
      expectSame(row, csv[k]);
    });
  });

  it('puts units, descriptions and the scenario hash in the key-value metadata', async () => {
    const kv = await kvMetadata(file('metrics.parquet'));
    const m = JSON.parse(fs.readFileSync(file('manifest.json'), 'utf8'));
    expect(kv['prejudice_host.unit']).toBe('scale 0..1');
    expect(kv['prejudice_host.description']).toBe(m.columns.find((c: { name: string }) => c.name === 'prejudice_host').description);
    expect(kv['icity.scenario_hash']).toBe(m.scenarioHash);
    expect(kv['icity.table']).toBe('metrics');
    const agents = await kvMetadata(file('agents.parquet'));
    expect(agents['language.unit']).toBe('proficiency 0..1');
  });

  it('holds in agents.parquet the same residents as agents.csv, typed', async () => {
    const types = await columnTypes(file('agents.parquet'));
    expect(Object.keys(types)).toEqual(AGENT_COLUMNS.map((c) => c.name));
    expect(types).toMatchObject({
      id: 'INTEGER',
      group: 'VARCHAR',
      district: 'INTEGER',
      age_class: 'VARCHAR',
      language: 'FLOAT',
      employed: 'INTEGER',
      strategy: 'VARCHAR',
    });
    const rows = await sql(`SELECT * FROM '${file('agents.parquet')}' ORDER BY id`);
    const csv = csvObjects(file('agents.csv'));
    expect(rows.length).toBe(csv.length);
    rows.forEach((row, k) => {
      expectSame(row, csv[k]);
    });
  });

  it('writes the panel at days 0, 3, 6 and the last day, each with every resident of that day', async () => {
    const byDay = await sql(`SELECT day, count(*) AS n FROM '${file('panel.parquet')}' GROUP BY day ORDER BY day`);
    const population = new Map(csvObjects(file('metrics.csv')).map((row) => [row.day, row.population]));
    expect(byDay.map((x) => x.day)).toEqual([0, 3, 6, 7]);
    for (const x of byDay) expect(Number(x.n)).toBe(population.get(x.day as number));
    expect((await columnTypes(file('panel.parquet'))).day).toBe('INTEGER');
  });

  it('ends the panel with the same residents as agents.parquet', async () => {
    const differ = await sql(`(SELECT * EXCLUDE (day) FROM '${file('panel.parquet')}' WHERE day = 7) EXCEPT ALL (SELECT * FROM '${file('agents.parquet')}')`);
    expect(differ).toEqual([]);
    const first = await sql(`SELECT avg(prejudice) AS p FROM '${file('panel.parquet')}' WHERE day = 0 AND "group" = 'host'`);
    const m = csvObjects(file('metrics.csv'));
    expect(Math.abs((first[0].p as number) - (m[0].prejudice_host as number))).toBeLessThan(1e-5);
  });
});

describe('icity run --format', () => {
  it('csv writes only CSV tables, and the panel as panel.csv with a day column', () => {
    const out = path.join(dir, 'csv');
    const r = icity(['run', 'scenarios/default.json', ...SMALL, '--out', out, '--format', 'csv', '--agents-every', '5']);
    expect(r.status).toBe(0);
    const files = fs.readdirSync(out);
    expect(files.filter((f) => f.endsWith('.parquet'))).toEqual([]);
    const panel = csvObjects(path.join(out, 'panel.csv'));
    expect(Object.keys(panel[0])).toEqual(['day', ...AGENT_COLUMNS.map((c) => c.name)]);
    expect([...new Set(panel.map((row) => row.day))]).toEqual([0, 5, 7]);
  });

  it('parquet writes no CSV tables', () => {
    const out = path.join(dir, 'parquet');
    const r = icity(['run', 'scenarios/default.json', ...SMALL, '--out', out, '--format', 'parquet', '--agents']);
    expect(r.status).toBe(0);
    const files = fs.readdirSync(out).sort();
    expect(files.filter((f) => f.endsWith('.csv'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['agents.parquet', 'metrics.parquet', 'manifest.json']));
  });

  it('refuses an unknown format or a bad --agents-every with exit 2 and one line, writing nothing', () => {
    const out = path.join(dir, 'bad');
    const bad = icity(['run', 'scenarios/default.json', ...SMALL, '--out', out, '--format', 'arrow']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('--format: found "arrow"; expected one of csv, parquet, both\n');
    const zero = icity(['run', 'scenarios/default.json', ...SMALL, '--out', out, '--agents-every', '0']);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/^--agents-every: found "0"; expected a whole number from 1 to 36500\n$/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('Parquet outputs are reproducible', () => {
  it('gives the same bytes for 1 and 3 threads: metrics, agents and panel', () => {
    const outs = [1, 3].map((w) => {
      const out = path.join(dir, `threads-${w}`);
      const r = icity(['run', 'scenarios/default.json', ...SMALL, '--workers', String(w), '--out', out, '--agents', '--agents-every', '2']);
      expect(r.status).toBe(0);
      return out;
    });
    for (const f of ['metrics.parquet', 'agents.parquet', 'panel.parquet']) {
      expect(fs.readFileSync(path.join(outs[1], f)).equals(fs.readFileSync(path.join(outs[0], f))), f).toBe(true);
    }
  });
});
