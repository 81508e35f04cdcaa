import { Worker } from 'node:worker_threads';
import type { City } from '../../model/compile.ts';
import { threadContext, type ThreadContext } from '../../model/context.ts';
import { censusBlocksOf } from '../../model/censusLayout.ts';
import { MIN_CHUNK, type ParallelFor } from '../../model/phases.ts';
import { Ctl, STOP, failureMessage, makeControl, type Control } from './control.ts';
import { workOnPhase } from './chunks.ts';
import type { RunThreadInit } from './worker.ts';
import { siblingModule } from '../moduleUrl.ts';

/** Chunks per thread per phase: enough for load balance, few enough to keep atomics cheap. */
const CHUNKS_PER_THREAD = 16;
/** Generous: covers a run thread's start-up (loading TypeScript) on a loaded machine. */
const STALL_MS = 60_000;

/**
 * Splits each phase among the main thread and `threads - 1` helper run threads that share the
 * city's memory. Helpers start once per run and wait on an Atomics barrier between phases.
 */
export class ThreadedFor implements ParallelFor {
  readonly threads: number;
  private readonly control: Control = makeControl();
  /** The helper run threads (for monitoring; the main thread is the first of `threads`). */
  readonly helpers: Worker[] = [];
  /** How long all threads but one may go without signing off before the run is abandoned. */
  stallMs = STALL_MS;
  private readonly ctx: ThreadContext;
  private closed = false;

  constructor(city: City, threads: number) {
    this.threads = threads;
    this.ctx = threadContext(city.world);
    this.ctx.census = censusBlocksOf(city.world, city.arrays);
    const w = city.world;
    for (let k = 1; k < threads; k++) {
      const init: RunThreadInit = {
        index: k,
        scenario: w.scenario,
        sizes: w.sizes,
        root: w.root,
        arrays: city.arrays.describe(),
        ctl: this.control.ctl.buffer as SharedArrayBuffer,
        error: this.control.error.buffer as SharedArrayBuffer,
      };
      const worker = new Worker(new URL('./boot.mjs', import.meta.url), {
        workerData: { entry: siblingModule('./worker.ts', import.meta.url).href, init },
      });
      // A forgotten close() must not keep the process alive.
      worker.unref();
      worker.on('error', () => {
        /* reported through the control block or the timeout below */
      });
      this.helpers.push(worker);
    }
  }

  run(phase: number, total: number, day: number, slot: number): void {
    const ctl = this.control.ctl;
    if (total <= 0) return;
    Atomics.store(ctl, Ctl.phase, phase);
    Atomics.store(ctl, Ctl.total, total);
    Atomics.store(ctl, Ctl.day, day);
    Atomics.store(ctl, Ctl.slot, slot);
    Atomics.store(ctl, Ctl.chunkSize, Math.max(MIN_CHUNK[phase], Math.ceil(total / (this.threads * CHUNKS_PER_THREAD))));
    Atomics.store(ctl, Ctl.nextChunk, 0);
    Atomics.store(ctl, Ctl.done, 0);
    Atomics.add(ctl, Ctl.generation, 1);
    Atomics.notify(ctl, Ctl.generation);
    workOnPhase(this.ctx, this.control, 'main thread');
    // The main thread takes chunks until none are left, so from here on the others only
    // finish their last chunk (milliseconds) and sign off. A thread that does not sign off
    // for STALL_MS has died (its 'exit' event cannot reach a thread blocked here).
    let last = Atomics.load(ctl, Ctl.done);
    let since = Date.now();
    while (last < this.threads) {
      Atomics.wait(ctl, Ctl.done, last, 1000);
      const done = Atomics.load(ctl, Ctl.done);
      if (done !== last) {
        last = done;
        since = Date.now();
      } else if (Date.now() - since > this.stallMs) {
        this.close();
        throw new Error(`${this.threads - done} run thread(s) stopped responding on day ${day} (a thread died or hung); the run is abandoned`);
      }
    }
    if (Atomics.load(ctl, Ctl.failed)) {
      this.close();
      throw new Error(`a run thread failed: ${failureMessage(this.control)}`);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.control.ctl, Ctl.phase, STOP);
    Atomics.add(this.control.ctl, Ctl.generation, 1);
    Atomics.notify(this.control.ctl, Ctl.generation);
    for (const w of this.helpers) void w.terminate();
  }
}

export function parallelFor(city: City, threads: number): ThreadedFor {
  return new ThreadedFor(city, threads);
}
