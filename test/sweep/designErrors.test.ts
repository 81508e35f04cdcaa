import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, tempDir } from '../helpers.ts';
import { writeExperiment } from '../experiment/fixtures.ts';
import { loadExperiment, runScenario } from '../../sim/engine/experiment/loadExperiment.ts';
import { InputError } from '../../sim/engine/inputError.ts';

const dir = tempDir('icity-design-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const grid = (parameters: unknown[]) => (e: Record<string, any>) => {
  e.arms = [];
  e.design = { type: 'grid', parameters };
};

function problems(edit: (e: Record<string, any>) => void): string[] {
  try {
    loadExperiment(writeExperiment(dir, 'bad.json', edit));
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  return [];
}

describe('a design in an experiment file', () => {
  it("makes each point an arm after the baseline, with the experiment's replications and seeds", () => {
    const plan = loadExperiment(
      writeExperiment(
        dir,
        'grid.json',
        grid([
          { path: 'housing.similarityThreshold', values: [0.2, 0.4] },
          { path: 'spaces.school.allport.cooperation', min: 0, max: 1, levels: 3 },
        ]),
      ),
    );
    expect(plan.arms.map((a) => a.name)).toEqual(['baseline', 'p001', 'p002', 'p003', 'p004', 'p005', 'p006']);
    const p005 = plan.arms.find((a) => a.name === 'p005')!;
    expect(p005.scenario.housing.similarityThreshold).toBe(0.4);
    expect(p005.scenario.spaces.school.allport.cooperation).toBe(0.5);
    expect(p005.scenario.population.residents).toBe(2000); // the experiment's own overrides still apply
    expect(p005.set).toEqual({ 'housing.similarityThreshold': 0.4, 'spaces.school.allport.cooperation': 0.5 });
    expect(plan.design!.points).toHaveLength(6);
    // Common random numbers: replication r of every point has the same seed.
    for (const arm of plan.arms) expect(plan.seeds.map((s) => runScenario(arm, s).seed)).toEqual([7, 8]);
  });

  it('keeps hand-written arms beside the points', () => {
    const plan = loadExperiment(
      writeExperiment(
        dir,
        'both.json',
        (e) => (e.design = { type: 'latinHypercube', n: 3, parameters: [{ path: 'housing.similarityThreshold', min: 0.1, max: 0.5 }] }),
      ),
    );
    expect(plan.arms.map((a) => a.name)).toEqual(['baseline', 'allport', 'p001', 'p002', 'p003']);
  });

  it('is part of what identifies the runs: another design seed is another experiment', () => {
    const lhs = (seed: number) => (e: Record<string, any>) =>
      (e.design = { type: 'latinHypercube', n: 3, seed, parameters: [{ path: 'housing.similarityThreshold', min: 0.1, max: 0.5 }] });
    const a = loadExperiment(writeExperiment(dir, 'a.json', lhs(1)));
    expect(loadExperiment(writeExperiment(dir, 'a2.json', lhs(1))).hash).toBe(a.hash);
    expect(loadExperiment(writeExperiment(dir, 'b.json', lhs(2))).hash).not.toBe(a.hash);
  });

  it.each([
    [
      'a path that does not exist, once for the entry',
      grid([{ path: 'housing.similarityTreshold', values: [0.2, 0.4] }]),
      [/^.*bad\.json: design\.parameters\[0\]\.path: found "housing\.similarityTreshold"; unknown field \(did you mean "similarityThreshold"\?\)/],
    ],
    [
      'a listed value out of range',
      grid([{ path: 'housing.similarityThreshold', values: [0.2, 1.4] }]),
      [/bad\.json: design\.parameters\[0\]\.values\[1\]: found 1\.4; must be at most 1/],
    ],
    [
      'the end of a range out of range',
      (e: Record<string, any>) => (e.design = { type: 'morris', trajectories: 2, parameters: [{ path: 'housing.similarityThreshold', min: -0.5, max: 0.5 }] }),
      [/bad\.json: design\.parameters\[0\]\.min: found -0\.5; must be at least 0/],
    ],
    ['a path to the seed', grid([{ path: 'seed', values: [1, 2] }]), [/bad\.json: design\.parameters\[0\]\.path: found "seed"; replications set the seed/]],
    [
      'an arm named like a point',
      (e: Record<string, any>) => {
        e.arms[0].name = 'p001';
        e.design = { type: 'grid', parameters: [{ path: 'housing.similarityThreshold', values: [0.2] }] };
      },
      [/bad\.json: arms\[0\]\.name: found "p001"; names of p and digits belong to the design's points/],
    ],
    [
      'no arm and no design',
      (e: Record<string, any>) => (e.arms = []),
      [/bad\.json: arms: found \[\]; give at least one arm, or a design whose points are the arms/],
    ],
    ['an unknown design type', (e: Record<string, any>) => (e.design = { type: 'sobol', parameters: [] }), [/bad\.json: design\.type: found "sobol"; /]],
  ] as [string, (e: Record<string, any>) => void, RegExp[]][])('refuses %s, naming the design entry', (_what, edit, expected) => {
    const lines = problems(edit);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((re, k) => {
      expect(lines[k]).toMatch(re);
    });
  });

  it('icity experiment exits 2 on a bad design, runs nothing and prints no stack', () => {
    const file = writeExperiment(
      dir,
      'bad-cli.json',
      grid([
        { path: 'housing.similarityThreshold', values: [0.2, 1.4] },
        { path: 'housing.nope', values: [1] },
      ]),
    );
    const out = path.join(dir, 'never');
    const r = icity(['experiment', file, '--out', out]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/bad-cli\.json: design\.parameters\[0\]\.values\[1\]: found 1\.4; must be at most 1/);
    expect(lines[1]).toMatch(/bad-cli\.json: design\.parameters\[1\]\.path: found "housing\.nope"; unknown field; allowed here: similarityThreshold, /);
    expect(fs.existsSync(out)).toBe(false);
  });
});
