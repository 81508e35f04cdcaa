import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from '../median.ts';
import { spread, timeProcess, type Spread } from '../endToEnd/process.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHILD = path.join(import.meta.dirname, 'child.mjs');
export const FULL_SCENARIO = 'scenarios/default.json';
const MILLION = 1_000_000;

/** One configuration of the full model: the default city at a size, for some days, on some threads. */
export interface FullConfig {
  residents: number;
  days: number;
  workers: number;
  /** Whether the run writes frames for the viewer (users' default: yes). */
  frames: boolean;
  /** Runs to take the median of. */
  repeats: number;
  /** The scenario file (default: the default city). */
  scenario?: string;
  /** Days between recorded frames (default: the scenario's). */
  framesEvery?: number;
}

/** One run, as measured from outside and from inside its process. */
export interface FullSample {
  /** From spawning the process to its exit: Node start, loading, building the city, the days, writing the run folder. */
  commandSeconds: number;
  /** The run's own wall time (icity's wallSeconds: building the city, the days, writing the run folder). */
  runSeconds: number;
  /** Peak resident set size of the process, worker threads included. */
  maxRssBytes: number;
  /** CPU time of the process, all threads. */
  cpuSeconds: number;
  /** 1-minute load average just before the run started. */
  loadBefore: number;
  /** Seconds the host probe took just before the run (bench/hostProbe.ts): larger on a slowed host. */
  probeBefore: number;
}

export interface FullResult extends FullConfig {
  samples: FullSample[];
  /** Medians over the samples; rates are residents x days over the median seconds. */
  commandSeconds: number;
  runSeconds: number;
  residentDaysPerSecond: number;
  runResidentDaysPerSecond: number;
  maxRssBytes: number;
  /** Median and range over the samples of the whole command's wall time and of its CPU time. */
  wall: Spread;
  cpu: Spread;
  /** Median CPU seconds (all threads) per million resident-days: steadier than wall time on a shared machine. */
  cpuSecondsPerMillionResidentDays: number;
}

/** The `icity run` arguments of a configuration (the child adds `--json`). */
export function runArguments(config: FullConfig, out: string): string[] {
  return [
    config.scenario ?? FULL_SCENARIO,
    '--set',
    `population.residents=${config.residents}`,
    '--set',
    `record.frames=${config.frames}`,
    ...(config.framesEvery ? ['--set', `record.framesEvery=${config.framesEvery}`] : []),
    '--days',
    String(config.days),
    '--workers',
    String(config.workers),
    '--out',
    out,
  ];
}

/** Runs a configuration once in a fresh process and deletes its run folder. */
export function runOnce(config: FullConfig, nodeFlags: string[] = []): FullSample {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'icity-bench-'));
  try {
    const args = [...nodeFlags, CHILD, ...runArguments(config, path.join(scratch, 'run'))];
    const { lastLines, wallSeconds, ...sample } = timeProcess(args, ROOT, `full-model run ${JSON.stringify(config)}`);
    if (lastLines.length < 2) throw new Error(`full-model run ${JSON.stringify(config)} printed no summary before its usage`);
    const summary = JSON.parse(lastLines[lastLines.length - 2]) as { wallSeconds: number; residents: number; days: number; workers: number };
    if (summary.days !== config.days || summary.workers !== config.workers) {
      throw new Error(`full-model run ran ${summary.days} days on ${summary.workers} threads, not ${config.days} on ${config.workers}`);
    }
    return { ...sample, commandSeconds: wallSeconds, runSeconds: summary.wallSeconds };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs a configuration `repeats` times, each in its own process, and takes the medians. */
export function runConfiguration(config: FullConfig): FullResult {
  const samples: FullSample[] = [];
  for (let k = 0; k < config.repeats; k++) samples.push(runOnce(config));
  const commandSeconds = median(samples.map((s) => s.commandSeconds));
  const runSeconds = median(samples.map((s) => s.runSeconds));
  const residentDays = config.residents * config.days;
  return {
    ...config,
    samples,
    commandSeconds,
    runSeconds,
    residentDaysPerSecond: residentDays / commandSeconds,
    runResidentDaysPerSecond: residentDays / runSeconds,
    maxRssBytes: median(samples.map((s) => s.maxRssBytes)),
    wall: spread(samples.map((s) => s.commandSeconds)),
    cpu: spread(samples.map((s) => s.cpuSeconds)),
    cpuSecondsPerMillionResidentDays: median(samples.map((s) => s.cpuSeconds)) / (residentDays / MILLION),
  };
}
