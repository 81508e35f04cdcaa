import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { summarise } from '../../sim/engine/experiment/summarise.ts';
import { InputError } from '../../sim/engine/inputError.ts';

const root = tempDir('icity-report-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * A fabricated experiment over days 0..4, reported at days 2 and 4: incidents per day and
 * the migrant employment rate. The "programme" arm has a policy and spends; the "settings"
 * arm changes a setting and spends nothing.
 */
const INCIDENTS = {
  baseline: [
    [0, 3, 4, 4, 5],
    [0, 2, 4, 5, 7],
    [0, 3, 3, 4, 4],
    [0, 4, 2, 6, 5],
  ],
  programme: [
    [0, 1, 2, 1, 1],
    [0, 1, 1, 2, 6],
    [0, 2, 1, 1, 2],
    [0, 1, 2, 1, 1],
  ],
  settings: [
    [0, 3, 4, 4, 5],
    [0, 2, 4, 5, 7],
    [0, 3, 4, 4, 4],
    [0, 4, 2, 6, 4],
  ],
};
const EMPLOYMENT = {
  baseline: [0.5, 0.52, 0.48, 0.5],
  programme: [0.53, 0.55, 0.51, 0.54],
  settings: [0.5, 0.53, 0.47, 0.51],
};
type Arm = keyof typeof INCIDENTS;

function fabricate(dir: string, options: { reps?: number; reportWindow?: unknown; currency?: string; experiment?: Record<string, unknown> } = {}): void {
  const reps = options.reps ?? 4;
  const arms: Arm[] = ['baseline', 'programme', 'settings'];
  const runs: object[] = [];
  for (const arm of arms) {
    for (let r = 0; r < reps; r++) {
      const rel = `runs/${arm}/${r + 1}`;
      runs.push({ arm, replication: r + 1, seed: r + 1, dir: rel, scenarioHash: `h-${arm}-${r}`, status: 'done' });
      const runDir = path.join(dir, rel);
      fs.mkdirSync(runDir, { recursive: true });
      fs.writeFileSync(path.join(runDir, 'manifest.json'), JSON.stringify({ format: 'icity-run', scenarioHash: `h-${arm}-${r}`, days: 4 }));
      const lines = ['day,incidents,employment_migrant,spending'];
      for (let d = 0; d <= 4; d++) lines.push([d, INCIDENTS[arm][r][d], d === 0 ? 0.5 : EMPLOYMENT[arm][r], arm === 'programme' && d > 0 ? 250 : 0].join(','));
      fs.writeFileSync(path.join(runDir, 'metrics.csv'), lines.join('\n') + '\n');
    }
  }
  const manifest = {
    format: 'icity-experiment',
    formatVersion: 1,
    name: 'meaning',
    experimentFile: 'meaning.json',
    experimentHash: 'x',
    experiment: { name: 'meaning', description: '', reportWindow: options.reportWindow, ...options.experiment },
    scenarioFile: 'none.json',
    scenario: { name: 'none', population: { residents: 100 }, currency: options.currency ?? 'CAD' },
    arms: [
      { name: 'baseline', label: 'baseline', description: '', set: {}, policies: [] },
      { name: 'programme', label: 'programme', description: '', set: {}, policies: [{ type: 'languageClasses' }] },
      { name: 'settings', label: 'settings', description: '', set: { 'housing.similarityThreshold': 0.3 }, policies: [] },
    ],
    seeds: Array.from({ length: reps }, (_, r) => r + 1),
    days: 4,
    metrics: ['incidents', 'employment_migrant'],
    reportDays: [2, 4],
    threads: { budget: 1, pool: 1, perRun: 1 },
    wallSeconds: 1,
    runs,
    files: {},
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
}

describe('counts are compared as totals over a window', () => {
  const dir = path.join(root, 'totals');
  fabricate(dir);
  const s = summarise(dir);
  const row = (arm: string, metric: string, day: number) => s.rows.find((r) => r.arm === arm && r.metric === metric && r.day === day)!;
  const report = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');

  it('sums incidents since the previous report day, and says so', () => {
    // Baseline days 3..4: 9, 12, 8, 11 -> mean 10; programme: 2, 8, 3, 2 -> 3.75.
    expect(row('baseline', 'incidents', 4)).toMatchObject({ measure: 'total', fromDay: 3, mean: 10 });
    expect(row('programme', 'incidents', 4).mean).toBe(3.75);
    expect(row('baseline', 'incidents', 2)).toMatchObject({ measure: 'total', fromDay: 1, mean: 6.25 });
    expect(row('baseline', 'employment_migrant', 4)).toMatchObject({ measure: 'value', fromDay: 4 });
    expect(report).toMatch(/lowers incidents by 6\.3 \(95% CI 2\.7 to 9\.8\)/);
    expect(report).toMatch(/summed over days 3 to 4, an improvement; the interval excludes zero/);
    expect(report).toContain('Counts (incidents) are compared as totals over a window of days');
  });

  it('sums from day 1 with reportWindow "cumulative", or the last N days', () => {
    const cum = path.join(root, 'cumulative');
    fabricate(cum, { reportWindow: 'cumulative' });
    const c = summarise(cum).rows.find((r) => r.arm === 'baseline' && r.metric === 'incidents' && r.day === 4)!;
    expect(c).toMatchObject({ fromDay: 1, mean: (16 + 18 + 14 + 17) / 4 });
    const last = path.join(root, 'last1');
    fabricate(last, { reportWindow: 1 });
    expect(summarise(last).rows.find((r) => r.arm === 'baseline' && r.metric === 'incidents' && r.day === 4)).toMatchObject({ fromDay: 4, mean: 5.25 });
  });

  it('gives the cost per incident avoided and per percentage point of employment, with an interval and the currency', () => {
    const inc = row('programme', 'incidents', 4);
    expect(inc.costUnit).toBe('incident');
    expect(inc.costPerUnit).toBeCloseTo(1000 / 6.25, 6);
    expect(inc.costPerUnitLow!).toBeLessThan(inc.costPerUnit!);
    expect(inc.costPerUnitHigh!).toBeGreaterThan(inc.costPerUnit!);
    const emp = row('programme', 'employment_migrant', 4);
    expect(emp.costUnit).toBe('percentage point');
    // +3.25 percentage points for 1000: about 308 per point.
    expect(emp.costPerUnit).toBeCloseTo(1000 / 3.25, 3);
    expect(emp.currency).toBe('CAD');
    expect(report).toMatch(/employment_migrant 308 CAD per percentage point \(95% CI \d+ to \d+\)/);
  });

  it('says "not costed" for an arm that changes settings without a policy, and gives no cost per unit', () => {
    for (const r of s.rows.filter((x) => x.arm === 'settings')) {
      expect(r.costed).toBe(false);
      expect(r.costPerUnit).toBeUndefined();
    }
    expect(report).toMatch(/## settings[\s\S]*Cost: not costed\. This arm changes settings without a policy/);
  });

  it('calls an effect whose interval includes zero "no clear effect", never an improvement, and gives it no cost per unit', () => {
    const r = row('settings', 'incidents', 4);
    expect(r.diffLow!).toBeLessThan(0);
    expect(r.diffHigh!).toBeGreaterThan(0);
    expect(report).toMatch(/has no clear effect on incidents summed over days 3 to 4: /);
    expect(report).not.toMatch(/includes zero[^\n]*improvement|improvement[^\n]*includes zero/);
  });

  it('says the intervals cover simulation noise only', () => {
    expect(report).toContain('They cover simulation noise only');
  });
});

describe('replications', () => {
  it('warns at the top of the report when one replication gives no intervals', () => {
    const dir = path.join(root, 'one');
    fabricate(dir, { reps: 1 });
    summarise(dir);
    const report = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(report).toMatch(/^# Experiment "meaning"\n\n> \*\*Warning: 1 replication\.\*\*/);
    expect(report).not.toContain('n − 1 = 0 degrees of freedom');
    expect(report).toContain('in its one replication, which gives no interval');
  });

  it('states the replications that ran when --reps differs from the file', () => {
    const dir = path.join(root, 'reps');
    fabricate(dir, { experiment: { fileReplications: 8 } });
    summarise(dir);
    expect(fs.readFileSync(path.join(dir, 'report.md'), 'utf8')).toContain('the experiment file asks for 8, and this run was given 4 (--reps)');
  });
});

describe('summarise reads run files strictly', () => {
  function damaged(name: string, cell: string): string {
    const dir = path.join(root, name);
    fabricate(dir);
    const file = path.join(dir, 'runs/programme/2/metrics.csv');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const cells = lines[3].split(',');
    cells[2] = cell;
    lines[3] = cells.join(',');
    fs.writeFileSync(file, lines.join('\n'));
    return dir;
  }

  it('refuses an empty, hexadecimal, NaN or overflowing cell, naming the file, line and column', () => {
    for (const [name, cell] of [
      ['empty', ''],
      ['hex', '0x10'],
      ['nan', 'NaN'],
      ['inf', '1e999'],
    ]) {
      const dir = damaged(name, cell);
      expect(() => summarise(dir)).toThrow(InputError);
      expect(() => summarise(dir)).toThrow(
        `${path.join(dir, 'runs/programme/2/metrics.csv')}: line 4, column "employment_migrant": found ${JSON.stringify(cell)}`,
      );
      expect(fs.existsSync(path.join(dir, 'summary.csv'))).toBe(false);
    }
  });

  it('refuses a damaged manifest, naming the file and the field', () => {
    for (const [field, value] of [
      ['seeds', 'x'],
      ['arms', null],
      ['reportDays', [-1]],
    ] as const) {
      const dir = path.join(root, `manifest-${field}`);
      fabricate(dir);
      const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      m[field] = value;
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
      expect(() => summarise(dir)).toThrow(InputError);
      expect(() => summarise(dir)).toThrow(new RegExp(`manifest\\.json: ${field}`));
    }
  });
});
