import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import type { Progress } from '../progress.ts';
import { runFinished } from '../experiment/experimentFolder.ts';
import type { PendingRun, RunExecutor } from '../experiment/runExperiment.ts';
import type { QueueAddress } from './queueAddress.ts';
import { JOB_OPTIONS, QUEUE_NAME, runJobId, type RunJobData, type RunJobResult } from './runJob.ts';

export interface QueueExecutorOptions {
  /** How often the experiment folder is looked at for finished runs. */
  pollMs?: number;
  /** How often the queue is asked about the runs not finished yet (failed, or lost with a Redis restart). */
  reconcileMs?: number;
  /** How long a run may be "completed" on the queue without its folder appearing here before that is an error. */
  graceMs?: number;
  log: (line: string) => void;
}

const CHUNK = 500;

/**
 * Runs an experiment's runs on a BullMQ queue that `icity worker`s on any machine take them
 * from. The experiment folder is the unit of truth: a run is done when its complete folder
 * appears there. The queue is only asked about the others from time to time: a run that
 * failed every attempt is reported as failed; one the queue no longer knows (Redis restarted
 * without its data) is enqueued again; its job id makes enqueueing idempotent.
 */
export function queueExecutor(address: QueueAddress, options: QueueExecutorOptions): RunExecutor {
  const { pollMs = 500, reconcileMs = 3000, graceMs = 60_000, log } = options;
  return {
    where: address.shown,
    async run(dir: string, experimentHash: string, pending: PendingRun[], progress: Progress): Promise<void> {
      if (!pending.length) return;
      const queue = new Queue<RunJobData, RunJobResult>(QUEUE_NAME, { connection: address.options });
      let lastError = '';
      let lastErrorAt = 0;
      queue.on('error', (err) => {
        const now = Date.now();
        if (err.message === lastError && now - lastErrorAt < 30_000) return;
        lastError = err.message;
        lastErrorAt = now;
        log(`queue ${address.shown}: ${err.message}; waiting for it to come back`);
      });
      const id = (p: PendingRun) => runJobId(experimentHash, dir, p.run.arm, p.run.replication);
      const job = (p: PendingRun) => ({
        name: p.run.dir,
        data: { experiment: path.basename(dir), experimentHash, dir, run: { arm: p.run.arm, replication: p.run.replication, seed: p.run.seed, dir: p.run.dir, scenarioHash: p.run.scenarioHash }, scenario: p.scenario },
        opts: { ...JOB_OPTIONS, jobId: id(p) },
      });
      const enqueue = async (runs: PendingRun[]) => {
        for (let i = 0; i < runs.length; i += CHUNK) await queue.addBulk(runs.slice(i, i + CHUNK).map(job));
      };

      // Jobs of an earlier submission that finished or failed would keep their ids from being
      // added again: clear them (their run folders, not the queue, say what is done).
      const states = await statesOf(queue, pending.map(id));
      const stale = pending.filter((_, k) => states[k] === 'completed' || states[k] === 'failed');
      for (const p of stale) await queue.remove(id(p));
      await enqueue(pending);

      let left = pending;
      let finished = 0;
      const completedAt = new Map<string, number>();
      let reconciling = false;
      let lastReconcile = Date.now();
      const reconcile = async () => {
        const waiting = left;
        const st = await statesOf(queue, waiting.map(id));
        const lost: PendingRun[] = [];
        for (let k = 0; k < waiting.length; k++) {
          const p = waiting[k];
          if (p.run.status !== 'pending' || runFinished(dir, p.run)) continue;
          if (st[k] === 'unknown') lost.push(p);
          else if (st[k] === 'failed') {
            const j = await queue.getJob(id(p));
            p.run.status = 'failed';
            p.run.error = `${j?.failedReason ?? 'failed'} (after ${j?.attemptsMade ?? '?'} attempts on the queue)`;
          } else if (st[k] === 'completed') {
            const first = completedAt.get(id(p)) ?? Date.now();
            completedAt.set(id(p), first);
            if (Date.now() - first > graceMs) {
              const j = await queue.getJob(id(p));
              p.run.status = 'failed';
              p.run.error = `a worker on ${j?.returnvalue?.host ?? 'another machine'} finished it, but ${path.join(dir, p.run.dir)} is not complete here; is the experiment folder on a file system that every worker shares, at the same path?`;
            }
          }
        }
        if (lost.length) {
          log(`queue ${address.shown}: ${lost.length} unfinished run${lost.length > 1 ? 's were' : ' was'} not on the queue (was Redis restarted without its data?); enqueued again`);
          await enqueue(lost);
        }
      };

      while (left.length) {
        left = left.filter((p) => {
          if (p.run.status === 'pending' && runFinished(dir, p.run)) {
            p.run.status = 'done';
            p.run.wallSeconds = runWallSeconds(path.join(dir, p.run.dir));
            progress.update(++finished, p.run.dir);
          }
          return p.run.status === 'pending';
        });
        if (!left.length) break;
        // Asked in the background: while Redis is away the folder is still watched.
        if (!reconciling && Date.now() - lastReconcile >= reconcileMs) {
          reconciling = true;
          reconcile()
            .catch((err: Error) => log(`queue ${address.shown}: ${err.message}`))
            .finally(() => {
              reconciling = false;
              lastReconcile = Date.now();
            });
        }
        await sleep(pollMs);
      }
      // A lost connection must not keep the experiment from finishing.
      await Promise.race([queue.close().catch(() => {}), sleep(2000, undefined, { ref: false })]);
      await queue.disconnect().catch(() => {});
    },
  };
}

async function statesOf(queue: Queue, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await Promise.all(ids.slice(i, i + CHUNK).map((x) => queue.getJobState(x)))));
  return out;
}

function runWallSeconds(runDir: string): number | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(runDir, 'manifest.json'), 'utf8')) as { wallSeconds?: number }).wallSeconds;
  } catch {
    return undefined;
  }
}
