import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { ROOT, tempDir } from '../helpers.ts';
import { summarise } from '../../sim/engine/experiment/summarise.ts';
import { EXPERIMENT_FORMAT, EXPERIMENT_FORMAT_VERSION } from '../../sim/formats/experimentManifest.ts';
import { SUMMARY_COLUMNS } from '../../sim/formats/experimentTables.ts';

const dir = tempDir('icity-posterior-summary-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * An experiment folder written by hand: G draws × k seeds of a baseline and an arm whose
 * prejudice_host is the baseline's plus scale · θ_i (θ the draw's parameter, standard normal)
 * plus noise · ε (the seed's, standard normal), so the split of the effect is known.
 */
function folder(name: string, G: number, k: number, scale: number, noise: number, shift = 0): string {
  const out = path.join(dir, name);
  const rng = seedrandom(name);
  const z = () => Math.sqrt(-2 * Math.log(1 - rng.double())) * Math.cos(2 * Math.PI * rng.double());
  const seeds = Array.from({ length: G * k }, (_, r) => r + 1);
  const runs = [];
  const draws = [];
  for (let i = 0; i < G; i++) {
    const theta = z();
    draws.push({ draw: i + 1, row: i + 1, weight: 1, values: { 'contact.positiveEffect': theta } });
    for (let j = 0; j < k; j++) {
      const r = i * k + j;
      const base = 0.4 + 0.01 * z();
      for (const [arm, value] of [
        ['baseline', base],
        ['arm', base + shift + scale * theta + noise * z()],
      ] as const) {
        const runDir = path.posix.join('runs', arm, String(r + 1));
        fs.mkdirSync(path.join(out, runDir), { recursive: true });
        fs.writeFileSync(path.join(out, runDir, 'manifest.json'), JSON.stringify({ scenarioHash: 'h', days: 1, files: { 'metrics.csv': '' } }));
        fs.writeFileSync(path.join(out, runDir, 'metrics.csv'), `day,prejudice_host,spending\n0,0.4,0\n1,${value.toFixed(12)},0\n`);
        runs.push({ arm, replication: r + 1, seed: seeds[r], dir: runDir, scenarioHash: 'h', status: 'done' });
      }
    }
  }
  const manifest = {
    format: EXPERIMENT_FORMAT,
    formatVersion: EXPERIMENT_FORMAT_VERSION,
    name,
    experiment: { name, description: '' },
    scenario: { name: 'test', population: { residents: 1 } },
    scenarioFile: 'test.json',
    arms: [
      { name: 'baseline', label: 'baseline', description: '', set: {}, policies: [] },
      { name: 'arm', label: 'arm', description: '', set: {}, policies: [] },
    ],
    seeds,
    days: 1,
    metrics: ['prejudice_host'],
    reportDays: [1],
    runs,
    files: {},
    posterior: {
      file: 'posterior.csv',
      sha256: '',
      columns: ['contact.positiveEffect'],
      rows: G,
      drawableRows: G,
      seedsPerDraw: k,
      seed: 1,
      scheme: '',
      draws,
    },
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
  return out;
}

const effect = (out: string) => summarise(out).rows.find((r) => r.arm === 'arm')!;

describe('summary.csv of an experiment over a posterior, on effects whose split is known', () => {
  it('gives most of the variance to the parameters when a parameter scales the effect and seeds add little', () => {
    const r = effect(folder('parameter', 200, 3, 0.02, 0.004));
    expect(r.diffSdParameter!).toBeGreaterThan(0.017);
    expect(r.diffSdParameter!).toBeLessThan(0.023);
    expect(r.diffSdStochastic!).toBeGreaterThan(0.0035); // the baseline's noise cancels in the paired difference
    expect(r.diffSdStochastic!).toBeLessThan(0.0055);
    expect(r.parameterShare!).toBeGreaterThan(0.9);
    // θ is symmetric about 0, so the sign is anyone's: about half the draws, and the range crosses zero.
    expect(r.signShare!).toBeGreaterThan(0.35);
    expect(r.signShare!).toBeLessThan(0.65);
    expect(r.posteriorLow!).toBeLessThan(0);
    expect(r.posteriorHigh!).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(dir, 'parameter', 'report.md'), 'utf8')).toMatch(
      /the sign of this effect depends on parameters the calibration leaves uncertain: it is (negative|positive) in \d+% of posterior draws/,
    );
  });

  it('gives most of the variance to the seeds when the parameter matters little', () => {
    const r = effect(folder('stochastic', 200, 3, 0.002, 0.02));
    expect(r.diffSdStochastic!).toBeGreaterThan(0.017);
    expect(r.diffSdStochastic!).toBeLessThan(0.023);
    expect(r.parameterShare!).toBeLessThan(0.1);
    // A sign that wavers from draw to draw by noise is not blamed on the parameters.
    const report = fs.readFileSync(path.join(dir, 'stochastic', 'report.md'), 'utf8');
    expect(report).toMatch(
      /its sign is not robust over the posterior \((positive|negative) in \d+% of posterior draws.*\), but the seeds make most of that spread, not the parameters/,
    );
    expect(report).not.toMatch(/depends on parameters/);
    expect(report).toMatch(/Sign not robust over the posterior: prejudice_host; in each the seeds make most of the spread, not the parameters\./);
  });

  it('calls a shifted effect robust: every draw has its sign', () => {
    const r = effect(folder('robust', 40, 2, 0.002, 0.001, -0.05));
    expect(r.signShare).toBe(1);
    expect(r.posteriorHigh!).toBeLessThan(0);
    expect(r.diffHigh!).toBeLessThan(0);
    expect(fs.readFileSync(path.join(dir, 'robust', 'report.md'), 'utf8')).toMatch(/its sign is robust: negative in 100% of posterior draws/);
  });
});

describe('a posterior experiment with a failed run', () => {
  it('leaves out the whole draw of the failed run, so every draw keeps all its seeds', () => {
    const out = folder('partial', 4, 2, 0.01, 0.002);
    fs.rmSync(path.join(out, 'runs', 'arm', '3'), { recursive: true });
    expect(() => summarise(out)).toThrow(/runs\/arm\/3 is missing/);
    const s = summarise(out, { partial: true });
    const r = s.rows.find((x) => x.arm === 'arm')!;
    expect([r.n, r.draws, r.seedsPerDraw]).toEqual([6, 3, 2]);
    // Replication 3 failed; replication 4 is the other seed of its draw.
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(
      /replications 3, 4 are left out of every arm .*a posterior draw counts only with all its seeds/,
    );
  });
});

describe('the docs of summary.csv', () => {
  it('docs/experiments.md names every column of summary.csv in its table', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'experiments.md'), 'utf8');
    const documented = new Set([...text.matchAll(/^ {2}\| ([^|]+) \|/gm)].flatMap((m) => [...m[1].matchAll(/`([a-z_]+)`/g)].map((c) => c[1])));
    expect(SUMMARY_COLUMNS.filter((c) => !documented.has(c))).toEqual([]);
  });
});
