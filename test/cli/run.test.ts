import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, readCsv, tempDir } from '../helpers.ts';
import { INDICATORS } from '../../sim/model/indicators.ts';
import { AGENT_COLUMNS } from '../../sim/engine/agents.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const REQUIRED = [
  'day',
  'population',
  'migrant_share',
  'dissimilarity',
  'isolation',
  'exposure',
  'theil_h',
  'school_dissimilarity',
  'outgroup_encounter_share',
  'prejudice_host',
  'prejudice_migrant',
  'language_mean',
  'employment_host',
  'employment_migrant',
  'employment_gap',
  'incidents',
  'incidents_mediated',
  'spending',
  'percent_similar',
  'unhappy_share',
];

describe('icity run', () => {
  const out = path.join(dir, 'small');
  const r = icity([
    'run',
    'scenarios/default.json',
    '--days',
    '10',
    '--workers',
    '2',
    '--out',
    out,
    '--agents',
    '--json',
    '--set',
    'population.residents=3000',
    '--set',
    'housing.similarityThreshold=0.4',
  ]);

  it('exits 0 and prints a JSON summary with --json', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.days).toBe(10);
    expect(summary.first.population).toBe(3000);
    expect(summary.residents).toBe(summary.last.population);
    expect(summary.dir).toBe(out);
  });

  it('writes metrics.csv with one row per day and every required column', () => {
    const { header, rows } = readCsv(path.join(out, 'metrics.csv'));
    for (const col of REQUIRED) expect(header).toContain(col);
    expect(rows.map((row) => row[0])).toEqual(Array.from({ length: 11 }, (_, d) => d));
    for (const row of rows) for (const v of row) expect(Number.isFinite(v)).toBe(true);
  });

  it('writes a manifest with the scenario after defaults, the overrides applied, and every column documented', () => {
    const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.format).toBe('icity-run');
    expect(m.scenario.housing.similarityThreshold).toBe(0.4);
    expect(m.scenario.days).toBe(10);
    expect(m.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.package.name).toBe('interethnic-city');
    expect(m.columns.map((c: { name: string }) => c.name)).toEqual(['day', ...INDICATORS.map((i) => i.name)]);
    for (const c of m.columns) expect(c.description.length).toBeGreaterThan(5);
  });

  it('writes agents.csv with one row per resident', () => {
    const lines = fs.readFileSync(path.join(out, 'agents.csv'), 'utf8').trim().split('\n');
    expect(lines[0].split(',')).toEqual(AGENT_COLUMNS.map((c) => c.name));
    const { rows } = readCsv(path.join(out, 'metrics.csv'));
    expect(lines).toHaveLength(rows[rows.length - 1][1] + 1);
  });

  it('writes frames the header describes exactly', () => {
    const h = JSON.parse(fs.readFileSync(path.join(out, 'frames.json'), 'utf8'));
    const bin = fs.readFileSync(path.join(out, 'frames.bin'));
    expect(h.complete).toBe(true);
    expect(h.days).toEqual(Array.from({ length: 11 }, (_, d) => d));
    expect(bin.length).toBe(h.days.length * h.frameBytes);
    const grid = bin.subarray(0, h.gridBytes);
    const occupied = grid.reduce((n: number, c: number) => n + (c > 0 ? 1 : 0), 0);
    expect(Math.max(...grid)).toBeLessThanOrEqual(h.groups.length);
    const districts = new Float32Array(bin.buffer.slice(bin.byteOffset + h.gridBytes + h.paddingBytes, bin.byteOffset + h.frameBytes));
    const residents = h.districts.reduce((s: number, _d: unknown, d: number) => s + districts[d * h.districtMetrics.length], 0);
    // The first frame is day 0, before anyone arrives or leaves.
    expect(residents).toBe(3000);
    expect(occupied).toBeGreaterThan(0);
  });

  it('leaves no temporary folder behind', () => {
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('validates --set like the file and refuses a bad value with exit 2', () => {
    const bad = icity(['run', 'scenarios/default.json', '--out', path.join(dir, 'bad'), '--set', 'city.density=7']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/city\.density: found 7; must be at most 1/);
    expect(fs.existsSync(path.join(dir, 'bad'))).toBe(false);
  });

  it('refuses an unknown flag with exit 2', () => {
    const bad = icity(['run', 'scenarios/default.json', '--colour', 'red']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown flag --colour/);
  });
});
