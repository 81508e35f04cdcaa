import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { median } from '../median.ts';
import { probeSeconds } from '../hostProbe.ts';

/** One process as a user meets it: from spawning to exit, with its CPU time and the load before it started. */
export interface ProcessSample {
  wallSeconds: number;
  cpuSeconds: number;
  maxRssBytes: number;
  /** 1-minute load average just before the process started. */
  loadBefore: number;
  /** Seconds the host probe took just before the process started (bench/hostProbe.ts). */
  probeBefore: number;
}

/**
 * Spawns `node <args>` and times it from outside. The process prints, as its last line, a JSON
 * object with its own `cpuSeconds` and `maxRssBytes` (process.resourceUsage(), all threads).
 */
export function timeProcess(args: string[], cwd: string, what: string, env: NodeJS.ProcessEnv = process.env): ProcessSample & { lastLines: string[] } {
  const probeBefore = probeSeconds();
  const loadBefore = os.loadavg()[0];
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wallSeconds = (performance.now() - start) / 1000;
  const lines = (r.stdout ?? '').trim().split('\n');
  if (r.status !== 0 || lines.length < 1 || !lines[lines.length - 1].startsWith('{')) {
    throw new Error(`${what} failed (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').trim().slice(0, 2000)}`);
  }
  const usage = JSON.parse(lines[lines.length - 1]) as { cpuSeconds: number; maxRssBytes: number };
  return {
    wallSeconds,
    cpuSeconds: usage.cpuSeconds,
    maxRssBytes: usage.maxRssBytes,
    loadBefore: Math.round(loadBefore * 100) / 100,
    probeBefore,
    lastLines: lines,
  };
}

/** Median and range of one measure over the samples. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}
