import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Pool from 'worker-threads-pool';
import { packageInfo } from '../packageInfo.ts';
import { Progress } from '../progress.ts';
import { runHash, runScenario, type ExperimentPlan } from './loadExperiment.ts';
import { prepareFolder, runDirName, runFinished, writeManifest, EXPERIMENT_FORMAT, EXPERIMENT_FORMAT_VERSION, type ExperimentManifest, type RunRecord } from './experimentFolder.ts';
import { summarise, OUTPUT_FILES, type Summary } from './summarise.ts';
import type { PoolWorkerData, RunReply } from './poolMessages.ts';

const BOOT = fileURLToPath(new URL('./poolBoot.mjs', import.meta.url));
const ENTRY = new URL('./poolRun.ts', import.meta.url).href;

export interface ExperimentOptions {
  /** The experiment folder. */
  out: string;
  /** Total thread budget (default: the number of cores). */
  workers?: number;
  /** Draw a progress bar on stderr when it is a terminal. */
  progress?: boolean;
}

export interface ExperimentResult {
  dir: string;
  name: string;
  runs: number;
  ran: number;
  reused: number;
  failed: RunRecord[];
  threads: { budget: number; pool: number; perRun: number };
  wallSeconds: number;
  /** The summary, when every run finished. */
  summary?: Summary;
}

/**
 * Splits a thread budget between runs at once and threads per run. Whole runs in parallel
 * need no barrier between threads, so the pool takes as many threads as there are runs to
 * do, and only a budget larger than that goes to threads inside each run.
 */
export function shareThreads(budget: number, pending: number): { pool: number; perRun: number } {
  const pool = Math.max(1, Math.min(budget, pending));
  return { pool, perRun: Math.max(1, Math.floor(budget / pool)) };
}

/**
 * Runs every arm × replication of an experiment into its folder, reusing the runs that are
 * already there, then summarises the finished runs from disk.
 */
export async function runExperiment(plan: ExperimentPlan, options: ExperimentOptions): Promise<ExperimentResult> {
  const started = Date.now();
  const dir = path.resolve(options.out);
  prepareFolder(dir, plan.hash, plan.experiment.name, options.out);

  // Replication by replication, so an interrupted experiment has whole pairs to compare.
  const runs: RunRecord[] = [];
  for (let r = 0; r < plan.seeds.length; r++) {
    for (const arm of plan.arms) {
      const seed = plan.seeds[r];
      runs.push({ arm: arm.name, replication: r + 1, seed, dir: runDirName(arm.name, r + 1), scenarioHash: runHash(arm, seed), status: 'pending' });
    }
  }
  for (const run of runs) if (runFinished(dir, run)) run.status = 'reused';
  const pending = runs.filter((r) => r.status === 'pending');
  const budget = Math.max(1, options.workers ?? os.availableParallelism());
  const threads = { budget, ...shareThreads(budget, pending.length) };

  const manifest: ExperimentManifest = {
    format: EXPERIMENT_FORMAT,
    formatVersion: EXPERIMENT_FORMAT_VERSION,
    package: packageInfo(),
    node: process.version,
    name: plan.experiment.name,
    experimentFile: plan.file,
    experimentHash: plan.hash,
    experiment: plan.experiment,
    scenarioFile: plan.scenarioFile,
    scenario: plan.base,
    arms: plan.arms.map((a, k) => {
      const input = k === 0 ? plan.experiment.baseline : plan.experiment.arms[k - 1];
      return { name: a.name, label: a.label, description: a.description, set: input?.set ?? {}, policies: input?.policies ?? [] };
    }),
    seeds: plan.seeds,
    days: plan.experiment.days,
    metrics: plan.experiment.metrics,
    reportDays: plan.experiment.reportDays,
    threads,
    wallSeconds: null,
    runs,
    files: {
      'manifest.json': 'This file: the experiment after defaults, its base scenario, arms, seeds and the status of every run.',
      'runs/<arm>/<replication>/': 'One complete run folder per arm and replication, as `icity run` writes it.',
      'summary.csv': 'Per arm, metric and report day: mean, sd and 95% CI over replications, the paired difference from the baseline with its 95% CI, cost and cost per unit.',
      'series.csv': 'Per arm, metric and day: mean and 95% CI over replications.',
      'report.md': 'The effects of each arm in words, with their intervals and costs.',
    },
  };
  // Outputs of an earlier, smaller experiment must not stand beside runs they do not cover.
  if (pending.length) for (const f of OUTPUT_FILES) fs.rmSync(path.join(dir, f), { force: true });
  writeManifest(dir, manifest);

  const progress = new Progress(plan.experiment.name, pending.length, options.progress);
  let finished = 0;
  const pool = new Pool({ max: threads.pool });
  await Promise.all(
    pending.map(
      (run) =>
        new Promise<void>((resolve) => {
          const arm = plan.arms.find((a) => a.name === run.arm)!;
          const data: PoolWorkerData = { entry: ENTRY, task: { scenario: runScenario(arm, run.seed), out: path.join(dir, run.dir), threads: threads.perRun } };
          let settled = false;
          const settle = (reply: RunReply) => {
            if (settled) return;
            settled = true;
            if (reply.ok) {
              run.status = 'done';
              run.wallSeconds = reply.summary.wallSeconds;
            } else {
              run.status = 'failed';
              run.error = reply.error;
            }
            progress.update(++finished, `${run.dir}`);
            resolve();
          };
          pool.acquire(BOOT, { workerData: data }, (err, worker) => {
            if (err) return settle({ ok: false, error: err.message });
            worker.once('message', (reply: RunReply) => settle(reply));
            worker.once('error', (e) => settle({ ok: false, error: e.message }));
            worker.once('exit', (code) => settle({ ok: false, error: `the worker thread exited with code ${code} before it finished` }));
          });
        }),
    ),
  );
  progress.done();

  manifest.wallSeconds = (Date.now() - started) / 1000;
  writeManifest(dir, manifest);
  const failed = runs.filter((r) => r.status === 'failed');
  const result: ExperimentResult = {
    dir,
    name: plan.experiment.name,
    runs: runs.length,
    ran: runs.filter((r) => r.status === 'done').length,
    reused: runs.filter((r) => r.status === 'reused').length,
    failed,
    threads,
    wallSeconds: manifest.wallSeconds,
  };
  if (!failed.length) result.summary = summarise(dir);
  return result;
}
