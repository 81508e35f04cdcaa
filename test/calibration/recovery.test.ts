import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { planCalibration } from '../../sim/engine/calibration/loadCalibration.ts';
import { runCalibration } from '../../sim/engine/calibration/runCalibration.ts';
import { RunTables, targetValue } from '../../sim/engine/calibration/targetMeasures.ts';
import { armScenario } from '../../sim/engine/experiment/armScenario.ts';
import { runCity } from '../../sim/engine/runCity.ts';
import type { Target } from '../../scenarios/schema/calibration.ts';
import { calibrationInput } from './fixtures.ts';

const dir = tempDir('icity-calibration-recovery-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The parameters the synthetic data are simulated with, which the calibration does not see. */
const KNOWN: Record<string, number> = { 'contact.positiveEffect': 0.006, 'contact.baseNegative': 0.08 };
const DAYS = 30;
/** Seeds of the synthetic "observations", apart from the calibration's own (1, 2). */
const DATA_SEEDS = [101, 102];

/** The 5% and 95% quantiles (linear interpolation between order statistics). */
function range90(xs: number[]): [number, number] {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
  };
  return [q(0.05), q(0.95)];
}

describe('recovery of known parameters', () => {
  it('puts the parameters that simulated the data inside the 90% ranges of the posterior', async () => {
    const input = calibrationInput((c) => {
      c.days = DAYS;
      c.parameters = [
        { path: 'contact.positiveEffect', min: 0.001, max: 0.03, scale: 'log' },
        { path: 'contact.baseNegative', min: 0.01, max: 0.3, scale: 'log' },
      ];
      c.targets = [
        { type: 'metric', name: 'prejudice_host', metric: 'prejudice_host', day: DAYS, value: 0, sd: 1, source: 'simulated' },
        { type: 'metric', name: 'negative_share', metric: 'negative_share', day: DAYS, value: 0, sd: 1, source: 'simulated' },
      ];
      c.set = { ...c.set, 'population.residents': 400 };
      c.runs = 24;
      c.waves = 2;
    });
    const file = path.join(dir, 'recovery.json');
    const probe = planCalibration(file, input);

    // The synthetic data: the scenario with the known parameters, the mean of two seeds; sd 10% of the value.
    const known = armScenario(
      file,
      probe.scenarioFile,
      probe.rawScenario,
      [
        ...probe.baseOverrides,
        ...Object.entries(KNOWN).map(([key, value]) => ({ key, value, where: key })),
        { key: 'record.frames', value: false, where: 'test' },
      ],
      [],
      '',
    );
    const observed = input.targets.map((t) => {
      const values = DATA_SEEDS.map((seed) => {
        const out = path.join(dir, `data-${seed}`);
        if (!fs.existsSync(out)) runCity({ ...known, seed }, { out, progress: false });
        return targetValue(t as Target, new RunTables(), () => out, 'host');
      });
      return values.reduce((a, b) => a + b, 0) / values.length;
    });
    input.targets.forEach((t, k) => {
      t.value = observed[k];
      t.sd = Math.abs(observed[k]) * 0.1;
    });

    const plan = planCalibration(file, input);
    const result = await runCalibration(plan, { out: path.join(dir, 'out'), workers: 2 });
    expect(result.complete).toBe(true);
    const rows = fs
      .readFileSync(path.join(dir, 'out', 'posterior.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(rows[0]).toBe('contact.positiveEffect,contact.baseNegative,weight');
    const posterior = rows.slice(1).map((r) => r.split(',').map(Number));
    expect(posterior.length).toBeGreaterThanOrEqual(3);
    plan.calibration.parameters.forEach((p, j) => {
      const [low, high] = range90(posterior.map((row) => row[j]));
      expect(KNOWN[p.path], `${p.path}: 90% range ${low} to ${high}`).toBeGreaterThanOrEqual(low);
      expect(KNOWN[p.path], `${p.path}: 90% range ${low} to ${high}`).toBeLessThanOrEqual(high);
    });
    // The posterior is narrower than the prior for the parameter the data pin down most.
    const [low, high] = range90(posterior.map((row) => row[1]));
    expect(Math.log(high / low)).toBeLessThan(0.5 * Math.log(0.3 / 0.01));
  }, 180_000);
});
