import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExperiment } from '../../sim/engine/experiment/loadExperiment.ts';
import { runExperiment } from '../../sim/engine/experiment/runExperiment.ts';
import { Simulation } from '../../sim/engine/simulation.ts';
import { NONE, SpaceKind } from '../../sim/model/spaceTypes.ts';
import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { ROOT, scenarioFrom, tempDir } from '../helpers.ts';
import { loadExample, withFixturePosterior } from '../posterior/posteriorFixtures.ts';

/**
 * The scenario library: the cities of the UN roundtable report and their experiments.
 * test/scenarios/scenarios.test.ts already checks that every scenario file parses, refers to
 * the schema, describes itself and runs a few days at 1,500 residents; this file checks what
 * each city scenario is meant to represent, and that every experiment file loads and runs.
 */

const SCENARIOS = path.join(ROOT, 'scenarios');
const EXPERIMENTS = path.join(SCENARIOS, 'experiments');
const scenarioFiles = fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
// Transfer experiments are checked in test/transfer/.
const experimentFiles = fs.readdirSync(EXPERIMENTS).filter((f) => f.endsWith('.json') && !f.startsWith('transfer-'));
// Experiments over the default city's posterior are checked over a fixture posterior.
const fixtures = tempDir('icity-library-posteriors-');
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

type PolicyOf = Scenario['policies'][number] & Record<string, unknown>;
const policiesOf = (s: Scenario) => s.policies as PolicyOf[];
const ofType = (s: Scenario, type: string) => policiesOf(s).filter((p) => p.type === type);
const migrants = (s: Scenario) => s.population.groups.filter((g) => !g.host);
const migrantShare = (s: Scenario) => migrants(s).reduce((a, g) => a + g.share, 0);

/** The city scenarios of the report and what each must contain to represent its city. */
const CITIES: Record<string, (s: Scenario) => void> = {
  'turin.json': (s) => {
    expect(migrantShare(s)).toBeCloseTo(0.11, 2);
    for (const origin of ['romania', 'morocco', 'peru', 'china', 'albania', 'nigeria', 'egypt'])
      expect(s.population.groups.map((g) => g.name)).toContain(origin);
    expect(migrants(s).every((g) => g.arrivalRate > 0)).toBe(true);
    expect(ofType(s, 'neighbourhoodRenewal')).toHaveLength(1);
  },
  'sao-paulo.json': (s) => {
    expect(migrants(s).length).toBeGreaterThanOrEqual(15);
    expect(migrantShare(s)).toBeCloseTo(0.03, 3);
    expect(Math.max(...migrants(s).map((g) => g.share))).toBeLessThan(0.01);
    expect(ofType(s, 'complaintsCoordinator')).toHaveLength(1);
    expect(ofType(s, 'serviceOutreach')).toHaveLength(1);
  },
  'cardiff.json': (s) => {
    const waves = s.timeline.filter((e) => e.type === 'arrivalWave');
    expect(waves).toHaveLength(1);
    const asylum = s.population.groups.find((g) => g.name === (waves[0] as { group: string }).group)!;
    expect(asylum.language).toBeLessThanOrEqual(0.2);
    expect(asylum.employment).toBe(0);
    const [classes] = ofType(s, 'languageClasses');
    expect(classes).toMatchObject({ civic: true, target: [asylum.name] });
    expect(classes.hireGraduates).toBeGreaterThan(0);
  },
  'duisburg-marxloh.json': (s) => {
    expect(Math.max(...migrants(s).map((g) => g.share))).toBeGreaterThanOrEqual(0.25);
    expect(s.city.clustering).toBeGreaterThanOrEqual(0.8);
    expect(ofType(s, 'sharedWorship')).toMatchObject([{ participatory: true }]);
  },
  'danish-town.json': (s) => {
    expect(s.population.residents).toBeLessThanOrEqual(20_000);
    expect(ofType(s, 'mobilityCourse')).toMatchObject([{ womenOnly: true }]);
  },
  'queens.json': (s) => {
    expect(migrants(s).length).toBeGreaterThanOrEqual(10);
    expect(migrantShare(s)).toBeGreaterThan(0.4);
    expect(policiesOf(s)[0].type).toBe('taskForce');
    expect(policiesOf(s).length).toBeGreaterThanOrEqual(3);
  },
  'southern-us-county.json': (s) => {
    expect(migrantShare(s)).toBeLessThanOrEqual(0.03);
    expect(s.days).toBeGreaterThanOrEqual(3650);
    // Arrivals over the run of at least three times the initial immigrant population.
    const arrivals = migrants(s).reduce((a, g) => a + g.arrivalRate, 0) * (s.days / 365);
    expect(arrivals).toBeGreaterThan(2 * migrantShare(s));
    expect(ofType(s, 'welcomingCampaign')).toHaveLength(1);
  },
  'teaching.json': (s) => {
    expect(s.population.groups).toHaveLength(2);
    expect(s.population.residents * s.days).toBeLessThanOrEqual(2_000_000);
  },
};

describe('the scenario library', () => {
  it('has every city scenario of the report', () => {
    for (const file of Object.keys(CITIES)) expect(scenarioFiles).toContain(file);
  });

  it.each(Object.keys(CITIES))('%s represents its city and says it is scaled or stylised', (file) => {
    const s = scenarioFrom(file);
    // Sao Paulo is the one city at its real size (the scale the engine is benchmarked at).
    expect(s.population.residents).toBeLessThanOrEqual(file === 'sao-paulo.json' ? 12_000_000 : 200_000);
    expect(s.description).toMatch(/scaled|stylised/i);
    CITIES[file](s);
  });

  it.each(Object.keys(CITIES).filter((f) => f !== 'teaching.json'))('%s has an experiment that asks its question', (file) => {
    const bases = experimentFiles.map((f) => loadExample(path.join(EXPERIMENTS, f), fixtures).scenarioFile);
    expect(bases).toContain(path.join(SCENARIOS, file));
  });

  it("turin.json renews the central district, where the city's market stands", () => {
    const s = scenarioFrom('turin.json');
    const [renewal] = ofType(s, 'neighbourhoodRenewal');
    const sim = new Simulation(s);
    const { spaces, sizes } = sim.world;
    const markets: number[] = [];
    for (let k = 0; k < sizes.spaces; k++) if (spaces.type[k] === SpaceKind.market) markets.push(spaces.district[k]);
    expect(markets).toEqual(renewal.districts);
    // The central district of a 3 x 3 city.
    expect(renewal.districts).toEqual([4]);
    sim.close();
  });

  /** Runs a scenario to its end at a small size and returns its migrant share and population by day. */
  function trajectory(file: string, residents: number): { share: number[]; population: number[] } {
    const sim = new Simulation(scenarioFrom(file, { 'population.residents': residents }));
    const share: number[] = [];
    const population: number[] = [];
    for (;;) {
      const today = sim.indicators();
      share.push(today.migrant_share);
      population.push(today.population);
      if (sim.day === sim.scenario.days) break;
      sim.advance();
    }
    sim.close();
    return { share, population };
  }

  it("turin.json's foreign residents rise like the data: 11% in 2007, 15% in 2017, 15.8% in 2023", () => {
    const { share } = trajectory('turin.json', 2000);
    expect(share).toHaveLength(5845);
    expect(share[0]).toBeGreaterThan(0.09);
    expect(share[0]).toBeLessThan(0.13);
    expect(share[3652]).toBeGreaterThan(0.13);
    expect(share[3652]).toBeLessThan(0.17);
    expect(share[5844]).toBeGreaterThan(0.14);
    expect(share[5844]).toBeLessThan(0.18);
    expect(share[5844] - share[0]).toBeGreaterThan(0.03);
    // The rise slows: more in the first ten years than in the last six, per year.
    expect((share[3652] - share[0]) / 10).toBeGreaterThan((share[5844] - share[3652]) / 6);
  });

  it("southern-us-county.json's immigrant population grows 300-400% or so in ten years", () => {
    const { share, population } = trajectory('southern-us-county.json', 3000);
    const growth = (share[3650] * population[3650]) / (share[0] * population[0]);
    expect(growth).toBeGreaterThan(3);
    expect(growth).toBeLessThan(6);
  });

  it("duisburg-marxloh.json's meeting centre is within reach of every district", () => {
    const sim = new Simulation(scenarioFrom('duisburg-marxloh.json', { 'population.residents': 3000 }));
    expect(Array.from(sim.world.lookup.centreOf).every((c) => c !== NONE)).toBe(true);
    sim.close();
  });
});

describe('experiment files', () => {
  const dir = tempDir('icity-library-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /**
   * A copy of an experiment file in the temp folder at a tiny size: 1,500 residents, a few
   * days (past the last timeline event, which must fall within the run), one replication,
   * reported at the end; the scenario path made absolute.
   */
  function tiny(file: string): { copy: string; days: number } {
    const original = loadExample(path.join(EXPERIMENTS, file), dir);
    const lastEvent = Math.max(0, ...original.arms.flatMap((a) => a.scenario.timeline.map((e) => e.day)));
    const days = Math.max(6, lastEvent + 2);
    // Over a posterior: the fewest replications it allows, 2 draws of one seed each.
    const e = withFixturePosterior(path.join(EXPERIMENTS, file), dir, (e) => e.parameters && Object.assign(e.parameters, { draws: 2, seedsPerDraw: 1 }));
    e.scenario = path.resolve(EXPERIMENTS, e.scenario);
    e.set = { ...e.set, 'population.residents': 1500 };
    e.days = days;
    if (!e.parameters) e.replications = 1;
    e.reportDays = ['end'];
    delete e.$schema;
    const copy = path.join(dir, file);
    fs.writeFileSync(copy, JSON.stringify(e, null, 2));
    return { copy, days };
  }

  it.each(experimentFiles)('%s says what it asks, loads, and every arm differs from the baseline', (file) => {
    const raw = JSON.parse(fs.readFileSync(path.join(EXPERIMENTS, file), 'utf8'));
    expect(raw.$schema).toBe('../experiment.schema.json');
    expect(String(raw.description).length).toBeGreaterThan(80);
    const plan = loadExample(path.join(EXPERIMENTS, file), fixtures);
    expect(plan.arms.length).toBeGreaterThanOrEqual(2);
    const key = (s: Scenario) => JSON.stringify({ ...s, seed: 0 });
    const baseline = key(plan.arms[0].scenario);
    for (const arm of plan.arms.slice(1)) expect(key(arm.scenario), arm.name).not.toBe(baseline);
  });

  it.each(experimentFiles)('%s runs one replication (two draws over a posterior) at 1,500 residents for a few days', async (file) => {
    const { copy, days } = tiny(file);
    const plan = loadExperiment(copy);
    const out = path.join(dir, 'out', path.basename(file, '.json'));
    const result = await runExperiment(plan, { out, workers: 2, progress: false });
    expect(result.failed).toEqual([]);
    expect(result.ran).toBe(plan.arms.length * plan.seeds.length);
    const rows = result.summary!.rows;
    expect(rows).toHaveLength(plan.arms.length * plan.experiment.metrics.length);
    for (const row of rows) {
      expect(row.day).toBe(days);
      expect(Number.isFinite(row.mean)).toBe(true);
      expect(row.diff === undefined).toBe(row.arm === 'baseline');
    }
    const metrics = fs
      .readFileSync(path.join(out, 'runs', 'baseline', '1', 'metrics.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(metrics).toHaveLength(days + 2);
    expect(metrics[1].split(',')[metrics[0].split(',').indexOf('population')]).toBe('1500');
  });
});
