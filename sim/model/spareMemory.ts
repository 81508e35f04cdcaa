import type { SharedDescription, SpareBuffers } from './shared.ts';

/**
 * The shared memory of a finished run, kept for the next run of the same thread. A thread
 * that does run after run (an experiment's pool thread) would otherwise leave every run's
 * arrays to the garbage collector, which counts them as memory outside its heap and frees
 * them late: an experiment of 32 runs of 100,000 residents on 2 threads peaked at 0.53 GB,
 * where 4 runs took 0.20 GB. Forcing a collection after each run frees them but discards
 * compiled code, and the next run is slower by more than half a second. Runs of one
 * experiment mostly have the same sizes, so each array is taken back by the next run,
 * zeroed, as a fresh one would be.
 */
export class SpareMemory implements SpareBuffers {
  private spare = new Map<string, SharedArrayBuffer>();

  /** A kept buffer for array `name` of exactly `bytes` bytes, zeroed; undefined if none is kept. */
  take(name: string, bytes: number): SharedArrayBuffer | undefined {
    const key = keyOf(name, bytes);
    const buffer = this.spare.get(key);
    if (!buffer) return undefined;
    this.spare.delete(key);
    new Uint8Array(buffer).fill(0);
    return buffer;
  }

  /**
   * Keeps the arrays of a run that has ended, whose threads have stopped: nothing may read or
   * write them afterwards. Buffers kept from an earlier run and not taken since are let go.
   */
  keep(arrays: SharedDescription): void {
    this.spare = new Map(Object.entries(arrays).map(([name, e]) => [keyOf(name, e.buffer.byteLength), e.buffer]));
  }
}

function keyOf(name: string, bytes: number): string {
  return `${name}:${bytes}`;
}
