import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Pool from 'worker-threads-pool';
import { packageInfo } from '../packageInfo.ts';
import { InputError } from '../inputError.ts';
import { memoryLimitBytes, memoryProblem } from '../memoryEstimate.ts';
import { Progress } from '../progress.ts';
import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import { replicationDraw, runHash, runScenario, type ExperimentPlan } from './loadExperiment.ts';
import {
  prepareFolder,
  runDirName,
  runFinished,
  writeManifest,
  EXPERIMENT_FORMAT,
  EXPERIMENT_FORMAT_VERSION,
  type ExperimentManifest,
  type RunRecord,
} from './experimentFolder.ts';
import { MissingRunsError, summarise, OUTPUT_FILES, type Summary } from './summarise.ts';
import { DESIGN_FILES, MORRIS_FILES } from './design/designOutputs.ts';
import { inShard, type Shard } from './shard.ts';
import type { RunReply } from './poolMessages.ts';
import { RUN_THREAD, RunThread, reusableAfter } from './runInThread.ts';
import { SERIES_PARQUET, SERIES_PARQUET_DESCRIPTION } from './seriesParquet.ts';

export interface ExperimentOptions {
  /** The experiment folder. */
  out: string;
  /** Thread budget: the threads all runs together may use, pool threads times run threads (default: the number of cores). */
  threadBudget?: number;
  /** The same as `threadBudget` (the name of the `--workers` flag). */
  workers?: number;
  /** Draw a progress bar on stderr when it is a terminal. */
  progress?: boolean;
  /** Do only this share of the runs; the summary is written once every run of the experiment is there. */
  shard?: Shard;
  /** Refuse (InputError) when the parallel runs are estimated to need more memory (bytes; default 85% of the machine's). */
  memoryLimit?: number;
  /** Runs the runs elsewhere (e.g. on a queue that other machines take them from) instead of in this process's threads. */
  executor?: RunExecutor;
  /** Also write each run's residents at the end (agents.csv), for measures over residents. */
  agents?: boolean;
  /** Write summary.csv, series and report.md once every run is there (default true). */
  summarise?: boolean;
}

/** A run to do: its record in the manifest (the executor sets its status) and its scenario. */
export interface PendingRun {
  run: RunRecord;
  scenario: Scenario;
  /** Also write the run's agents table at the end. */
  agents?: boolean;
}

/**
 * Another place to do an experiment's runs. It must set each run's status to "done" (its
 * folder is complete in the experiment folder) or "failed" (with the error), and report
 * each finished run to the progress bar.
 */
export interface RunExecutor {
  /** Where the runs go, for the manifest (e.g. "redis://host:6379/0", without a password). */
  where: string;
  /** The run folders come back through the queue rather than a shared file system. */
  transfer?: boolean;
  run(dir: string, experimentHash: string, pending: PendingRun[], progress: Progress): Promise<void>;
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
  /** With a shard: the runs of the experiment, this shard's or others', not finished yet. */
  unfinished: number;
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
  const shared = options.shard !== undefined || options.executor !== undefined;
  prepareFolder(dir, plan.hash, plan.experiment.name, options.out, { shared, replications: plan.seeds.length });

  // Replication by replication, so an interrupted experiment has whole pairs to compare.
  const runs: RunRecord[] = [];
  for (let r = 0; r < plan.seeds.length; r++) {
    const draw = replicationDraw(plan, r);
    const drawn = draw === undefined ? undefined : plan.posterior!.draws[draw];
    for (const arm of plan.arms) {
      const seed = plan.seeds[r];
      const run: RunRecord = {
        arm: arm.name,
        replication: r + 1,
        seed,
        dir: runDirName(arm.name, r + 1),
        scenarioHash: runHash(arm, seed, draw),
        status: 'pending',
      };
      if (drawn) run.draw = { draw: drawn.draw, row: drawn.row, values: drawn.values };
      runs.push(run);
    }
  }
  for (const run of runs) if (runFinished(dir, run)) run.status = 'reused';
  const mine = options.shard ? runs.filter((_, k) => inShard(k, options.shard!)) : runs;
  const pending = mine.filter((r) => r.status === 'pending');
  const budget = Math.max(1, options.threadBudget ?? options.workers ?? os.availableParallelism());
  const threads = options.executor ? { budget: 0, pool: 0, perRun: 0 } : { budget, ...shareThreads(budget, pending.length) };
  if (!options.executor && pending.length) {
    const limit = options.memoryLimit ?? memoryLimitBytes();
    const biggest = plan.arms.reduce((a, b) => (b.scenario.population.residents > a.scenario.population.residents ? b : a)).scenario;
    const tooBig = memoryProblem(biggest, threads.perRun, threads.pool, limit, options.memoryLimit === undefined ? '85% of this machine' : '--memory-limit');
    if (tooBig) throw new InputError([`${plan.file}: ${tooBig}`]);
  }

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
      return { name: a.name, label: a.label, description: a.description, set: input?.set ?? a.set ?? {}, policies: input?.policies ?? [] };
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
      'summary.csv':
        'Per arm, metric and report day: mean, sd and 95% CI over replications, the paired difference from the baseline with its 95% CI, cost and cost per unit; over a posterior also the split of each effect into a parameter and a stochastic part, its sign share and its 5-95% range over the draws.',
      'series.csv': 'Per arm, metric and day: mean and 95% CI over replications.',
      [SERIES_PARQUET]: SERIES_PARQUET_DESCRIPTION,
      'report.md': 'The effects of each arm in words, with their intervals and costs.',
    },
  };
  if (plan.posterior) manifest.posterior = plan.posterior;
  if (plan.design) {
    manifest.design = plan.design;
    Object.assign(manifest.files, DESIGN_FILES, plan.design.type === 'morris' ? MORRIS_FILES : {});
  }
  if (shared)
    manifest.distributed = {
      shard: options.shard ? `${options.shard.index}/${options.shard.count}` : undefined,
      queue: options.executor?.where,
      transfer: options.executor?.transfer || undefined,
    };
  // Outputs of an earlier, smaller experiment must not stand beside runs they do not cover.
  if (pending.length)
    for (const f of [...OUTPUT_FILES, ...Object.keys(DESIGN_FILES), ...Object.keys(MORRIS_FILES)]) fs.rmSync(path.join(dir, f), { force: true });
  writeManifest(dir, manifest);

  const progress = new Progress(plan.experiment.name, pending.length, options.progress);
  const todo: PendingRun[] = pending.map((run) => ({
    run,
    scenario: runScenario(plan.arms.find((a) => a.name === run.arm)!, run.seed, replicationDraw(plan, run.replication - 1)),
    agents: options.agents || undefined,
  }));
  if (options.executor) await options.executor.run(dir, plan.hash, todo, progress);
  else {
    await runInThreads(dir, todo, threads, progress);
    // A run that failed (a crashed thread, a full disk) gets one more try before the
    // experiment reports it; the others are done by then.
    const again = todo.filter(({ run }) => run.status === 'failed');
    for (const { run } of again) run.retried = true;
    if (again.length) await runInThreads(dir, again, threads, progress);
  }
  progress.done();

  // Other shards write into the same folder: what is finished is what is on disk.
  if (options.shard) for (const run of runs) if (run.status === 'pending' && runFinished(dir, run)) run.status = 'done';
  manifest.wallSeconds = (Date.now() - started) / 1000;
  writeManifest(dir, manifest);
  const failed = runs.filter((r) => r.status === 'failed');
  const unfinished = runs.filter((r) => r.status === 'pending' || r.status === 'failed').length;
  const result: ExperimentResult = {
    dir,
    name: plan.experiment.name,
    runs: runs.length,
    ran: mine.filter((r) => r.status === 'done').length,
    reused: mine.filter((r) => r.status === 'reused').length,
    failed,
    threads,
    wallSeconds: manifest.wallSeconds,
    unfinished,
  };
  if (options.summarise === false) return result;
  if (!unfinished) result.summary = summarise(dir);
  // Runs that failed twice: summarise what every arm finished, and say which runs are missing.
  else if (!options.shard && !options.executor && failed.length && failed.length === unfinished) {
    try {
      result.summary = summarise(dir, { partial: true });
    } catch (err) {
      // No replication finished in every arm: there is nothing paired to summarise.
      if (!(err instanceof MissingRunsError)) throw err;
    }
  }
  return result;
}

/** Runs in this process: the run pool, threads.pool threads that each do one run at a time. */
async function runInThreads(dir: string, todo: PendingRun[], threads: { pool: number; perRun: number }, progress: Progress): Promise<void> {
  let finished = 0;
  let next = 0;
  const pool = new Pool({ max: threads.pool });
  const record = (run: RunRecord, reply: RunReply) => {
    if (reply.ok) {
      run.status = 'done';
      run.wallSeconds = reply.summary.wallSeconds;
    } else {
      run.status = 'failed';
      run.error = reply.error;
    }
    progress.update(++finished, `${run.dir}`);
  };
  // One thread's share: runs taken from the list in order until none are left, a run of a
  // large city is done, or a run crashed the thread.
  const serve = () =>
    new Promise<void>((resolve) => {
      pool.acquire(RUN_THREAD.filename, RUN_THREAD.options, async (err, worker) => {
        if (err) {
          if (next < todo.length) record(todo[next++].run, { ok: false, error: err.message });
          return resolve();
        }
        const thread = new RunThread(worker);
        while (next < todo.length && thread.alive) {
          const { run, scenario, agents } = todo[next++];
          const task = { scenario, out: path.join(dir, run.dir), threads: threads.perRun, agents };
          record(run, await thread.run(task));
          if (!reusableAfter(task)) break;
        }
        thread.end();
        resolve();
      });
    });
  const lane = async () => {
    while (next < todo.length) await serve();
  };
  await Promise.all(Array.from({ length: Math.min(threads.pool, todo.length) }, lane));
}
