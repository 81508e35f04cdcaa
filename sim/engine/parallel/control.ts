/**
 * The shared control block through which the main thread drives the helper run threads. One Int32Array
 * on a SharedArrayBuffer; fields are named slots, as in piscina. Waiting and waking go
 * through Atomics, never through messages: a message costs an event-loop turn per phase,
 * and a day has a dozen phases.
 */
export const Ctl = {
  /** Bumped by the main thread to start a phase; helpers wait on it. */
  generation: 0,
  phase: 1,
  total: 2,
  day: 3,
  slot: 4,
  /** Next chunk to take; threads take chunks with Atomics.add until none are left. */
  nextChunk: 5,
  chunkSize: 6,
  /** Threads that finished the current phase; the main thread waits on it. */
  done: 7,
  /** Set when a thread failed; the message is in the error buffer. */
  failed: 8,
  errorLength: 9,
} as const;
export const CONTROL_FIELDS = 10;
export const ERROR_BYTES = 4096;
/** Phase number that tells helpers to exit. */
export const STOP = -1;

export interface Control {
  ctl: Int32Array;
  error: Uint8Array;
}

export function makeControl(): Control {
  return {
    ctl: new Int32Array(new SharedArrayBuffer(CONTROL_FIELDS * 4)),
    error: new Uint8Array(new SharedArrayBuffer(ERROR_BYTES)),
  };
}

export function fromBuffers(ctl: SharedArrayBuffer, error: SharedArrayBuffer): Control {
  return { ctl: new Int32Array(ctl), error: new Uint8Array(error) };
}

/** Records the first failure of a phase (later ones are dropped). */
export function reportFailure(c: Control, message: string): void {
  if (Atomics.compareExchange(c.ctl, Ctl.failed, 0, 1) !== 0) return;
  const bytes = new TextEncoder().encode(message).subarray(0, ERROR_BYTES);
  c.error.set(bytes);
  Atomics.store(c.ctl, Ctl.errorLength, bytes.length);
}

export function failureMessage(c: Control): string {
  const n = Atomics.load(c.ctl, Ctl.errorLength);
  return new TextDecoder().decode(c.error.slice(0, n));
}
