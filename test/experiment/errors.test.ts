import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectRefused, icity, inputProblems, tempDir } from '../helpers.ts';
import { writeExperiment } from './fixtures.ts';
import { loadExperiment } from '../../sim/engine/experiment/loadExperiment.ts';

const dir = tempDir('icity-experiment-errors-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The four kinds of mistake run through the real command; the rest through loadExperiment.
const CLI = new Set(['an unknown field (a typo)', 'an unknown metric', 'a bad arm override', 'a missing scenario file']);

const cases: [string, (e: Record<string, any>) => void, RegExp][] = [
  [
    'an unknown field (a typo)',
    (e) => (e.replicatons = 3),
    /bad\.json: replicatons: unknown field \(did you mean "replications"\?\); allowed here: \$schema, name,/,
  ],
  [
    'an unknown metric',
    (e) => (e.metrics = ['language_mean', 'happiness']),
    /bad\.json: metrics\[1\]: found "happiness"; allowed: "population", .*"language_mean"/,
  ],
  [
    'a bad arm override',
    (e) => (e.arms[0].set['spaces.school.allport.cooperation'] = 3),
    /bad\.json: arms\[0\]\.set\.spaces\.school\.allport\.cooperation: found 3; must be at most 1/,
  ],
  [
    'an arm override of an unknown field',
    (e) => (e.arms[0].set['spaces.school.alport.cooperation'] = 1),
    /bad\.json: arms\[0\]\.set\.spaces\.school\.alport\.cooperation: spaces\.school\.alport: unknown field \(did you mean "allport"\?\)/,
  ],
  ['a bad experiment-wide override', (e) => (e.set['city.density'] = 2), /bad\.json: set\.city\.density: found 2; must be at most 1/],
  [
    'an arm that sets the seed',
    (e) => (e.arms[0].set.seed = 3),
    /bad\.json: arms\[0\]\.set\.seed: replications set the seed; use the experiment's "seed" or "seeds"/,
  ],
  ['a bad arm policy', (e) => (e.arms[0].policies = [{ type: 'noSuchPolicy' }]), /bad\.json: arms\[0\]\.policies\[0\](\.type)?: /],
  ['a missing scenario file', (e) => (e.scenario = 'nope.json'), /bad\.json: scenario: .*nope\.json: cannot read the file \(no such file\)/],
  ['two arms with one name', (e) => e.arms.push({ ...e.arms[0] }), /bad\.json: arms\[1\]\.name: found "allport"; another arm has this name/],
  ['an arm named baseline', (e) => (e.arms[0].name = 'baseline'), /bad\.json: arms\[0\]\.name: found "baseline"; "baseline" is the name of the baseline arm/],
  ['a report day after the end', (e) => (e.reportDays = [10, 30]), /bad\.json: reportDays\[1\]: found 30; the runs last 20 days/],
  [
    'an arm that records every 7 days',
    (e) => (e.arms[0].set['record.every'] = 7),
    /bad\.json: arms\[0\]\.set\.record\.every: found 7; an experiment records every day \(1\)/,
  ],
  ['both seed and seeds', (e) => (e.seeds = [1, 2]), /bad\.json: seeds: found \[1,2\]; give seed or seeds, not both/],
];

describe('icity experiment with a bad experiment file', () => {
  it.each(cases.filter(([what]) => CLI.has(what)))('rejects %s with exit 2 and a clear line, runs nothing', (_what, edit, expected) => {
    const file = writeExperiment(dir, 'bad.json', edit);
    const out = path.join(dir, 'out');
    expectRefused(['experiment', file, '--out', out], out, expected);
  });

  it.each(cases.filter(([what]) => !CLI.has(what)))('rejects %s with a clear line', (_what, edit, expected) => {
    const file = writeExperiment(dir, 'bad.json', edit);
    expect(inputProblems(() => loadExperiment(file)).join('\n')).toMatch(expected);
  });

  it('reports every problem of the arms, one line each', () => {
    const file = writeExperiment(dir, 'many.json', (e) => {
      e.arms[0].set['spaces.school.allport.cooperation'] = 3;
      e.arms.push({ name: 'other', set: { 'housing.similarityThreshold': -1 } });
    });
    const lines = icity(['experiment', file]).stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/arms\[0\]\.set\.spaces\.school\.allport\.cooperation: found 3/);
    expect(lines[1]).toMatch(/arms\[1\]\.set\.housing\.similarityThreshold: found -1/);
  });

  it('refuses bad flags with exit 2', () => {
    const file = writeExperiment(dir, 'good.json');
    for (const [args, expected] of [
      [['--reps', '0'], /--reps: found "0"; expected a whole number from 1/],
      [['--workers', 'many'], /--workers: found "many"/],
      [['--colour', 'red'], /unknown flag --colour/],
    ] as [string[], RegExp][]) {
      const r = icity(['experiment', file, ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(expected);
    }
    expect(icity(['experiment']).stderr).toMatch(/expected one experiment file, found 0/);
  });

  it('refuses --reps beyond the seeds listed', () => {
    const file = writeExperiment(dir, 'seeds.json', (e) => {
      delete e.seed;
      e.seeds = [5, 9];
    });
    const r = icity(['experiment', file, '--reps', '3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--reps: found 3; .*seeds\.json lists 2 seeds, so at most 2 replications/);
  });

  it('refuses an output folder that holds something else', () => {
    const file = writeExperiment(dir, 'good.json');
    const out = path.join(dir, 'occupied');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const r = icity(['experiment', file, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not empty and holds no experiment \(no manifest\.json\)/);
    expect(fs.readdirSync(out)).toEqual(['notes.txt']);
  });
});
