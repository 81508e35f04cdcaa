import { Worker } from 'node:worker_threads';
import type { City } from '../../model/compile.ts';
import { threadContext, type ThreadContext } from '../../model/context.ts';
import type { ParallelFor } from '../../model/phases.ts';
import { Ctl, STOP, failureMessage, makeControl, type Control } from './control.ts';
import { workOnPhase } from './chunks.ts';
import type { WorkerInit } from './worker.ts';

/** Chunks per thread per phase: enough for load balance, few enough to keep atomics cheap. */
const CHUNKS_PER_THREAD = 16;
const MIN_CHUNK = 256;

/**
 * Splits each phase among the main thread and `workers - 1` worker threads that share the
 * city's memory. Workers start once per run and wait on an Atomics barrier between phases.
 */
export class WorkerFor implements ParallelFor {
  readonly threads: number;
  private readonly control: Control = makeControl();
  private readonly workers: Worker[] = [];
  private readonly ctx: ThreadContext;
  private closed = false;

  constructor(city: City, workers: number) {
    this.threads = workers;
    this.ctx = threadContext(city.world);
    const w = city.world;
    for (let k = 1; k < workers; k++) {
      const init: WorkerInit = {
        index: k,
        scenario: w.scenario,
        sizes: w.sizes,
        root: w.root,
        arrays: city.arrays.describe(),
        ctl: this.control.ctl.buffer as SharedArrayBuffer,
        error: this.control.error.buffer as SharedArrayBuffer,
      };
      const worker = new Worker(new URL('./boot.mjs', import.meta.url), {
        workerData: { entry: new URL('./worker.ts', import.meta.url).href, init },
      });
      // A forgotten close() must not keep the process alive.
      worker.unref();
      worker.on('error', () => {
        /* reported through the control block or the timeout below */
      });
      this.workers.push(worker);
    }
  }

  run(phase: number, total: number, day: number, slot: number): void {
    const ctl = this.control.ctl;
    if (total <= 0) return;
    Atomics.store(ctl, Ctl.phase, phase);
    Atomics.store(ctl, Ctl.total, total);
    Atomics.store(ctl, Ctl.day, day);
    Atomics.store(ctl, Ctl.slot, slot);
    Atomics.store(ctl, Ctl.chunkSize, Math.max(MIN_CHUNK, Math.ceil(total / (this.threads * CHUNKS_PER_THREAD))));
    Atomics.store(ctl, Ctl.nextChunk, 0);
    Atomics.store(ctl, Ctl.done, 0);
    Atomics.add(ctl, Ctl.generation, 1);
    Atomics.notify(ctl, Ctl.generation);
    workOnPhase(this.ctx, this.control, 'main thread');
    for (;;) {
      const done = Atomics.load(ctl, Ctl.done);
      if (done >= this.threads) break;
      Atomics.wait(ctl, Ctl.done, done, 1000);
    }
    if (Atomics.load(ctl, Ctl.failed)) throw new Error(`a worker failed: ${failureMessage(this.control)}`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.control.ctl, Ctl.phase, STOP);
    Atomics.add(this.control.ctl, Ctl.generation, 1);
    Atomics.notify(this.control.ctl, Ctl.generation);
    for (const w of this.workers) void w.terminate();
  }
}

export function parallelFor(city: City, workers: number): WorkerFor {
  return new WorkerFor(city, workers);
}
