import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';
import { EXAMPLE_POSTERIOR, loadExample } from './posteriorFixtures.ts';

const dir = tempDir('icity-posterior-examples-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const EXPERIMENTS = path.join(ROOT, 'scenarios', 'experiments');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(EXPERIMENTS, f), 'utf8'));
const overPosterior = fs.readdirSync(EXPERIMENTS).filter((f) => f.endsWith('.json') && read(f).parameters);

describe("the example experiments over the default city's posterior", () => {
  it('are the posterior variants of all-together, language-classes and diploma-recognition-speed', () => {
    expect(overPosterior.sort()).toEqual(['all-together-posterior.json', 'diploma-recognition-speed-posterior.json', 'language-classes-posterior.json']);
  });

  it.each(overPosterior)("%s reads the posterior of the default city's calibration, with 2 seeds per draw", (f) => {
    const e = read(f);
    expect(path.resolve(EXPERIMENTS, e.parameters.posterior)).toBe(EXAMPLE_POSTERIOR);
    expect(e.parameters.seedsPerDraw).toBeGreaterThanOrEqual(2);
    expect(e.description).toMatch(/posterior/);
  });

  it.each(overPosterior)('%s is valid over a posterior of those columns, and every arm of a replication runs its draw', (f) => {
    const plan = loadExample(path.join(EXPERIMENTS, f), dir);
    const e = read(f);
    expect(plan.seeds).toHaveLength(e.parameters.draws * e.parameters.seedsPerDraw);
    for (const arm of plan.arms) {
      expect(arm.byDraw).toHaveLength(e.parameters.draws);
      expect(arm.byDraw!.map((s) => s.contact.positiveEffect)).toEqual(plan.posterior!.draws.map((d) => d.values['contact.positiveEffect']));
    }
  });

  it.each([
    ['all-together-posterior.json', 'all-together.json'],
    ['language-classes-posterior.json', 'language-classes.json'],
    ['diploma-recognition-speed-posterior.json', 'diploma-recognition-speed.json'],
  ])('%s has the scenario, settings and arms of %s', (variant, original) => {
    const pick = ({ scenario, set, days, seed, baseline, arms, metrics, reportDays }: Record<string, unknown>) => ({
      scenario,
      set,
      days,
      seed,
      baseline,
      arms,
      metrics,
      reportDays,
    });
    expect(pick(read(variant))).toEqual(pick(read(original)));
  });
});
