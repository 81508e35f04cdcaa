// Pool threads do not inherit the TypeScript loader; this plain module loads the run entry
// it was given, through tsx when it is TypeScript (the prebuilt bundle's is JavaScript).
// A failure to load is answered like a failed run, marked as the thread's end.
import { parentPort, workerData } from 'node:worker_threads';

try {
  if (workerData.entry.endsWith('.ts')) {
    const { tsImport } = await import('tsx/esm/api');
    await tsImport(workerData.entry, import.meta.url);
  } else {
    await import(workerData.entry);
  }
} catch (err) {
  parentPort.postMessage({ ok: false, error: `the pool thread could not start: ${err?.message ?? err}`, threadEnds: true });
}
