import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { MANIFEST, runFinished } from '../experiment/experimentFolder.ts';
import { RunThreads, type ThreadRun } from '../experiment/runInThread.ts';
import type { QueueAddress } from './queueAddress.ts';
import { QUEUE_NAME, RESULT_TTL_SECONDS, resultKey, type RunJobData, type RunJobResult } from './runJob.ts';
import { throttledReport } from './throttledReport.ts';
import { abandonRun, removeStaleScratch } from '../runFolder.ts';

/** Scratch folders of transfer-mode runs: icity-worker-<pid>- and a random suffix, in the temporary folder. */
const SCRATCH_PREFIX = 'icity-worker-';

export interface QueueWorkerOptions {
  /** Runs at once. */
  concurrency: number;
  /** Threads inside each run (runCity's `workers`). */
  threadsPerRun: number;
  /**
   * How long a run's lock on its job lasts without renewal, in seconds (BullMQ's lockDuration;
   * renewed every half of it while the run computes). It is also the stalled-job check's
   * interval: a run whose worker died is handed to another worker after one to two of these.
   */
  lockSeconds: number;
  /** Stop after this many seconds without a run (e.g. at the end of a batch job); default never. */
  idleSeconds?: number;
  /** One line per event (run taken, finished, failed; connection lost). */
  log: (line: string) => void;
}

export interface QueueWorker {
  /** Resolves when the worker has stopped (idle, or after stop()). */
  stopped: Promise<void>;
  /** Stops taking runs and hands the runs it is doing back to the queue at once. */
  stop(): Promise<void>;
}

/** A stalled run may be handed out this many times before it counts as failed (a run that kills its worker every time). */
export const MAX_STALLED = 3;

/**
 * An `icity worker`: takes runs from the queue and writes each run folder into its
 * experiment folder, atomically as `icity run` does (a killed worker leaves only a hidden
 * ".<rep>.partial-..." folder). The run folder is the unit of truth: a run whose folder is
 * complete is not run again, whoever asks.
 */
export function startQueueWorker(address: QueueAddress, options: QueueWorkerOptions): QueueWorker {
  const host = os.hostname();
  const running = new Map<string, { thread: ThreadRun; job: Job<RunJobData, RunJobResult>; token?: string; out: string }>();
  // Scratch folders of transfer-mode workers that were killed on this machine.
  removeStaleScratch(os.tmpdir(), SCRATCH_PREFIX);
  let stopping = false;
  let lastActivity = Date.now();
  const report = throttledReport(options.log, address.shown, 'retrying');
  // Run after run in the same threads: loading the run code costs a thread several tenths of a second.
  const threads = new RunThreads();
  // For transferred runs: the files go back through Redis on a connection of their own.
  let store: Redis | undefined;

  /** Runs in a scratch folder of this machine and stores the run folder's files in Redis. */
  const transfer = async (job: Job<RunJobData, RunJobResult>, token?: string): Promise<RunJobResult> => {
    const d = job.data;
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
    try {
      options.log(`${d.experiment} ${d.run.dir}: started, to send back${job.attemptsStarted > 1 ? ` (start ${job.attemptsStarted})` : ''}`);
      const reply = await runThread(job, token, path.join(scratch, 'run'));
      const files: Record<string, Buffer> = {};
      for (const f of fs.readdirSync(path.join(scratch, 'run'), { withFileTypes: true })) {
        if (!f.isFile()) throw new Error(`${host}: the run folder holds ${f.name}, which is not a file; cannot send it back`);
        files[f.name] = fs.readFileSync(path.join(scratch, 'run', f.name));
      }
      if (!store) {
        store = new Redis(address.options);
        store.on('error', report);
      }
      const key = resultKey(job.id!);
      await store.multi().del(key).hset(key, files).expire(key, RESULT_TTL_SECONDS).exec();
      const bytes = Object.values(files).reduce((n, b) => n + b.length, 0);
      options.log(`${d.experiment} ${d.run.dir}: done in ${reply.wallSeconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB sent back`);
      return { host, pid: process.pid, reused: false, wallSeconds: reply.wallSeconds };
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  };

  /** Runs a job's run into `out` in a worker thread; hands it back to the queue if the worker is stopping. */
  const runThread = async (job: Job<RunJobData, RunJobResult>, token: string | undefined, out: string): Promise<{ wallSeconds: number }> => {
    const thread = threads.run({ scenario: job.data.scenario, out, threads: options.threadsPerRun, agents: job.data.agents });
    running.set(job.id!, { thread, job, token, out });
    try {
      const reply = await thread.reply;
      if (stopping) {
        // Handed back, not failed: the next worker starts it afresh and no attempt is used.
        await job.moveToDelayed(Date.now() + 1000, token);
        throw new DelayedError();
      }
      if (!reply.ok) throw new Error(`${host}: ${reply.error}`);
      return { wallSeconds: reply.summary.wallSeconds };
    } finally {
      running.delete(job.id!);
      lastActivity = Date.now();
    }
  };

  const processor = async (job: Job<RunJobData, RunJobResult>, token?: string): Promise<RunJobResult> => {
    const d = job.data;
    lastActivity = Date.now();
    // A job names where to write: only ever a run folder's place inside an experiment folder.
    if (!/^runs\/[a-z0-9][a-z0-9-]*\/\d+$/.test(d.run?.dir ?? '') || !path.isAbsolute(d.dir ?? ''))
      throw new UnrecoverableError(`not a run of an experiment folder: ${JSON.stringify(d.run?.dir)} in ${JSON.stringify(d.dir)}`);
    if (d.transfer) return transfer(job, token);
    const manifest = path.join(d.dir, MANIFEST);
    let hash: string | undefined;
    try {
      hash = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { experimentHash?: string }).experimentHash;
    } catch {
      // Another worker, on a machine that mounts the folder, may take it on the next attempt.
      throw new Error(`${host}: cannot read ${manifest}; every worker needs the experiment folder at the same path (a shared file system)`);
    }
    if (hash !== d.experimentHash)
      throw new UnrecoverableError(`${d.dir} holds another experiment now (its manifest's experimentHash differs); the run was not written`);
    if (runFinished(d.dir, d.run)) {
      options.log(`${d.experiment} ${d.run.dir}: already complete, skipped`);
      return { host, pid: process.pid, reused: true, wallSeconds: 0 };
    }
    options.log(`${d.experiment} ${d.run.dir}: started${job.attemptsStarted > 1 ? ` (start ${job.attemptsStarted})` : ''}`);
    const reply = await runThread(job, token, path.join(d.dir, d.run.dir));
    options.log(`${d.experiment} ${d.run.dir}: done in ${reply.wallSeconds.toFixed(1)} s`);
    return { host, pid: process.pid, reused: false, wallSeconds: reply.wallSeconds };
  };

  const worker = new Worker<RunJobData, RunJobResult>(QUEUE_NAME, processor, {
    connection: address.options,
    concurrency: options.concurrency,
    lockDuration: options.lockSeconds * 1000,
    stalledInterval: options.lockSeconds * 1000,
    maxStalledCount: MAX_STALLED,
    autorun: true,
  });
  worker.on('failed', (job, err) => {
    if (job && !(err instanceof DelayedError)) options.log(`${job.data.experiment} ${job.data.run.dir}: failed: ${err.message}`);
  });
  worker.on('stalled', (id) => options.log(`run ${id}: its worker stopped answering; handed back to the queue`));
  worker.on('error', report);

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  const stop = async () => {
    if (stopping) return stopped;
    stopping = true;
    clearInterval(idleTimer);
    const closing = worker.close();
    await Promise.all(
      [...running.values()].map(async (r) => {
        await r.thread.stop();
        abandonRun(r.out);
      }),
    );
    await closing;
    threads.close();
    store?.disconnect();
    resolveStopped();
    return stopped;
  };
  const idleTimer = setInterval(() => {
    if (options.idleSeconds !== undefined && running.size === 0 && Date.now() - lastActivity > options.idleSeconds * 1000) {
      options.log(`no run for ${options.idleSeconds} s; stopping`);
      void stop();
    }
  }, 500);
  return { stopped, stop };
}
