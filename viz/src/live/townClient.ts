import type { Reply, Request } from './protocol.ts';

/** The script of a town's worker, next to the page's own script. */
export const WORKER_SCRIPT = 'live-worker.js';

/**
 * The page's side of one town's worker: a request at a time, answered by a promise. An
 * error reply rejects with the worker's message (a scenario problem names its field).
 */
export class TownClient {
  private readonly worker = new Worker(WORKER_SCRIPT, { type: 'module', name: 'live town' });
  private queue: Promise<unknown> = Promise.resolve();

  request(req: Request): Promise<Reply> {
    const next = this.queue.then(
      () =>
        new Promise<Reply>((resolve, reject) => {
          this.worker.onmessage = (e: MessageEvent<Reply>) => (e.data.type === 'error' ? reject(new Error(e.data.message)) : resolve(e.data));
          this.worker.onerror = (e) => reject(new Error(`the live town's worker failed: ${e.message}`));
          this.worker.postMessage(req);
        }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.worker.terminate();
  }
}
