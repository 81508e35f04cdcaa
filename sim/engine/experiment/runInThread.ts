import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { PoolThreadData, RunReply, RunTask } from './poolMessages.ts';
import { siblingModule } from '../moduleUrl.ts';

const entry: PoolThreadData = { entry: siblingModule('./poolRun.ts', import.meta.url).href };

/** How a pool thread is started (for `new Worker` or worker-threads-pool's `acquire`): poolBoot.mjs loads poolRun.ts. */
export const RUN_THREAD = { filename: fileURLToPath(new URL('./poolBoot.mjs', import.meta.url)), options: { workerData: entry } };

/**
 * A pool thread, which does runs one at a time. Loading the run code takes a thread several
 * tenths of a second, more than a run of a small city takes, so an experiment gives each of
 * its threads run after run. A thread that fails (it could not load, or a run crashed it)
 * answers the run it was doing, and every later one, with the failure.
 */
export class RunThread {
  private failure?: string;
  private answer?: (reply: RunReply) => void;
  private ending = false;

  constructor(readonly worker: Worker) {
    worker.on('message', (reply: RunReply) => {
      if (!reply.ok && reply.threadEnds) return this.fail(reply.error);
      const answer = this.answer;
      this.answer = undefined;
      answer?.(reply);
    });
    worker.once('error', (err) => this.fail(err.message));
    worker.once('exit', (code) => this.fail(`the run's thread exited with code ${code} before it finished`));
  }

  /** Whether the thread can still take a run. */
  get alive(): boolean {
    return this.failure === undefined && !this.ending;
  }

  /** Does one run; one at a time. */
  run(task: RunTask): Promise<RunReply> {
    if (this.answer) throw new Error('a run thread does one run at a time');
    if (!this.alive) return Promise.resolve({ ok: false, error: this.failure ?? 'the run thread has been ended' });
    return new Promise((resolve) => {
      this.answer = resolve;
      this.worker.postMessage(task);
    });
  }

  /** Lets the thread end once its run, if any, is done. */
  end(): void {
    if (this.alive) this.worker.postMessage(null);
    this.ending = true;
  }

  private fail(why: string): void {
    this.failure ??= why;
    const answer = this.answer;
    this.answer = undefined;
    answer?.({ ok: false, error: this.failure });
  }
}

/**
 * A pool thread takes run after run while the runs are of cities up to this size; after a
 * larger one it ends and a fresh thread takes the next run. Starting a thread costs several
 * tenths of a second, nothing beside such a run, and a fresh thread gives back the memory of
 * a large city at once. (Below it, each run takes the memory of the one before: spareMemory.ts.)
 */
const REUSE_UP_TO_RESIDENTS = 250_000;

/** Whether a thread that has done this run should take another. */
export function reusableAfter(task: RunTask): boolean {
  return task.scenario.population.residents <= REUSE_UP_TO_RESIDENTS;
}

/** A run going on in a run thread. */
export interface ThreadRun {
  reply: Promise<RunReply>;
  /** The thread doing the run (worker_threads' threadId). */
  threadId: number;
  /** Ends the thread; the run's unfinished folder stays hidden (".<rep>.partial-..."). */
  stop(): Promise<void>;
}

/**
 * Run threads for runs that come one by one, as an `icity worker` takes them from its queue,
 * so that the calling thread stays free (a worker must keep renewing its queue locks while a
 * run computes). A run takes an idle thread or starts one; afterwards the thread waits for the
 * next run, unless the run was of a large city (reusableAfter).
 */
export class RunThreads {
  private idle: RunThread[] = [];
  private closed = false;

  run(task: RunTask): ThreadRun {
    let thread = this.idle.pop();
    while (thread && !thread.alive) thread = this.idle.pop();
    const taken = thread ?? new RunThread(new Worker(RUN_THREAD.filename, RUN_THREAD.options));
    const reply = taken.run(task).finally(() => {
      if (!this.closed && taken.alive && reusableAfter(task)) this.idle.push(taken);
      else taken.end();
    });
    return { reply, threadId: taken.worker.threadId, stop: async () => void (await taken.worker.terminate()) };
  }

  /** Ends the idle threads, and every thread once its run is done. */
  close(): void {
    this.closed = true;
    for (const thread of this.idle) thread.end();
    this.idle = [];
  }
}
