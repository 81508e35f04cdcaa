import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';
import { loadExperiment, runHash, runScenario } from '../../sim/engine/experiment/loadExperiment.ts';
import { shareThreads } from '../../sim/engine/experiment/runExperiment.ts';
import { experimentJsonSchema } from '../../sim/engine/experiment/experimentJsonSchema.ts';
import { DEFAULT_METRICS } from '../../scenarios/schema/experiment.ts';
import { INDICATORS } from '../../sim/model/indicators.ts';
import { POLICIES } from '../../sim/policies/registry.ts';
import { writeExperiment } from './fixtures.ts';
import { loadExample } from '../posterior/posteriorFixtures.ts';

const dir = tempDir('icity-load-experiment-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const EXPERIMENTS = path.join(ROOT, 'scenarios', 'experiments');

describe('experiment files', () => {
  it('the committed JSON Schema is the one the zod schema generates (run `npm run schema` after changing it)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'scenarios', 'experiment.schema.json'), 'utf8')).toBe(experimentJsonSchema());
  });

  it('every field in the JSON Schema has a description', () => {
    const missing: string[] = [];
    const walk = (node: any, where: string) => {
      if (!node || typeof node !== 'object') return;
      if (where !== 'experiment' && !node.description && !where.endsWith('[]')) missing.push(where);
      for (const [k, v] of Object.entries<any>(node.properties ?? {})) walk(v, `${where}.${k}`);
      if (node.items) walk(node.items, `${where}[]`);
    };
    walk(JSON.parse(experimentJsonSchema()), 'experiment');
    expect(missing).toEqual([]);
  });

  it('the default metrics are indicators', () => {
    const names = INDICATORS.map((i) => i.name);
    for (const m of DEFAULT_METRICS) expect(names).toContain(m);
  });

  it.each(fs.readdirSync(EXPERIMENTS).filter((f) => f.endsWith('.json') && !f.startsWith('transfer-')))(
    '%s is valid, refers to the schema and says what it asks',
    (f) => {
      const file = path.join(EXPERIMENTS, f);
      const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(raw.$schema).toBe('../experiment.schema.json');
      expect(String(raw.description).length).toBeGreaterThan(80);
      const plan = loadExample(file, dir);
      expect(plan.arms[0].name).toBe('baseline');
      expect(plan.arms.length).toBeGreaterThanOrEqual(2);
    },
  );

  it('default.json compares 10,000 residents over a year, 4 replications, with better contact conditions in schools and workplaces', () => {
    const plan = loadExperiment(path.join(EXPERIMENTS, 'default.json'));
    expect(plan.base.population.residents).toBe(10_000);
    expect(plan.experiment.days).toBe(365);
    expect(plan.seeds).toHaveLength(4);
    const [base, arm] = plan.arms;
    expect(arm.scenario.spaces.school.allport.institutionalSupport).toBeGreaterThan(base.scenario.spaces.school.allport.institutionalSupport);
    expect(arm.scenario.spaces.workplace.allport.institutionalSupport).toBeGreaterThan(base.scenario.spaces.workplace.allport.institutionalSupport);
  });
});

describe('loadExperiment', () => {
  it('fills in the defaults: seeds from the base seed, every 365th day and the end, the headline metrics', () => {
    const file = writeExperiment(dir, 'defaults.json', (e) => {
      e.days = 800;
      delete e.reportDays;
      delete e.metrics;
      e.seed = 40;
      e.replications = 3;
    });
    const plan = loadExperiment(file);
    expect(plan.seeds).toEqual([40, 41, 42]);
    expect(plan.experiment.reportDays).toEqual([365, 730, 800]);
    expect(plan.experiment.metrics).toEqual([...DEFAULT_METRICS]);
    expect(plan.arms.map((a) => a.scenario.days)).toEqual([800, 800]);
  });

  it('takes replications from --reps, and from the seeds listed', () => {
    const file = writeExperiment(dir, 'seeds.json', (e) => {
      delete e.seed;
      delete e.replications;
      e.seeds = [3, 30, 300];
    });
    expect(loadExperiment(file).seeds).toEqual([3, 30, 300]);
    expect(loadExperiment(file, { replications: 2 }).seeds).toEqual([3, 30]);
  });

  it('applies the experiment overrides, then the arm overrides, and sets each replication seed', () => {
    const plan = loadExperiment(writeExperiment(dir, 'order.json', (e) => (e.arms[0].set['population.residents'] = 2500)));
    const [base, arm] = plan.arms;
    expect(base.scenario.population.residents).toBe(2000);
    expect(arm.scenario.population.residents).toBe(2500);
    expect(runScenario(arm, 8).seed).toBe(8);
    expect(runHash(arm, 8)).not.toBe(runHash(arm, 7));
    expect(runHash(arm, 8)).not.toBe(runHash(base, 8));
  });

  it("appends an arm's policies to the scenario's own", () => {
    const type = POLICIES[0].type;
    const plan = loadExperiment(writeExperiment(dir, 'policies.json', (e) => (e.arms[0].policies = [{ type }])));
    expect(plan.arms[0].scenario.policies).toEqual([]);
    expect(plan.arms[1].scenario.policies.map((p) => p.type)).toEqual([type]);
  });

  it('identifies the runs, not how many or how they are reported', () => {
    const a = loadExperiment(writeExperiment(dir, 'a.json'));
    const more = loadExperiment(
      writeExperiment(dir, 'b.json', (e) => {
        e.replications = 5;
        e.metrics = ['language_mean'];
        e.description = 'other words';
      }),
    );
    const other = loadExperiment(writeExperiment(dir, 'c.json', (e) => (e.seed = 8)));
    const changed = loadExperiment(writeExperiment(dir, 'd.json', (e) => (e.arms[0].set['spaces.school.allport.cooperation'] = 0.8)));
    expect(more.hash).toBe(a.hash);
    expect(other.hash).not.toBe(a.hash);
    expect(changed.hash).not.toBe(a.hash);
  });
});

describe('shareThreads', () => {
  it('gives whole runs the threads first, and only a larger budget to threads inside each run', () => {
    expect(shareThreads(2, 8)).toEqual({ pool: 2, perRun: 1 });
    expect(shareThreads(8, 2)).toEqual({ pool: 2, perRun: 4 });
    expect(shareThreads(7, 3)).toEqual({ pool: 3, perRun: 2 });
    expect(shareThreads(1, 5)).toEqual({ pool: 1, perRun: 1 });
    expect(shareThreads(4, 0)).toEqual({ pool: 1, perRun: 4 });
  });
});
