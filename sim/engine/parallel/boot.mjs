// Worker threads do not inherit the TypeScript loader; this plain module loads the entry it
// was given, through tsx when it is TypeScript (the prebuilt bundle's is JavaScript). If
// loading fails, it reports through the control block (field numbers as in control.ts) so the main thread stops waiting for it.
import { workerData } from 'node:worker_threads';

try {
  if (workerData.entry.endsWith('.ts')) {
    const { tsImport } = await import('tsx/esm/api');
    await tsImport(workerData.entry, import.meta.url);
  } else {
    await import(workerData.entry);
  }
} catch (err) {
  const ctl = new Int32Array(workerData.init.ctl);
  const errorBytes = new Uint8Array(workerData.init.error);
  const FAILED = 8,
    ERROR_LENGTH = 9,
    DONE = 7;
  if (Atomics.compareExchange(ctl, FAILED, 0, 1) === 0) {
    const bytes = new TextEncoder().encode(`run thread ${workerData.init.index} could not start: ${err?.message ?? err}`).subarray(0, errorBytes.length);
    errorBytes.set(bytes);
    Atomics.store(ctl, ERROR_LENGTH, bytes.length);
  }
  Atomics.add(ctl, DONE, 1 << 20);
  Atomics.notify(ctl, DONE);
}
