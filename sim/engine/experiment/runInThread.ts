import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { PoolThreadData, RunReply, RunTask } from './poolMessages.ts';
import { siblingModule } from '../moduleUrl.ts';

const BOOT = fileURLToPath(new URL('./poolBoot.mjs', import.meta.url));
const ENTRY = siblingModule('./poolRun.ts', import.meta.url).href;

/** A run going on in a thread of its own. */
export interface ThreadRun {
  reply: Promise<RunReply>;
  /** Ends the thread; the run's unfinished folder stays hidden (".<rep>.partial-..."). */
  stop(): Promise<void>;
}

/**
 * One run in its own worker thread, with the experiment pool's run code (poolBoot.mjs loads
 * poolRun.ts), so the calling thread stays free: an `icity worker` must keep renewing its
 * queue locks while a run computes.
 */
export function runInThread(task: RunTask): ThreadRun {
  const data: PoolThreadData = { entry: ENTRY, task };
  const worker = new Worker(BOOT, { workerData: data });
  const reply = new Promise<RunReply>((resolve) => {
    let settled = false;
    const settle = (r: RunReply) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    worker.once('message', (r: RunReply) => settle(r));
    worker.once('error', (e) => settle({ ok: false, error: e.message }));
    worker.once('exit', (code) => settle({ ok: false, error: `the run's thread exited with code ${code} before it finished` }));
  });
  return { reply, stop: async () => void (await worker.terminate()) };
}
