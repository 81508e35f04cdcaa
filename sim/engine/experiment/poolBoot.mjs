// Pool threads do not inherit the TypeScript loader; this plain module registers it
// and loads the run entry it was given. A failure to load is answered like a failed run.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

try {
  await tsImport(workerData.entry, import.meta.url);
} catch (err) {
  parentPort.postMessage({ ok: false, error: `the pool thread could not start: ${err?.message ?? err}` });
}
