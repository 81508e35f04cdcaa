import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Progress } from '../progress.ts';
import { discardDir, partialDir, publishDir } from '../runFolder.ts';
import { runFinished } from '../experiment/experimentFolder.ts';
import type { PendingRun, RunExecutor } from '../experiment/runExperiment.ts';
import type { QueueAddress } from './queueAddress.ts';
import { JOB_OPTIONS, QUEUE_NAME, resultKey, runJobId, type RunJobData, type RunJobResult } from './runJob.ts';
import { throttledReport } from './throttledReport.ts';

export interface QueueExecutorOptions {
  /** How often the experiment folder is looked at for finished runs. */
  pollMs?: number;
  /** How often the queue is asked about the runs not finished yet (failed, or lost with a Redis restart). */
  reconcileMs?: number;
  /** How long a run may be "completed" on the queue without its folder appearing here before that is an error. */
  graceMs?: number;
  /** Workers send each run folder's files back through Redis and this process writes them (no shared file system needed). */
  transfer?: boolean;
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
  const { pollMs = 500, graceMs = 60_000, transfer = false, log } = options;
  // Sent-back files wait in Redis until collected: look for them sooner.
  const reconcileMs = options.reconcileMs ?? (transfer ? 1000 : 3000);
  return {
    where: address.shown,
    transfer,
    async run(dir: string, experimentHash: string, pending: PendingRun[], progress: Progress): Promise<void> {
      if (!pending.length) return;
      const queue = new Queue<RunJobData, RunJobResult>(QUEUE_NAME, { connection: address.options });
      const report = throttledReport(log, address.shown, 'waiting for it to come back');
      queue.on('error', report);
      const store = transfer ? new Redis(address.options) : undefined;
      store?.on('error', report);
      const id = (p: PendingRun) => runJobId(experimentHash, dir, p.run.arm, p.run.replication);
      const job = (p: PendingRun) => ({
        name: p.run.dir,
        data: {
          experiment: path.basename(dir),
          experimentHash,
          dir,
          run: { arm: p.run.arm, replication: p.run.replication, seed: p.run.seed, dir: p.run.dir, scenarioHash: p.run.scenarioHash },
          scenario: p.scenario,
          agents: p.agents,
          transfer,
        },
        opts: { ...JOB_OPTIONS, jobId: id(p) },
      });
      const enqueue = async (runs: PendingRun[]) => {
        for (let i = 0; i < runs.length; i += CHUNK) await queue.addBulk(runs.slice(i, i + CHUNK).map(job));
      };

      // Jobs of an earlier submission that finished or failed would keep their ids from being
      // added again: clear them (their run folders, not the queue, say what is done). A
      // finished run whose files were sent back and not yet collected is collected instead.
      const states = await statesOf(queue, pending.map(id));
      const stale = pending.filter((_, k) => states[k] === 'failed' || (states[k] === 'completed' && !transfer));
      for (const p of stale) await queue.remove(id(p));
      await enqueue(pending);

      let left = pending;
      let finished = 0;
      const completedAt = new Map<string, number>();
      /** Writes a sent-back run folder here, atomically; false when its files are gone (expired, or Redis lost them). */
      const collect = async (p: PendingRun): Promise<boolean> => {
        const key = resultKey(id(p));
        const files = await store!.hgetallBuffer(key);
        const names = Object.keys(files);
        if (!names.includes('manifest.json')) return false;
        const final = path.join(dir, p.run.dir);
        const tmp = partialDir(final);
        try {
          for (const name of names) {
            if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) throw new Error(`the files sent back include "${name}", which is not a run folder's file`);
            fs.writeFileSync(path.join(tmp, name), files[name]);
          }
          const hash = (JSON.parse(files['manifest.json'].toString('utf8')) as { scenarioHash?: string }).scenarioHash;
          if (hash !== p.run.scenarioHash) throw new Error('the run sent back is of another scenario (its scenarioHash differs)');
          publishDir(tmp, final);
        } catch (err) {
          discardDir(tmp);
          p.run.status = 'failed';
          p.run.error = (err as Error).message;
        }
        await store!.del(key);
        return true;
      };
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
          } else if (st[k] === 'completed' && transfer) {
            if (!(await collect(p))) {
              await queue.remove(id(p));
              lost.push(p);
            }
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
          log(
            `queue ${address.shown}: ${lost.length} unfinished run${lost.length > 1 ? 's were' : ' was'} not on the queue${transfer ? ' or left no files' : ''} (was Redis restarted without its data?); enqueued again`,
          );
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
      store?.disconnect();
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
