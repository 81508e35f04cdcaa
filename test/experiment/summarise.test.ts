import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, tempDir } from '../helpers.ts';
import { summarise, MissingRunsError, SUMMARY_COLUMNS } from '../../sim/engine/experiment/summarise.ts';
import { estimate } from '../../sim/engine/experiment/estimate.ts';
import { effectSentence } from '../../sim/engine/experiment/report.ts';

const root = tempDir('icity-summarise-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * A fabricated experiment: 3 replications of a baseline and one arm over days 0..2, with
 * values chosen so the statistics can be worked out by hand. Columns: day, language_mean
 * (better +1), prejudice_host (better −1), population (better 0), spending.
 */
const SEEDS = [11, 12, 13];
const VALUES = {
  // [rep][day]
  baseline: {
    language_mean: [
      [0.5, 0.5, 0.5],
      [0.6, 0.6, 0.6],
      [0.7, 0.7, 0.7],
    ],
    prejudice_host: [
      [0.3, 0.3, 0.3],
      [0.3, 0.3, 0.3],
      [0.3, 0.3, 0.3],
    ],
    population: [
      [100, 100, 100],
      [100, 100, 100],
      [100, 100, 100],
    ],
    spending: [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ],
  },
  policy: {
    language_mean: [
      [0.5, 0.55, 0.6],
      [0.6, 0.62, 0.65],
      [0.7, 0.75, 0.8],
    ],
    prejudice_host: [
      [0.3, 0.31, 0.32],
      [0.3, 0.3, 0.35],
      [0.3, 0.32, 0.33],
    ],
    population: [
      [100, 101, 102],
      [100, 100, 100],
      [100, 99, 98],
    ],
    spending: [
      [0, 100, 100],
      [0, 50, 150],
      [0, 200, 0],
    ],
  },
};

function fabricate(dir: string, skip?: string): void {
  const runs: object[] = [];
  for (const arm of ['baseline', 'policy'] as const) {
    SEEDS.forEach((seed, r) => {
      const rel = `runs/${arm}/${r + 1}`;
      runs.push({ arm, replication: r + 1, seed, dir: rel, scenarioHash: `hash-${arm}-${seed}`, status: 'done' });
      if (rel === skip) return;
      const runDir = path.join(dir, rel);
      fs.mkdirSync(runDir, { recursive: true });
      fs.writeFileSync(path.join(runDir, 'manifest.json'), JSON.stringify({ format: 'icity-run', scenarioHash: `hash-${arm}-${seed}`, days: 2 }));
      const v = VALUES[arm];
      const lines = ['day,population,language_mean,prejudice_host,spending'];
      for (let d = 0; d <= 2; d++) lines.push([d, v.population[r][d], v.language_mean[r][d], v.prejudice_host[r][d], v.spending[r][d]].join(','));
      fs.writeFileSync(path.join(runDir, 'metrics.csv'), lines.join('\n') + '\n');
    });
  }
  const manifest = {
    format: 'icity-experiment',
    formatVersion: 1,
    package: { name: 'interethnic-city', version: '0.0.0' },
    node: process.version,
    name: 'fabricated',
    experimentFile: 'fabricated.json',
    experimentHash: 'x',
    experiment: { name: 'fabricated', description: 'Numbers made up so the answers are known.' },
    scenarioFile: 'none.json',
    scenario: { name: 'none', population: { residents: 100 } },
    arms: [
      { name: 'baseline', label: 'baseline', description: '', set: {}, policies: [] },
      { name: 'policy', label: 'policy', description: 'A made-up policy.', set: { 'language.rate': 2 }, policies: [] },
    ],
    seeds: SEEDS,
    days: 2,
    metrics: ['language_mean', 'prejudice_host', 'population'],
    reportDays: [1, 2],
    threads: { budget: 1, pool: 1, perRun: 1 },
    wallSeconds: 1,
    runs,
    files: {},
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
}

function rows(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [cols[k], v])));
}

describe('summarise(dir)', () => {
  const dir = path.join(root, 'complete');
  fabricate(dir);
  const summary = summarise(dir);
  const csv = rows(path.join(dir, 'summary.csv'));
  const find = (arm: string, metric: string, day: number) => csv.find((r) => r.arm === arm && r.metric === metric && r.day === String(day))!;

  it('writes one row per arm × metric × report day with exactly the documented columns', () => {
    const header = fs.readFileSync(path.join(dir, 'summary.csv'), 'utf8').split('\n')[0];
    expect(header).toBe(
      'arm,metric,day,n,mean,sd,ci_low,ci_high,diff,diff_ci_low,diff_ci_high,cost,cost_per_unit,measure,from_day,cost_per_unit_low,cost_per_unit_high,cost_unit,costed,currency,draws,seeds_per_draw,diff_sd_parameter,diff_sd_stochastic,parameter_share,sign_share,posterior_low,posterior_high',
    );
    // Without a posterior its columns are empty.
    for (const r of csv) expect([r.draws, r.seeds_per_draw, r.sign_share, r.posterior_low, r.posterior_high]).toEqual(['', '', '', '', '']);
    expect(header.split(',')).toEqual([...SUMMARY_COLUMNS]);
    expect(csv).toHaveLength(2 * 3 * 2);
    expect(csv.map((r) => `${r.arm}/${r.metric}/${r.day}`).slice(0, 3)).toEqual([
      'baseline/language_mean/1',
      'baseline/language_mean/2',
      'baseline/prejudice_host/1',
    ]);
    expect(summary.rows).toHaveLength(12);
  });

  it('gives the mean, sd and t interval worked out by hand: values 0.5, 0.6, 0.7 → 0.6 ± 4.302653 · 0.1/√3', () => {
    const r = find('baseline', 'language_mean', 2);
    expect(r.n).toBe('3');
    expect(r.mean).toBe('0.6');
    expect(r.sd).toBe('0.1');
    expect(r.ci_low).toBe('0.351586'); // 0.6 − 0.248414
    expect(r.ci_high).toBe('0.848414');
  });

  it('leaves the difference columns of the baseline rows empty', () => {
    for (const r of csv.filter((x) => x.arm === 'baseline')) {
      expect([r.diff, r.diff_ci_low, r.diff_ci_high, r.cost_per_unit]).toEqual(['', '', '', '']);
    }
  });

  it('gives the paired-t interval of the differences worked out by hand', () => {
    // Differences by replication at day 2: 0.1, 0.05, 0.1 → mean 0.083333, sd 0.028868,
    // half-width 4.302653 · 0.028868 / √3 = 0.071711.
    const r = find('policy', 'language_mean', 2);
    expect(r.diff).toBe('0.083333');
    expect(r.diff_ci_low).toBe('0.011622');
    expect(r.diff_ci_high).toBe('0.155044');
    // The unpaired interval of the arm alone is much wider: pairing removes the seed's share.
    expect(Number(r.ci_high) - Number(r.ci_low)).toBeGreaterThan(0.4);
  });

  it('sums spending up to each day, averages over replications, and divides the extra cost by an improvement', () => {
    // Spending to day 1: 100, 50, 200 → 116.666667; to day 2: 200, 200, 200 → 200.
    expect(find('policy', 'language_mean', 1).cost).toBe('116.666667');
    expect(find('policy', 'language_mean', 2).cost).toBe('200');
    expect(find('baseline', 'language_mean', 2).cost).toBe('0');
    // language_mean (0..1) is better higher and rose by 0.083333, 8.3333 hundredths: 200 / 8.3333 = 24,
    // with the range of the effect's interval: 200 / 15.5044 and 200 / 1.1622.
    const r = find('policy', 'language_mean', 2);
    expect(Number(r.cost_per_unit)).toBeCloseTo(24, 4);
    expect(Number(r.cost_per_unit_low)).toBeCloseTo(200 / 15.5044, 2);
    expect(Number(r.cost_per_unit_high)).toBeCloseTo(200 / 1.1622, 1);
    expect([r.cost_unit, r.costed, r.currency]).toEqual(['0.01 of the scale', 'true', 'EUR']);
  });

  it('gives no cost per unit when the effect goes the wrong way or the metric has no good direction', () => {
    const prejudice = find('policy', 'prejudice_host', 2); // rose: worse
    expect(Number(prejudice.diff)).toBeGreaterThan(0);
    expect(prejudice.cost_per_unit).toBe('');
    expect(find('policy', 'population', 2).cost_per_unit).toBe('');
    expect(find('policy', 'population', 2).diff).toBe('0');
  });

  it('writes series.csv with the mean and interval of every metric on every day', () => {
    const series = rows(path.join(dir, 'series.csv'));
    expect(Object.keys(series[0])).toEqual(['arm', 'metric', 'day', 'n', 'mean', 'ci_low', 'ci_high']);
    expect(series).toHaveLength(2 * 3 * 3);
    const r = series.find((x) => x.arm === 'policy' && x.metric === 'language_mean' && x.day === '1')!;
    const e = estimate([0.55, 0.62, 0.75]);
    expect(Number(r.mean)).toBeCloseTo(e.mean, 6);
    expect(Number(r.ci_low)).toBeCloseTo(e.low!, 6);
  });

  it('writes a report that says in words whether each interval excludes zero', () => {
    const report = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(report).toContain('raises language_mean by 0.083 (95% CI 0.012 to 0.155) at day 2, an improvement; the interval excludes zero.');
    expect(report).toContain(
      'has no clear effect on prejudice_host at day 2: 0.033 (95% CI -0.005 to 0.071); the interval includes zero, so 3 replications cannot tell this effect from none.',
    );
    expect(report).toContain('has no clear effect on population at day 2: 0.0 (95% CI -5.0 to 5.0); the interval includes zero');
    expect(report).not.toMatch(/includes zero.*improvement|improvement.*includes zero/);
    expect(report).toContain('## policy');
  });

  it('gives the same bytes when run again', () => {
    const before = fs.readFileSync(path.join(dir, 'summary.csv'));
    summarise(dir);
    expect(fs.readFileSync(path.join(dir, 'summary.csv')).equals(before)).toBe(true);
  });
});

describe('summarise with runs missing', () => {
  it('names the missing runs, writes nothing, and icity summarise exits 2', () => {
    const dir = path.join(root, 'incomplete');
    fabricate(dir, 'runs/policy/2');
    let err: unknown;
    try {
      summarise(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MissingRunsError);
    expect((err as MissingRunsError).missing.map((m) => m.dir)).toEqual(['runs/policy/2']);
    expect(fs.existsSync(path.join(dir, 'summary.csv'))).toBe(false);
    const r = icity(['summarise', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${dir}: runs/policy/2 is missing (arm policy, replication 2, seed 12)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('after runs failed twice, summarises the replications every arm finished and names the runs left out', () => {
    const dir = path.join(root, 'partial');
    fabricate(dir, 'runs/policy/2');
    const s = summarise(dir, { partial: true });
    // Replication 2 is dropped from both arms, so every row rests on the other two.
    expect(new Set(s.rows.map((r) => r.n))).toEqual(new Set([2]));
    const report = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(report).toMatch(/## Failed runs\n\nThese runs failed twice and are missing, so replication 2 is left out of every arm/);
    expect(report).toContain('- runs/policy/2 (seed 12)');
  });

  it('counts a run whose manifest has another scenario hash as missing', () => {
    const dir = path.join(root, 'stale');
    fabricate(dir);
    fs.writeFileSync(path.join(dir, 'runs/baseline/3/manifest.json'), JSON.stringify({ scenarioHash: 'another' }));
    expect(() => summarise(dir)).toThrow(/runs\/baseline\/3 is missing/);
  });

  it('refuses a folder that is not an experiment with exit 2', () => {
    const r = icity(['summarise', root]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not an experiment folder \(no manifest\.json\)/);
  });
});

describe('effectSentence', () => {
  const row = { arm: 'a', metric: 'language_mean', day: 730, n: 4, mean: 0.7, cost: 0 };
  it('reads like the example: raises, by, the interval, the day, and whether it excludes zero', () => {
    expect(effectSentence({ ...row, diff: 0.041, diffLow: 0.03, diffHigh: 0.052 }, 4)).toBe(
      'raises language_mean by 0.041 (95% CI 0.030 to 0.052) at day 730, an improvement; the interval excludes zero.',
    );
  });
  it('says a metric is unchanged when it is the same in every replication', () => {
    expect(effectSentence({ ...row, diff: 0, diffLow: 0, diffHigh: 0 }, 4)).toBe('leaves language_mean unchanged at day 730 in every replication.');
  });
  it('tells a fall with the interval of the fall, and an interval across zero as no clear effect', () => {
    expect(effectSentence({ ...row, metric: 'prejudice_host', diff: -0.02, diffLow: -0.03, diffHigh: -0.01 }, 4)).toBe(
      'lowers prejudice_host by 0.020 (95% CI 0.010 to 0.030) at day 730, an improvement; the interval excludes zero.',
    );
    expect(effectSentence({ ...row, metric: 'prejudice_host', diff: -0.01, diffLow: -0.03, diffHigh: 0.01 }, 4)).toBe(
      'has no clear effect on prejudice_host at day 730: -0.010 (95% CI -0.030 to 0.010); the interval includes zero, so 4 replications cannot tell this effect from none.',
    );
  });
});
