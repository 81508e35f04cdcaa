import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from '../median.ts';
import { probeSeconds } from '../hostProbe.ts';
import { spread, type Spread } from '../endToEnd/process.ts';

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
    const probeBefore = probeSeconds();
    const loadBefore = Math.round(os.loadavg()[0] * 100) / 100;
    const start = performance.now();
    const r = spawnSync(process.execPath, [...nodeFlags, CHILD, ...runArguments(config, path.join(scratch, 'run'))], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    const commandSeconds = (performance.now() - start) / 1000;
    const lines = (r.stdout ?? '').trim().split('\n');
    if (r.status !== 0 || lines.length < 2) {
      throw new Error(`full-model run ${JSON.stringify(config)} failed (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').trim().slice(0, 2000)}`);
    }
    const summary = JSON.parse(lines[lines.length - 2]) as { wallSeconds: number; residents: number; days: number; workers: number };
    const usage = JSON.parse(lines[lines.length - 1]) as { maxRssBytes: number; cpuSeconds: number };
    if (summary.days !== config.days || summary.workers !== config.workers) {
      throw new Error(`full-model run ran ${summary.days} days on ${summary.workers} threads, not ${config.days} on ${config.workers}`);
    }
    return { commandSeconds, runSeconds: summary.wallSeconds, maxRssBytes: usage.maxRssBytes, cpuSeconds: usage.cpuSeconds, loadBefore, probeBefore };
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
