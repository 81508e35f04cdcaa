// Types of the worker-threads-pool package (it ships none): a limit on how many worker
// threads run at once, each started for one task and queued while the pool is full.
declare module 'worker-threads-pool' {
  import type { Worker, WorkerOptions } from 'node:worker_threads';
  export default class Pool {
    constructor(options?: { max?: number; maxWaiting?: number });
    readonly size: number;
    acquire(filename: string | URL, options: WorkerOptions, callback: (err: Error | null, worker: Worker) => void): void;
    destroy(callback?: () => void): void;
  }
}
