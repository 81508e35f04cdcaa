import { loadRun, type Run } from './loadRun.ts';

const runs = new Map<string, Promise<Run>>();

/**
 * A run folder loaded once per page: going back to a view (side by side, one run) reuses the
 * frames already loaded instead of fetching them all again. A failed load is forgotten, so
 * the next visit tries again.
 */
export function cachedRun(path: string): Promise<Run> {
  let run = runs.get(path);
  if (!run) {
    run = loadRun(path);
    runs.set(path, run);
    run.catch(() => runs.delete(path));
  }
  return run;
}
