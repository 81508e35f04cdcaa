import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { inputProblems, tempDir } from '../helpers.ts';
import { writeExperiment, tree } from './fixtures.ts';
import { loadExperiment } from '../../sim/engine/experiment/loadExperiment.ts';
import { runExperiment } from '../../sim/engine/experiment/runExperiment.ts';
import { summarise } from '../../sim/engine/experiment/summarise.ts';
import { InputError } from '../../sim/engine/inputError.ts';
import { memoryProblem } from '../../sim/engine/memoryEstimate.ts';

const dir = tempDir('icity-trust-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A tiny experiment: 2 arms × 2 replications of 600 residents over 4 days.
const file = writeExperiment(dir, 'tiny.json', (e) => {
  e.set['population.residents'] = 600;
  e.days = 4;
  e.reportDays = ['end'];
});

const refused = (fn: () => unknown) => inputProblems(fn).join('\n');

describe('experiment --set and --days', () => {
  it('shrink every arm like icity run would, and report the days the runs reach', () => {
    const plan = loadExperiment(file, { sets: ['population.residents=400'], days: 3 });
    for (const arm of plan.arms) expect([arm.scenario.population.residents, arm.scenario.days]).toEqual([400, 3]);
    expect(plan.experiment.reportDays).toEqual([3]);
    expect(plan.hash).not.toBe(loadExperiment(file).hash);
  });

  it('refuse an override that does not land on a field, in the arms too', () => {
    expect(refused(() => loadExperiment(file, { sets: ['population.groups.01.language=0.9'] }))).toMatch(
      /--set population\.groups\.01\.language: .*must be an item number/,
    );
    const bad = writeExperiment(dir, 'bad-arm.json', (e) => (e.arms[0].set['population.groups.01.prejudice'] = 0.9));
    expect(refused(() => loadExperiment(bad))).toMatch(/arms\[0\]\.set\.population\.groups\.01\.prejudice: .*must be an item number/);
    expect(refused(() => loadExperiment(file, { sets: ['seed=3'] }))).toMatch(/--set seed: replications set the seed/);
  });
});

describe('a folder that holds more replications', () => {
  it('is not shrunk by a lower --reps: the command refuses and changes nothing', async () => {
    const out = path.join(dir, 'reps');
    await runExperiment(loadExperiment(file, { replications: 3 }), { out, workers: 2 });
    const before = tree(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]);
    await expect(runExperiment(loadExperiment(file, { replications: 2 }), { out, workers: 2 })).rejects.toThrow(
      /--reps 2: .* already holds 3 replications of "small"; give --reps 3/,
    );
    expect(tree(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')])).toEqual(before);
  });
});

describe('a damaged run in a finished experiment', () => {
  it('is run again, not reused: a truncated metrics.csv and an empty frames.bin', async () => {
    const out = path.join(dir, 'damaged');
    const plan = loadExperiment(file);
    await runExperiment(plan, { out, workers: 2 });
    const metrics = path.join(out, 'runs/allport/1/metrics.csv');
    fs.writeFileSync(metrics, fs.readFileSync(metrics, 'utf8').split('\n').slice(0, 3).join('\n'));
    fs.writeFileSync(path.join(out, 'runs/baseline/2/frames.bin'), '');
    const again = await runExperiment(plan, { out, workers: 2 });
    expect([again.ran, again.reused]).toEqual([2, 2]);
    expect(fs.readFileSync(metrics, 'utf8').trim().split('\n')).toHaveLength(6);
    expect(fs.statSync(path.join(out, 'runs/baseline/2/frames.bin')).size).toBeGreaterThan(0);
  });
});

describe('the memory guard of experiments', () => {
  it('refuses far more parallel runs than memory allows, naming the threads as the cause', async () => {
    const out = path.join(dir, 'many');
    const err = await runExperiment(loadExperiment(file, { replications: 100 }), { out, workers: 200, memoryLimit: 2 * 1024 ** 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatch(
      /--workers: 200 threads \(200 runs at once\): this experiment needs about [\d.]+ GB of memory and the limit is 2\.0 GB .*use --workers \d+ or fewer/,
    );
  });

  it('blames the threads of one run, not its city, when they are what does not fit', () => {
    const scenario = loadExperiment(file).base;
    expect(memoryProblem(scenario, 1000, 1, 4 * 1024 ** 3, '85% of this machine')).toMatch(
      /^--workers: 1000 threads: this run needs about [\d.]+ GB .*mostly for the threads' own memory/,
    );
    expect(memoryProblem(scenario, 2, 1, 50 * 1024 ** 2, '--memory-limit')).toMatch(/^population\.residents: found 600; this run needs about/);
    expect(memoryProblem(scenario, 2, 1, 4 * 1024 ** 3, '--memory-limit')).toBeUndefined();
  });
});

describe('a full disk while writing the summary', () => {
  it('names the file, leaves no partial file, and a re-run completes', async () => {
    const out = path.join(dir, 'disk');
    const plan = loadExperiment(file);
    await runExperiment(plan, { out, workers: 2 });
    const write = fs.writeFileSync;
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation((f, data, opts) => {
      if (String(f).includes('report.md')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return write(f, data, opts);
    });
    try {
      expect(() => summarise(out)).toThrow(`cannot write ${path.join(out, 'report.md')}: the disk is full (ENOSPC)`);
    } finally {
      spy.mockRestore();
    }
    expect(tree(out).filter((f) => f.includes('.partial-'))).toEqual([]);
    const again = await runExperiment(plan, { out, workers: 2 });
    expect(again.reused).toBe(4);
    expect(fs.existsSync(path.join(out, 'report.md'))).toBe(true);
  });
});
