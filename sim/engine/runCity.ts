import fs from 'node:fs';
import path from 'node:path';
import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { Simulation, type SimulationOptions } from './simulation.ts';
import { FramesWriter } from './frames.ts';
import { AGENT_COLUMNS } from './agents.ts';
import { checkRunTarget, describeWriteError, discardDir, lockRunFolder, partialDir, publishDir, settleLeftovers } from './runFolder.ts';
import { InputError } from './inputError.ts';
import { Progress } from './progress.ts';
import { packageInfo } from './packageInfo.ts';
import { RUN_FORMAT, RUN_FORMAT_VERSION, type RunManifestFile } from '../formats/runManifest.ts';
import { scenarioHash } from './scenarioHash.ts';
import type { IndicatorValues } from '../model/indicators.ts';
import { gitState, platform } from './provenance.ts';
import { DEFAULT_FORMAT, Tables, tableFiles, type OutputFormat } from './tables/outputFormat.ts';
import { metricColumns } from './tables/metricColumns.ts';
import { RowBuffer } from './tables/rowBuffer.ts';
import { AgentTable } from './tables/agentTable.ts';

export interface RunOptions extends SimulationOptions {
  /** The run folder to write; created atomically. */
  out: string;
  /** Also write the residents at the end of the run (agents.csv / agents.parquet). */
  agents?: boolean;
  /** Tables as CSV, Parquet or both (default both). */
  format?: OutputFormat;
  /** Write the residents every this many days, and on the last day, into one long table (panel.parquet, or panel.csv with format csv). */
  agentsEvery?: number;
  /** How the run was asked for, recorded in the manifest: the command's arguments and folder. */
  command?: { argv: string[]; cwd: string };
  /** The scenario file the run was read from and the SHA-256 of its bytes, recorded in the manifest. */
  scenarioFile?: { path: string; sha256: string };
  /** The manifest this run reproduces (icity run --from-manifest). */
  reproduces?: { manifest: string; scenarioHash: string };
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
  first: IndicatorValues;
  last: IndicatorValues;
}

export { scenarioHash };

/**
 * Runs a scenario and writes its run folder (manifest.json, metrics, frames, agents, panel).
 * `out` must be absent, empty or an earlier run folder (which is replaced whole once the
 * new run is complete); anything else is refused with an InputError, and so is a folder
 * another run is writing.
 */
export function runCity(scenario: Scenario, options: RunOptions): RunSummary {
  const started = Date.now();
  const every = options.agentsEvery;
  if (every !== undefined && !(Number.isInteger(every) && every >= 1))
    throw new RangeError(`agentsEvery: found ${every}; expected a whole number of days, at least 1`);
  checkRunTarget(options.out);
  const lock = lockRunFolder(options.out);
  try {
    settleLeftovers(path.dirname(path.resolve(options.out)), path.basename(path.resolve(options.out)));
    return runInto(scenario, options, started);
  } finally {
    lock.release();
  }
}

function runInto(scenario: Scenario, options: RunOptions, started: number): RunSummary {
  const tmp = partialDir(options.out);
  const every = options.agentsEvery;
  const files = tableFiles(options.format ?? DEFAULT_FORMAT);
  const open: { abandon(): void }[] = [];
  let sim: Simulation | undefined;
  try {
    sim = new Simulation(scenario, options);
    const meta = tableMeta(scenario);
    const columns = sim.columns;
    const metricsTable = new Tables(path.join(tmp, 'metrics'), files, metricColumns(columns), { ...meta, 'icity.table': 'metrics' });
    open.push(metricsTable);
    const metrics = new RowBuffer(metricsTable, columns.length + 1);
    const frames = scenario.record.frames ? new FramesWriter(tmp, sim.world, sim.city.grid) : undefined;
    const panel = every
      ? new AgentTable(path.join(tmp, 'panel'), panelFiles(options.format), true, { ...meta, 'icity.table': 'panel', 'icity.agents_every': String(every) })
      : undefined;
    if (panel) open.push(panel);
    const { every: metricsEvery, framesEvery } = scenario.record;
    const metricsDay = (day: number) => day % metricsEvery === 0 || day === scenario.days;
    const frameDay = (day: number) => frames !== undefined && (day % framesEvery === 0 || day === scenario.days);
    const record = (s: Simulation) => {
      if (metricsDay(s.day)) metrics.push([s.day, ...columns.map((i) => i.value(s.census))]);
      if (frames && frameDay(s.day)) frames.write(s.day, s.world, s.census);
      if (panel && (s.day % every! === 0 || s.day === scenario.days)) panel.write(s.world, s.day);
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
    open.length = 0;
    metrics.close();
    panel?.close();
    frames?.close();
    if (options.agents) {
      const agents = new AgentTable(path.join(tmp, 'agents'), files, false, { ...meta, 'icity.table': 'agents' });
      open.push(agents);
      agents.write(sim.world, sim.day);
      open.length = 0;
      agents.close();
    }
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
    // The run threads have stopped: the next run of this thread may take the city's memory.
    options.spareMemory?.keep(sim.city.arrays.describe());
    publishDir(tmp, options.out);
    return summary;
  } catch (err) {
    for (const t of open) t.abandon();
    sim?.close();
    discardDir(tmp);
    // A full disk or a lost permission names the run folder, not only "ENOSPC ... write".
    if (typeof (err as NodeJS.ErrnoException).code === 'string' && !(err instanceof InputError))
      throw new Error(`cannot write the run folder ${path.resolve(options.out)}: ${describeWriteError(err)}`);
    throw err;
  }
}

/** Panels are Parquet unless only CSV was asked for: a CSV of many snapshots is several times larger. */
function panelFiles(format: OutputFormat | undefined) {
  return format === 'csv' ? (['csv'] as const) : (['parquet'] as const);
}

/** What every Parquet table of a run says about where it comes from. */
function tableMeta(scenario: Scenario): Record<string, string> {
  return { 'icity.scenario': scenario.name, 'icity.scenario_hash': scenarioHash(scenario), 'icity.seed': String(scenario.seed) };
}

function manifest(scenario: Scenario, sim: Simulation, summary: RunSummary, options: RunOptions): RunManifestFile {
  const pkg = packageInfo();
  const format = options.format ?? DEFAULT_FORMAT;
  const tables = tableFiles(format);
  const files: Record<string, string> = { 'manifest.json': 'This file: what was run, how, and what the outputs mean.' };
  const rows =
    scenario.record.every === 1
      ? 'One row per day (day 0 is the initial state); columns below.'
      : `One row every ${scenario.record.every} days and on the last day (day 0 is the initial state); columns below.`;
  for (const ext of tables) files[`metrics.${ext}`] = rows;
  if (scenario.record.frames) {
    files['frames.json'] = 'Header of frames.bin: sizes, recorded days, groups, district boxes and metrics.';
    files['frames.bin'] = 'Per recorded day: the dwelling grid by group (uint8) and district aggregates (float32 LE).';
  }
  if (options.agents) for (const ext of tables) files[`agents.${ext}`] = 'One row per resident at the end of the run; columns in agentColumns.';
  if (options.agentsEvery) {
    files[`panel.${panelFiles(format)[0]}`] =
      `The residents on days 0, ${options.agentsEvery}, ${2 * options.agentsEvery}, ... and the last day, one row per resident and day; columns day and agentColumns.`;
  }
  return {
    format: RUN_FORMAT,
    formatVersion: RUN_FORMAT_VERSION,
    package: { name: pkg.name, version: pkg.version },
    node: process.version,
    platform: platform(),
    git: gitState(),
    command: options.command ?? null,
    scenarioFile: options.scenarioFile ?? null,
    reproduces: options.reproduces,
    outputs: { format, agents: options.agents ?? false, agentsEvery: options.agentsEvery ?? null },
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
    columns: [
      { name: 'day', unit: 'day', description: 'Day of the run; 0 is the initial state.' },
      ...sim.columns.map(({ name, unit, description, better }) => ({ name, unit, description, better })),
    ],
    agentColumns: options.agents || options.agentsEvery ? AGENT_COLUMNS : undefined,
    policies: sim.policies.names(),
    calendar: sim.calendar(),
    scenario,
  };
}
