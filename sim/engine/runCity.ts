import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { Simulation, type SimulationOptions } from './simulation.ts';
import { csvLine } from './csv.ts';
import { FramesWriter } from './frames.ts';
import { AGENT_COLUMNS, writeAgents } from './agents.ts';
import { discardDir, partialDir, publishDir } from './runFolder.ts';
import { Progress } from './progress.ts';
import { packageInfo } from './packageInfo.ts';
import { RUN_FORMAT, RUN_FORMAT_VERSION, type RunManifestFile } from '../formats/runManifest.ts';

export interface RunOptions extends SimulationOptions {
  /** The run folder to write; created atomically. */
  out: string;
  /** Also write agents.csv. */
  agents?: boolean;
  /** Draw a progress bar on stderr when it is a terminal. */
  progress?: boolean;
}

export interface RunSummary {
  dir: string;
  scenario: string;
  seed: number;
  days: number;
  residents: number;
  workers: number;
  wallSeconds: number;
  first: Record<string, number>;
  last: Record<string, number>;
}

/** A stable hash of a scenario after defaults, to tell runs of the same scenario apart. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}

/** Runs a scenario and writes its run folder (manifest.json, metrics.csv, frames, agents.csv). */
export function runCity(scenario: Scenario, options: RunOptions): RunSummary {
  const started = Date.now();
  const tmp = partialDir(options.out);
  let sim: Simulation | undefined;
  try {
    sim = new Simulation(scenario, options);
    const metrics = fs.openSync(path.join(tmp, 'metrics.csv'), 'w');
    const columns = sim.columns;
    fs.writeSync(metrics, csvLine(['day', ...columns.map((i) => i.name)]));
    const frames = scenario.record.frames ? new FramesWriter(tmp, sim.world, sim.city.grid) : undefined;
    const { every, framesEvery } = scenario.record;
    const metricsDay = (day: number) => day % every === 0 || day === scenario.days;
    const frameDay = (day: number) => frames !== undefined && (day % framesEvery === 0 || day === scenario.days);
    const record = (s: Simulation) => {
      if (metricsDay(s.day)) fs.writeSync(metrics, csvLine([s.day, ...columns.map((i) => i.value(s.census))]));
      if (frames && frameDay(s.day)) frames.write(s.day, s.world, s.census);
    };
    const first = sim.indicators();
    record(sim);
    const progress = new Progress(`${scenario.name}`, scenario.days, options.progress);
    while (sim.day < scenario.days) {
      const day = sim.day + 1;
      sim.advance(metricsDay(day) || frameDay(day));
      record(sim);
      progress.update(sim.day, `day ${sim.day}`);
    }
    progress.done();
    fs.closeSync(metrics);
    frames?.close();
    if (options.agents) writeAgents(path.join(tmp, 'agents.csv'), sim.world);
    const wallSeconds = (Date.now() - started) / 1000;
    const summary: RunSummary = {
      dir: path.resolve(options.out),
      scenario: scenario.name,
      seed: scenario.seed,
      days: scenario.days,
      residents: sim.census.total(sim.census.residents),
      workers: sim.threads,
      wallSeconds,
      first,
      last: sim.indicators(),
    };
    fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest(scenario, sim, summary, options), null, 2) + '\n');
    sim.close();
    publishDir(tmp, options.out);
    return summary;
  } catch (err) {
    sim?.close();
    discardDir(tmp);
    throw err;
  }
}

function manifest(scenario: Scenario, sim: Simulation, summary: RunSummary, options: RunOptions): RunManifestFile {
  const pkg = packageInfo();
  const files: Record<string, string> = {
    'manifest.json': 'This file: what was run, how, and what the outputs mean.',
    'metrics.csv': scenario.record.every === 1 ? 'One row per day (day 0 is the initial state); columns below.' : `One row every ${scenario.record.every} days and on the last day (day 0 is the initial state); columns below.`,
  };
  if (scenario.record.frames) {
    files['frames.json'] = 'Header of frames.bin: sizes, recorded days, groups, district boxes and metrics.';
    files['frames.bin'] = 'Per recorded day: the dwelling grid by group (uint8) and district aggregates (float32 LE).';
  }
  if (options.agents) files['agents.csv'] = 'One row per resident at the end of the run; columns in agentColumns.';
  return {
    format: RUN_FORMAT,
    formatVersion: RUN_FORMAT_VERSION,
    package: { name: pkg.name, version: pkg.version },
    node: process.version,
    scenarioName: scenario.name,
    scenarioHash: scenarioHash(scenario),
    seed: scenario.seed,
    days: scenario.days,
    workers: summary.workers,
    wallSeconds: summary.wallSeconds,
    residents: { initial: summary.first.population, final: summary.last.population },
    grid: { width: sim.world.sizes.width, height: sim.world.sizes.height, districts: sim.world.sizes.districts, spaces: sim.world.sizes.spaces },
    groups: scenario.population.groups.map((g) => g.name),
    files,
    columns: [{ name: 'day', unit: 'day', description: 'Day of the run; 0 is the initial state.' }, ...sim.columns.map(({ name, unit, description, better }) => ({ name, unit, description, better }))],
    agentColumns: options.agents ? AGENT_COLUMNS : undefined,
    policies: sim.policies.names(),
    calendar: sim.calendar(),
    scenario,
  };
}
