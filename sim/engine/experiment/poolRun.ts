import { parentPort, workerData } from 'node:worker_threads';
import { runCity } from '../runCity.ts';
import { parallelFor } from '../parallel/parallelFor.ts';
import type { PoolThreadData, RunReply } from './poolMessages.ts';

// One run of an experiment in a pool thread; with threads > 1 it starts its own run
// threads, which share the run's memory like `icity run --workers`.
const { task } = workerData as PoolThreadData;
let reply: RunReply;
try {
  const summary = runCity(task.scenario, { out: task.out, threads: task.threads, agents: task.agents, progress: false, parallel: parallelFor });
  reply = { ok: true, summary };
} catch (err) {
  reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
}
parentPort!.postMessage(reply);
