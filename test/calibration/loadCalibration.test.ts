import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, inputProblems, tempDir } from '../helpers.ts';
import { planCalibration } from '../../sim/engine/calibration/loadCalibration.ts';
import { calibrationInput, writeCalibration } from './fixtures.ts';
import { implausibility, estimate, combined } from '../../sim/engine/calibration/implausibility.ts';
import { fromUnit, toUnit } from '../../sim/engine/calibration/parameterScale.ts';
import { refocusedBox, wavePoints } from '../../sim/engine/calibration/waveDesign.ts';

const dir = tempDir('icity-calibration-load-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const FILE = path.join(dir, 'cal.json');

describe('calibration files', () => {
  it('resolves the defaults of the parameters from the scenario', () => {
    const plan = planCalibration(FILE, calibrationInput());
    expect(plan.defaults).toEqual([plan.base.contact.positiveEffect]);
    expect(plan.base.days).toBe(20);
    expect(plan.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file, field path, value and what is allowed', () => {
    const problems = inputProblems(() =>
      planCalibration(
        FILE,
        calibrationInput((c) => {
          c.parameters[0].max = 0.0001;
          c.targets[0].arm = 'nowhere';
        }),
      ),
    );
    expect(problems.join('\n')).toMatch(/cal\.json: parameters\[0\]\.max: .*greater than min/);
    expect(problems.join('\n')).toMatch(/cal\.json: targets\[0\]\.arm: .*unknown arm/);
  });

  it('refuses a parameter that is not a number of the scenario, and a value the scenario refuses', () => {
    const notThere = inputProblems(() =>
      planCalibration(
        FILE,
        calibrationInput((c) => void (c.parameters[0].path = 'contact.nothing')),
      ),
    );
    expect(notThere.join('\n')).toMatch(/parameters\[0\]\.path: found "contact\.nothing", which is not a field of the scenario/);
    const outOfRange = inputProblems(() =>
      planCalibration(
        FILE,
        calibrationInput((c) => void (c.parameters[0].max = 5)),
      ),
    );
    expect(outOfRange.join('\n')).toMatch(/parameters\[0\]\.max/);
  });

  it('refuses a budget too small for two points a wave, and a target day after the end', () => {
    expect(
      inputProblems(() =>
        planCalibration(
          FILE,
          calibrationInput((c) => void (c.runs = 7)),
        ),
      ).join('\n'),
    ).toMatch(/runs: found 7; .*at least 8/);
    expect(
      inputProblems(() =>
        planCalibration(
          FILE,
          calibrationInput((c) => void ((c.targets[0] as { day: number }).day = 30)),
        ),
      ).join('\n'),
    ).toMatch(/targets\[0\]\.day/);
  });

  it('exits 2 from the command line with the problem and writes nothing', () => {
    const file = writeCalibration(dir, 'bad.json', (c) => void (c.waves = 0));
    const out = path.join(dir, 'out-bad');
    const r = icity(['calibrate', file, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: waves: /);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('history matching arithmetic', () => {
  it('implausibility is the distance in sd of observation, discrepancy and ensemble', () => {
    const e = estimate([0.3, 0.5]);
    expect(e.mean).toBeCloseTo(0.4);
    expect(e.variance).toBeCloseTo(0.02);
    // sqrt(0.01 + 0.0004 + 0.02 * 1.5) = sqrt(0.0404)
    expect(implausibility({ value: 0.6, sd: 0.1, discrepancy: 0.02 }, e)).toBeCloseTo(0.2 / Math.sqrt(0.0404));
    expect(implausibility({ value: 0, sd: 1, discrepancy: 0 }, estimate([Number.NaN, 1]))).toBe(Number.POSITIVE_INFINITY);
    expect(combined([1, 4, 2], 'max')).toBe(4);
    expect(combined([1, 4, 2], 'second-max')).toBe(2);
  });

  it('log scales map the unit interval onto orders of magnitude', () => {
    const p = { min: 0.001, max: 0.1, scale: 'log' as const };
    expect(fromUnit(p, 0.5)).toBeCloseTo(0.01);
    expect(toUnit(p, 0.01)).toBeCloseTo(0.5);
  });

  it('refocuses on the plausible points, padded and clipped to the prior, and samples inside', () => {
    const box = refocusedBox(
      [
        [0.4, 0],
        [0.6, 0.1],
      ],
      2,
    );
    expect(box.low[0]).toBeCloseTo(0.38);
    expect(box.high[0]).toBeCloseTo(0.62);
    expect(box.low[1]).toBe(0);
    const points = wavePoints(10, box, 1, 2);
    for (const u of points) {
      expect(u[0]).toBeGreaterThanOrEqual(box.low[0]);
      expect(u[0]).toBeLessThanOrEqual(box.high[0]);
    }
    expect(wavePoints(10, box, 1, 2)).toEqual(points);
  });
});
