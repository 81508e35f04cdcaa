import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, tempDir } from '../helpers.ts';
import { writeExperiment } from '../experiment/fixtures.ts';
import { morrisIndices } from '../../sim/engine/experiment/design/morrisIndices.ts';

const dir = tempDir('icity-sweep-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const METRICS = ['prejudice_host', 'dissimilarity', 'employment_gap'];
const small = (design: object, reps: number) => (e: Record<string, any>) => {
  e.set['population.residents'] = 1500;
  e.days = 10;
  e.replications = reps;
  e.arms = [];
  e.design = design;
  e.metrics = METRICS;
  e.reportDays = [5, 'end'];
};

function csv(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [cols[k], v])));
}

describe('a grid sweep (2 × 2 points, 2 replications)', () => {
  const file = writeExperiment(
    dir,
    'grid.json',
    small(
      {
        type: 'grid',
        parameters: [
          { path: 'housing.similarityThreshold', values: [0.2, 0.5] },
          { path: 'spaces.school.allport.cooperation', values: [0, 1] },
        ],
      },
      2,
    ),
  );
  const out = path.join(dir, 'grid');
  const r = icity(['experiment', file, '--out', out, '--workers', '2']);

  it('runs the baseline and every point with every replication, and says so in a line', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Experiment small: 10 runs \(10 ran, 0 reused\)/);
    expect(r.stdout).toContain(
      'Design: a full factorial grid of housing.similarityThreshold, spaces.school.allport.cooperation: 4 points (p001 to p004), 2 replications each; points.csv gives their values.',
    );
    expect(fs.readdirSync(path.join(out, 'runs')).sort()).toEqual(['baseline', 'p001', 'p002', 'p003', 'p004']);
  });

  it('writes points.csv: arm → parameter values', () => {
    expect(fs.readFileSync(path.join(out, 'points.csv'), 'utf8')).toBe(
      'arm,housing.similarityThreshold,spaces.school.allport.cooperation\np001,0.2,0\np002,0.2,1\np003,0.5,0\np004,0.5,1\n',
    );
    expect(fs.existsSync(path.join(out, 'sensitivity.csv'))).toBe(false);
  });

  it('runs each point with its values and replication r of every point with the same seed', () => {
    const run = (arm: string, rep: number) => JSON.parse(fs.readFileSync(path.join(out, 'runs', arm, String(rep), 'manifest.json'), 'utf8'));
    expect(run('p003', 2).scenario.housing.similarityThreshold).toBe(0.5);
    expect(run('p003', 2).scenario.spaces.school.allport.cooperation).toBe(0);
    expect(run('p002', 1).scenario.spaces.school.allport.cooperation).toBe(1);
    for (const arm of ['baseline', 'p001', 'p002', 'p003', 'p004']) expect([run(arm, 1).seed, run(arm, 2).seed]).toEqual([7, 8]);
  });

  it('writes summary.csv with one row per arm (points included) × metric × report day', () => {
    const rows = csv(path.join(out, 'summary.csv'));
    expect(rows).toHaveLength(5 * METRICS.length * 2);
    expect(rows.filter((x) => x.arm === 'p004').map((x) => `${x.metric}@${x.day}`)).toEqual(METRICS.flatMap((m) => [`${m}@5`, `${m}@10`]));
    const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.arms.find((a: { name: string }) => a.name === 'p003').set).toEqual({ 'housing.similarityThreshold': 0.5, 'spaces.school.allport.cooperation': 0 });
    expect(m.design.points.map((p: { arm: string }) => p.arm)).toEqual(['p001', 'p002', 'p003', 'p004']);
  });

  it('icity summarise rewrites points.csv and the summary byte for byte', () => {
    const before = ['points.csv', 'summary.csv'].map((f) => fs.readFileSync(path.join(out, f)));
    fs.rmSync(path.join(out, 'points.csv'));
    const s = icity(['summarise', out]);
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toContain('wrote summary.csv, series.csv, series.parquet, report.md, points.csv');
    ['points.csv', 'summary.csv'].forEach((f, k) => {
      expect(fs.readFileSync(path.join(out, f)).equals(before[k])).toBe(true);
    });
  });
});

describe('Morris screening (2 parameters, 3 trajectories, 1 replication)', () => {
  const params = ['housing.similarityThreshold', 'spaces.workplace.allport.institutionalSupport'];
  const file = writeExperiment(
    dir,
    'morris.json',
    small(
      {
        type: 'morris',
        trajectories: 3,
        seed: 2,
        parameters: [
          { path: params[0], min: 0.1, max: 0.6 },
          { path: params[1], min: 0, max: 1 },
        ],
      },
      1,
    ),
  );
  const out = path.join(dir, 'morris');
  const r = icity(['experiment', file, '--out', out, '--workers', '2']);

  it('runs the baseline and 3 × (2 + 1) points, and names the most influential parameter of each metric', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Experiment small: 10 runs \(10 ran, 0 reused\)/);
    expect(r.stdout).toMatch(/Most influential parameters at day 10 .*\n {2}prejudice_host: [a-z.A-Z]+ \(mu\* [0-9.]+, sigma [0-9.]+\)/);
    const points = csv(path.join(out, 'points.csv'));
    expect(points.map((p) => p.trajectory)).toEqual(['1', '1', '1', '2', '2', '2', '3', '3', '3']);
    expect(Object.keys(points[0])).toEqual(['arm', 'trajectory', ...params]);
  });

  it('writes sensitivity.csv: per metric and day every parameter, ranked by mu*, r = 3', () => {
    const text = fs.readFileSync(path.join(out, 'sensitivity.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('metric,day,parameter,mu,mu_star,sigma,r');
    const rows = csv(path.join(out, 'sensitivity.csv'));
    expect(rows).toHaveLength(METRICS.length * 2 * params.length);
    for (const metric of METRICS) {
      for (const day of ['5', '10']) {
        const mine = rows.filter((x) => x.metric === metric && x.day === day);
        expect(mine.map((x) => x.parameter).sort()).toEqual([...params].sort());
        expect(Number(mine[0].mu_star)).toBeGreaterThanOrEqual(Number(mine[1].mu_star));
        for (const x of mine) {
          expect(x.r).toBe('3');
          expect(Number(x.mu_star)).toBeGreaterThanOrEqual(Math.abs(Number(x.mu)) - 1e-6);
        }
      }
    }
  });

  it("computes the measures from the points' outputs in summary.csv and their places in the manifest", () => {
    const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const summary = csv(path.join(out, 'summary.csv'));
    const trajectories = [0, 1, 2].map((t) => m.design.points.filter((p: { trajectory: number }) => p.trajectory === t));
    const rows = csv(path.join(out, 'sensitivity.csv'));
    for (const metric of METRICS) {
      const y = trajectories.map((t) =>
        t.map((p: { arm: string }) => Number(summary.find((s) => s.arm === p.arm && s.metric === metric && s.day === '10')!.mean)),
      );
      const expected = morrisIndices(
        2,
        trajectories.map((t) => t.map((p: { unit: number[] }) => p.unit)),
        y,
      );
      params.forEach((param, j) => {
        const row = rows.find((x) => x.metric === metric && x.day === '10' && x.parameter === param)!;
        expect(Number(row.mu_star)).toBeCloseTo(expected[j].muStar, 4);
        expect(Number(row.mu)).toBeCloseTo(expected[j].mu, 4);
      });
    }
  });

  it('icity summarise rewrites sensitivity.csv byte for byte, and the manifest lists it', () => {
    const before = fs.readFileSync(path.join(out, 'sensitivity.csv'));
    fs.rmSync(path.join(out, 'sensitivity.csv'));
    expect(icity(['summarise', out]).status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'sensitivity.csv')).equals(before)).toBe(true);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).files)).toContain('sensitivity.csv');
  });
});
