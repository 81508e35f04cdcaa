import { describe, expect, it } from 'vitest';
import { runConfiguration } from '../../bench/full/runConfiguration.ts';
import { stateBytes } from '../../bench/full/stateBytes.ts';
import { runEngine } from '../../bench/schelling/engine.ts';
import { runReference } from '../../bench/schelling/reference.ts';
import { runSchelling, schellingRunners, type SchellingCell } from '../../bench/schellingSuite.ts';
import { endToEndTargets, fullModelTargets, schellingTargets } from '../../bench/targets.ts';
import { performanceMarkdown } from '../../bench/markdown.ts';
import { replaceBetweenMarkers } from '../../bench/readmeSection.ts';
import { benchPlan, runBench } from '../../bench/run.ts';
import { median } from '../../bench/median.ts';
import { loadScenario } from '../../sim/engine/loadScenario.ts';
import { buildCity } from '../../sim/policies/spaceRequests.ts';
import type { FullResult } from '../../bench/full/runConfiguration.ts';
import type { SchellingParams } from '../../bench/schelling/contract.ts';
import { ROOT } from '../helpers.ts';

const params = (size: number, threshold: number, steps: number): SchellingParams => ({ width: size, height: size, density: 0.9, threshold, steps, seed: 3 });

describe('the full-model benchmark', () => {
  it('runs a configuration in its own process and reports its wall time, rate and peak memory', () => {
    const r = runConfiguration({ residents: 2000, days: 3, workers: 1, frames: true, repeats: 2 });
    expect(r.samples).toHaveLength(2);
    for (const s of r.samples) {
      expect(s.runSeconds).toBeGreaterThan(0);
      // The whole command includes starting Node and loading the sources, so it is longer than the run.
      expect(s.commandSeconds).toBeGreaterThan(s.runSeconds);
      expect(s.maxRssBytes).toBeGreaterThan(10e6);
      expect(s.cpuSeconds).toBeGreaterThan(0);
      expect(s.probeBefore).toBeGreaterThan(0);
    }
    expect(r.commandSeconds).toBeCloseTo(median(r.samples.map((s) => s.commandSeconds)), 12);
    expect(r.residentDaysPerSecond).toBeCloseTo((2000 * 3) / r.commandSeconds, 6);
  });

  it('counts the bytes of the resident arrays per resident', () => {
    const s = stateBytes(2000);
    const { world } = buildCity(loadScenario(`${ROOT}/scenarios/default.json`, ['population.residents=2000']));
    const bytes = Object.values(world.residents).reduce((sum, a) => sum + a.byteLength, 0);
    expect(s.residentBytes).toBe(bytes);
    expect(s.residentBytesPerResident).toBeCloseTo(bytes / world.sizes.residentCapacity, 9);
    expect(s.sharedBytesPerResident).toBeGreaterThan(s.residentBytesPerResident);
  });
});

describe('our engine as a Schelling peer', () => {
  it('builds the W x W grid and makes the same first-step moves as the hand-written loop', () => {
    for (const threshold of [0.3, 0.5]) {
      const ours = runEngine(params(40, threshold, 1), { workers: 1, census: false });
      const loop = runReference(params(40, threshold, 1));
      expect(ours.grid).toEqual({ width: 40, height: 40 });
      expect(ours.residents).toBe(Math.round(0.9 * 40 * 40));
      expect(ours.initialPercentSimilar).toBe(loop.initialPercentSimilar);
      // Same layout, same rule: the residents unhappy at the start are the same ones.
      expect(ours.moves).toBe(loop.moves);
      expect(ours.moves).toBeGreaterThan(0);
    }
  });

  it('gives the same outcome on 2 threads and with the census, whose percent_similar is the shared metric', () => {
    const step1 = runEngine(params(30, 0.5, 5), { workers: 1, census: false });
    const census2 = runEngine(params(30, 0.5, 5), { workers: 2, census: true });
    expect(census2.moves).toBe(step1.moves);
    expect(census2.percentSimilar).toBe(step1.percentSimilar);
    expect(census2.percentSimilar).toBeGreaterThan(step1.initialPercentSimilar);
    expect(census2.indicatorPercentSimilar).toBeCloseTo(census2.percentSimilar, 9);
  });
});

describe('the Schelling comparison', () => {
  it('runs every runner at a small size from the same layout', () => {
    const runners = schellingRunners();
    const cells = runSchelling({
      sizes: [20],
      thresholds: [0.5],
      steps: 3,
      seed: 1,
      density: 0.9,
      repeats: 1,
      slowRepeats: 1,
      slowSize: 1000,
      maxSeconds: 60,
      warmUpSize: 10,
      runners,
    });
    expect(cells.map((c) => c.runner)).toEqual(runners.map((r) => r.id));
    for (const c of cells) {
      expect(c.residents).toBe(360);
      expect(c.stepsRun).toBe(3);
      expect(c.updatesPerSecond).toBeGreaterThan(0);
      expect(c.updatesPerCpuSecond).toBeGreaterThan(0);
      expect(c.initialPercentSimilar).toBe(cells[0].initialPercentSimilar);
    }
  });
});

function cell(runner: string, size: number, threshold: number, updatesPerCpuSecond: number): SchellingCell {
  // Wall-clock rates a third of the CPU rates, as on a loaded machine: the targets must not depend on them.
  const updatesPerSecond = updatesPerCpuSecond / 3;
  return {
    runner,
    size,
    threshold,
    updatesPerSecond,
    updatesPerCpuSecond,
    residents: 1,
    repeats: 1,
    stepSeconds: 1,
    stepsRun: 20,
    setupSeconds: 0,
    moves: 0,
    initialPercentSimilar: 50,
    percentSimilar: 80,
    unhappyShare: 0,
    samples: [],
  };
}

describe('targets', () => {
  it('judge the engine against flocc and the hand-written loop per CPU-second, at the worst threshold', () => {
    const cells = [0.3, 0.5].flatMap((t) => [
      cell('icity-step-1', 300, t, t === 0.3 ? 30e6 : 18e6),
      cell('flocc', 300, t, 2e6),
      cell('reference', 300, t, 40e6),
    ]);
    const [flocc300, flocc1000, loop300] = schellingTargets(cells);
    expect(flocc300.met).toBe(false); // 18 / 2 = 9x at threshold 0.5
    expect(flocc300.margin).toContain('9.00×');
    expect(flocc1000.met).toBeNull();
    expect(loop300.met).toBe(false); // 40 / 18 = 2.2x slower
    const engine = cells.find((c) => c.runner === 'icity-step-1' && c.threshold === 0.5)!;
    engine.updatesPerSecond = 25e6;
    expect(schellingTargets(cells)[0].met).toBe(false); // judged per CPU-second, not by the wall clock
    engine.updatesPerCpuSecond = 30e6; // 40 / 30 = 1.33x slower than the loop, 15x flocc
    expect(
      schellingTargets(cells)
        .slice(0, 3)
        .map((t) => t.met),
    ).toEqual([true, null, true]);
  });

  it('judge the year at a million residents, the speed-ups, Sao Paulo, the bytes and the peak memory', () => {
    const run = (workers: number, commandSeconds: number, maxRssBytes: number, days = 365, scenario?: string): FullResult => ({
      residents: scenario ? 12_000_000 : 1_000_000,
      days,
      workers,
      frames: true,
      repeats: 1,
      scenario,
      samples: [],
      commandSeconds,
      runSeconds: commandSeconds - 1,
      residentDaysPerSecond: 365e6 / commandSeconds,
      runResidentDaysPerSecond: 0,
      maxRssBytes,
      wall: { median: commandSeconds, min: commandSeconds, max: commandSeconds },
      cpu: { median: 1, min: 1, max: 1 },
      cpuSecondsPerMillionResidentDays: 1,
    });
    const state = [{ residents: 1e6, residentCapacity: 1e6, residentBytes: 50e6, residentBytesPerResident: 50, sharedBytes: 72e6, sharedBytesPerResident: 72 }];
    const configs = [run(1, 100, 1.2e9), run(2, 55, 1.6e9), run(1, 20, 1e9, 60), run(2, 12.5, 1e9, 60)];
    const scale = [run(2, 80, 3.5e9, 30, 'scenarios/sao-paulo.json')];
    const [year, speedup60, speedupYear, city30, cityYear, cityRss, bytes, rss] = fullModelTargets(configs, state, scale);
    expect(year.met).toBe(true);
    expect(speedup60.met).toBe(false); // 20 / 12.5 = 1.6
    expect(speedupYear.met).toBe(true); // 100 / 55 = 1.82
    expect(city30.met).toBe(true);
    expect(cityYear.met).toBeNull();
    expect(cityRss.met).toBe(true);
    expect(bytes.met).toBe(true);
    expect(rss.met).toBe(false);
    const [slowYear] = fullModelTargets([run(2, 90, 1e9)], state);
    expect(slowYear.met).toBe(false);
    expect(slowYear.margin).toContain('30.0 s');
  });

  it('judge Schelling end to end by the whole processes', () => {
    const cell = (size: number, runner: 'icity run' | 'flocc', wall: number) => ({
      size,
      runner,
      samples: [],
      wallSeconds: { median: wall, min: wall, max: wall },
      cpuSeconds: { median: wall, min: wall, max: wall },
    });
    const [small, large] = endToEndTargets([cell(300, 'icity run', 0.5), cell(300, 'flocc', 6), cell(1000, 'icity run', 2), cell(1000, 'flocc', 15)]);
    expect(small.met).toBe(true);
    expect(large.met).toBe(false);
    expect(large.margin).toContain('1.33×');
  });
});

describe('the README table', () => {
  it('replaces only the text between the markers', () => {
    const text = 'intro\n<!-- a -->\nold table\n<!-- b -->\nrest\n';
    expect(replaceBetweenMarkers(text, '<!-- a -->', '<!-- b -->', 'new table\n')).toBe('intro\n<!-- a -->\nnew table\n<!-- b -->\nrest\n');
    expect(() => replaceBetweenMarkers('no markers', '<!-- a -->', '<!-- b -->', 'x')).toThrow(/markers/);
  });

  it('lists every configuration and runner of a run of the harness', () => {
    const plan = benchPlan('quick');
    plan.full = [{ residents: 1500, days: 2, workers: 2, frames: false, repeats: 1 }];
    plan.stateSizes = [1500];
    plan.schelling = { ...plan.schelling, sizes: [20], steps: 2, warmUpSize: 10 };
    plan.endToEnd = { ...plan.endToEnd, sizes: [20], steps: 2 };
    const results = runBench(plan, () => {});
    expect(results.schellingEndToEnd.cells.map((c) => c.runner)).toEqual(['icity run', 'flocc']);
    expect(results.fullModel.configs).toHaveLength(1);
    expect(results.schelling.cells).toHaveLength(2 * results.schelling.runners.length);
    const md = performanceMarkdown(results);
    expect(md).toContain('| 1,500 | 2 | 2 | 1 |');
    for (const r of results.schelling.runners) expect(md).toContain(`| ${r.label} |`);
    expect(md).toContain('20², 0.3');
    expect(md).toMatch(/\| 20² \| icity run \| [\d.]+ \([\d.]+–[\d.]+\) \|/);
    // Each run's host probe is shown beside its load average, in the row of its runner.
    const probe = results.schellingEndToEnd.cells[0].samples[0].probeBefore;
    expect(probe).toBeGreaterThan(0);
    expect(md).toContain(`| ${probe.toFixed(2)} |`);
    const bytes = results.targets.find((t) => t.goal.startsWith('≤ 64 bytes'));
    expect(bytes?.measured).toMatch(/^\d+\.\d bytes/);
    expect(bytes?.met).toBe(Number.parseFloat(bytes!.measured) <= 64);
  });
});
