import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, tempDir } from '../helpers.ts';
import { tree, writeExperiment } from './fixtures.ts';
import { SUMMARY_COLUMNS } from '../../sim/formats/experimentTables.ts';

const dir = tempDir('icity-experiment-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('icity experiment (2 arms × 2 replications, 2,000 residents, 20 days)', () => {
  const file = writeExperiment(dir, 'small.json');
  const one = path.join(dir, 'one');
  const two = path.join(dir, 'two');
  const r1 = icity(['experiment', file, '--workers', '1', '--out', one, '--json']);
  const r2 = icity(['experiment', file, '--workers', '2', '--out', two, '--json']);

  it('exits 0 and prints a JSON summary with the effects', () => {
    expect(r1.stderr).toBe('');
    expect(r1.status).toBe(0);
    const s = JSON.parse(r1.stdout);
    expect(s).toMatchObject({ name: 'small', runs: 4, ran: 4, reused: 0, failed: [], threads: { budget: 1, pool: 1, perRun: 1 } });
    expect(s.effects.map((e: { metric: string; day: number }) => `${e.metric}@${e.day}`)).toContain('prejudice_host@20');
    expect(JSON.parse(r2.stdout).threads).toEqual({ budget: 2, pool: 2, perRun: 1 });
  });

  it('writes the manifest, the summaries and one complete run folder per arm and replication', () => {
    const files = tree(one);
    for (const f of ['manifest.json', 'summary.csv', 'series.csv', 'report.md']) expect(files).toContain(f);
    for (const arm of ['baseline', 'allport']) {
      for (const rep of ['1', '2']) {
        for (const f of ['manifest.json', 'metrics.csv', 'frames.json', 'frames.bin']) expect(files).toContain(`runs/${arm}/${rep}/${f}`);
      }
    }
    expect(fs.readdirSync(path.join(one, 'runs')).sort()).toEqual(['allport', 'baseline']);
    expect(files.filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('runs replication r of every arm with the same seed, and the arms with their own settings', () => {
    const run = (arm: string, rep: number) => JSON.parse(fs.readFileSync(path.join(one, 'runs', arm, String(rep), 'manifest.json'), 'utf8'));
    for (const rep of [1, 2]) expect(run('allport', rep).seed).toBe(run('baseline', rep).seed);
    expect([run('baseline', 1).seed, run('baseline', 2).seed]).toEqual([7, 8]);
    expect(run('baseline', 1).scenario.population.residents).toBe(2000);
    expect(run('baseline', 1).days).toBe(20);
    expect(run('allport', 1).scenario.spaces.school.allport.institutionalSupport).toBe(1);
    expect(run('baseline', 1).scenario.spaces.school.allport.institutionalSupport).toBeLessThan(1);
  });

  it('records the experiment after defaults, the base scenario, arms, seeds, version, wall time and every run', () => {
    const m = JSON.parse(fs.readFileSync(path.join(one, 'manifest.json'), 'utf8'));
    expect(m.format).toBe('icity-experiment');
    expect(m.formatVersion).toBe(1);
    expect(m.package.name).toBe('interethnic-city');
    expect(m.arms.map((a: { name: string }) => a.name)).toEqual(['baseline', 'allport']);
    expect(m.seeds).toEqual([7, 8]);
    expect(m.experiment.replications).toBe(2);
    expect(m.experiment.reportDays).toEqual([10, 20]);
    expect(m.scenario.population.residents).toBe(2000);
    expect(m.wallSeconds).toBeGreaterThan(0);
    expect(m.runs).toHaveLength(4);
    for (const r of m.runs) expect(r.status).toBe('done');
  });

  it('writes summary.csv with one row per arm × metric × report day and empty differences for the baseline', () => {
    const lines = fs.readFileSync(path.join(one, 'summary.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(SUMMARY_COLUMNS.join(','));
    expect(lines[0].startsWith('arm,metric,day,n,mean,sd,ci_low,ci_high,diff,diff_ci_low,diff_ci_high,cost,cost_per_unit,')).toBe(true);
    expect(lines).toHaveLength(1 + 2 * 5 * 2);
    for (const line of lines.slice(1)) {
      const c = line.split(',');
      expect(c).toHaveLength(SUMMARY_COLUMNS.length);
      expect(c[3]).toBe('2');
      if (c[0] === 'baseline') expect(c.slice(8, 11)).toEqual(['', '', '']);
      else expect(c.slice(8, 11).every((v) => v !== '' && Number.isFinite(Number(v)))).toBe(true);
    }
    const series = fs.readFileSync(path.join(one, 'series.csv'), 'utf8').trim().split('\n');
    expect(series).toHaveLength(1 + 2 * 5 * 21);
  });

  /** prejudice_host of one run on one day, from its metrics.csv. */
  function hostPrejudice(arm: string, rep: number, day: number): number {
    const [header, ...rows] = fs
      .readFileSync(path.join(one, 'runs', arm, String(rep), 'metrics.csv'), 'utf8')
      .trim()
      .split('\n');
    const row = rows.find((l) => l.startsWith(`${day},`))!.split(',');
    return Number(row[header.split(',').indexOf('prejudice_host')]);
  }

  /** One row of summary.csv by its arm, metric and day, as numbers by column name. */
  function summaryRow(arm: string, metric: string, day: number): Record<string, number> {
    const [header, ...rows] = fs.readFileSync(path.join(one, 'summary.csv'), 'utf8').trim().split('\n');
    const row = rows.find((l) => l.startsWith(`${arm},${metric},${day},`))!.split(',');
    return Object.fromEntries(header.split(',').map((c, k) => [c, Number(row[k])]));
  }

  it('the better contact conditions lower host prejudice in every replication, and summary.csv gives their mean difference', () => {
    const diffs = [1, 2].map((rep) => hostPrejudice('allport', rep, 20) - hostPrejudice('baseline', rep, 20));
    for (const d of diffs) expect(d).toBeLessThan(0);
    const row = summaryRow('allport', 'prejudice_host', 20);
    expect(row.diff).toBeCloseTo((diffs[0] + diffs[1]) / 2, 5);
    expect(row.diff_ci_low).toBeLessThan(row.diff);
    expect(row.diff_ci_high).toBeGreaterThan(row.diff);
  });

  it('gives byte-identical summary.csv and series.csv for --workers 1 and --workers 2', () => {
    expect(r2.status).toBe(0);
    for (const f of ['summary.csv', 'series.csv', 'report.md'])
      expect(fs.readFileSync(path.join(two, f)).equals(fs.readFileSync(path.join(one, f)))).toBe(true);
  });

  it('writes a report with a sentence per effect on the last day that says what its interval says', () => {
    const report = fs.readFileSync(path.join(one, 'report.md'), 'utf8');
    expect(report).toMatch(/^# Experiment "small"/);
    for (const metric of ['prejudice_host', 'prejudice_migrant']) {
      const { diff_ci_high: high } = summaryRow('allport', metric, 20);
      expect(report).toMatch(
        high < 0
          ? new RegExp(`- lowers ${metric} by [0-9.]+ \\(95% CI [0-9.-]+ to [0-9.-]+\\) at day 20, an improvement; the interval excludes zero\\.`)
          : new RegExp(`- has no clear effect on ${metric} at day 20: -?[0-9.]+ \\(95% CI [0-9.-]+ to [0-9.-]+\\); the interval includes zero`),
      );
    }
    expect(report).toMatch(/- lowers negative_share by [0-9.]+ \(95% CI [0-9.-]+ to [0-9.-]+\) at day 20, an improvement; the interval excludes zero\./);
  });

  it('reuses every finished run when run again, and gives the same summary', () => {
    const before = fs.readFileSync(path.join(one, 'summary.csv'));
    const again = icity(['experiment', file, '--workers', '2', '--out', one, '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ran: 0, reused: 4 });
    expect(fs.readFileSync(path.join(one, 'summary.csv')).equals(before)).toBe(true);
  });

  it('refuses to mix a different experiment into the folder, with exit 2', () => {
    const other = writeExperiment(dir, 'other.json', (e) => (e.arms[0].set['spaces.school.allport.cooperation'] = 0.9));
    const r = icity(['experiment', other, '--out', one]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /holds a different experiment \("small" from .*small\.json, whose scenario, arms or seeds differ\); choose another --out or remove the folder/,
    );
    expect(fs.readdirSync(path.join(one, 'runs', 'allport'))).toEqual(['1', '2']);
  });

  it('icity summarise rebuilds the same files from the run folders', () => {
    const before = fs.readFileSync(path.join(two, 'summary.csv'));
    fs.rmSync(path.join(two, 'summary.csv'));
    const r = icity(['summarise', two]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Summarised small: 2 arms × 2 replications/);
    expect(fs.readFileSync(path.join(two, 'summary.csv')).equals(before)).toBe(true);
  });
});
